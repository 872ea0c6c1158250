package io.secagg.core.quant;

/**
 * A decoded sum and its report. Immutable: {@link #values()} returns a copy.
 *
 * <p>A coordinate whose sum exceeds n * 2B, the largest sum n honestly quantized values can
 * have, is counted in {@link #outOfRangeCount()} and decoded as the nearest feasible sum in the
 * cyclic sense (n * 2B if it lies closer above that, 0 if it lies closer to m, i.e. looks like a
 * wrap below zero). A non-zero count means that some client sent values outside [0, 2B] (a bug
 * or a malicious client): callers that need integrity should reject the round.
 */
public final class DequantizedSum {
  private final double[] values;
  private final int outOfRangeCount;
  private final int clientsIncluded;

  DequantizedSum(double[] values, int outOfRangeCount, int clientsIncluded) {
    this.values = values;
    this.outOfRangeCount = outOfRangeCount;
    this.clientsIncluded = clientsIncluded;
  }

  /**
   * The decoded sums (S - n * B) * 2^-e, each rounded to the nearest binary64 value (a fresh
   * copy).
   */
  public double[] values() {
    return values.clone();
  }

  /** The decoded sum at coordinate {@code i}. */
  public double value(int i) {
    return values[i];
  }

  /** The number of coordinates. */
  public int length() {
    return values.length;
  }

  /** How many coordinates held a sum above n * 2B and were clamped (see the class description). */
  public int outOfRangeCount() {
    return outOfRangeCount;
  }

  /** The number n of clients the sum was declared to include. */
  public int clientsIncluded() {
    return clientsIncluded;
  }

  @Override
  public String toString() {
    return "DequantizedSum[length=" + values.length + ", clients=" + clientsIncluded
        + ", outOfRange=" + outOfRangeCount + "]";
  }
}
