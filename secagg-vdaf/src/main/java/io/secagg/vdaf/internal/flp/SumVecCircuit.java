package io.secagg.vdaf.internal.flp;

import io.secagg.vdaf.internal.field.Field;

/**
 * The draft's {@code SumVec} circuit: {@code length} integers in {@code [0, max]}, each as its
 * modified bit decomposition ({@link RangeCheckedInt}), range-checked in chunks.
 */
public final class SumVecCircuit extends RangeCheckCircuit {
  private final int length;
  private final int bits;
  private final long[] lastWeight;

  /** Creates the circuit; {@code length * bit_length(max)} must fit an {@code int}. */
  public SumVecCircuit(Field field, int length, long maxMeasurement, int chunkLength) {
    super(field, Math.multiplyExact(length, RangeCheckedInt.bits(maxMeasurement)), chunkLength, length, 1);
    this.length = length;
    this.bits = RangeCheckedInt.bits(maxMeasurement);
    this.lastWeight = RangeCheckedInt.lastWeight(field, maxMeasurement);
  }

  @Override
  protected void affineOutputs(long[] meas, long[] sharesInverse, long[] out) {}

  @Override
  public long[] truncate(long[] meas) {
    long[] out = field.newVector(length);
    for (int i = 0; i < length; i++) {
      RangeCheckedInt.decode(field, meas, i * bits, bits, lastWeight, out, i);
    }
    return out;
  }
}
