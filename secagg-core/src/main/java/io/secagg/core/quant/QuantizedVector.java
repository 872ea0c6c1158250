package io.secagg.core.quant;

import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;

/**
 * One client's quantized vector and its report. Immutable: {@link #vector()} returns a copy.
 *
 * <p>The vector is an element of Z_m^L with the configuration's {@link Modulus}, the type the
 * protocol takes as a client's input: {@code ClientMachine.builder(config, id).input(q.vector())}.
 */
public final class QuantizedVector {
  private final ModVector vector;
  private final int clippedCount;

  QuantizedVector(ModVector vector, int clippedCount) {
    this.vector = vector;
    this.clippedCount = clippedCount;
  }

  /**
   * The quantized values as a vector over Z_m (a fresh copy): each element lies in [0, 2B], see
   * {@link QuantizerConfig#offset()}.
   */
  public ModVector vector() {
    return vector.copy();
  }

  /** The modulus m of the values. */
  public Modulus modulus() {
    return vector.modulus();
  }

  /** The number of coordinates. */
  public int length() {
    return vector.length();
  }

  /** How many input coordinates were outside [-c, c] and were clipped to the bound. */
  public int clippedCount() {
    return clippedCount;
  }

  /** Sizes and counts only: quantized values are derived from private inputs. */
  @Override
  public String toString() {
    return "QuantizedVector[length=" + vector.length() + ", m=" + vector.modulus() + ", clipped="
        + clippedCount + "]";
  }
}
