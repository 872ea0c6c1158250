package io.secagg.core.quant;

/**
 * One client's quantized vector and its report. Immutable: {@link #values()} returns a copy.
 */
public final class QuantizedVector {
  private final long[] values;
  private final int clippedCount;

  QuantizedVector(long[] values, int clippedCount) {
    this.values = values;
    this.clippedCount = clippedCount;
  }

  /**
   * The quantized values, each in [0, 2B] and hence in [0, m), read as unsigned 64-bit integers
   * (a fresh copy).
   */
  public long[] values() {
    return values.clone();
  }

  /** The value at coordinate {@code i}. */
  public long value(int i) {
    return values[i];
  }

  /** The number of coordinates. */
  public int length() {
    return values.length;
  }

  /** How many input coordinates were outside [-c, c] and were clipped to the bound. */
  public int clippedCount() {
    return clippedCount;
  }

  /** Sizes and counts only: quantized values are derived from private inputs. */
  @Override
  public String toString() {
    return "QuantizedVector[length=" + values.length + ", clipped=" + clippedCount + "]";
  }
}
