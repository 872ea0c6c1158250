package io.secagg.vdaf.internal.flp;

import io.secagg.vdaf.internal.field.Field;

/**
 * The draft's {@code MultihotCountVec} circuit: {@code length} bits followed by the claimed weight
 * as a range-checked integer in {@code [0, maxWeight]}; the range check over everything plus
 * {@code sum(bits) - weight}.
 */
public final class MultihotCountVecCircuit extends RangeCheckCircuit {
  private final int length;
  private final int weightBits;
  private final long[] lastWeight;

  /** Creates the circuit. */
  public MultihotCountVecCircuit(Field field, int length, long maxWeight, int chunkLength) {
    super(field, Math.addExact(length, RangeCheckedInt.bits(maxWeight)), chunkLength, length, 2);
    this.length = length;
    this.weightBits = RangeCheckedInt.bits(maxWeight);
    this.lastWeight = RangeCheckedInt.lastWeight(field, maxWeight);
  }

  @Override
  protected void affineOutputs(long[] meas, long[] sharesInverse, long[] out) {
    long[] weight = field.newVector(1);
    for (int i = 0; i < length; i++) {
      field.add(weight, 0, weight, 0, meas, i);
    }
    long[] reported = field.newVector(1);
    RangeCheckedInt.decode(field, meas, length, weightBits, lastWeight, reported, 0);
    field.sub(out, 1, weight, 0, reported, 0);
  }

  @Override
  public long[] truncate(long[] meas) {
    return java.util.Arrays.copyOf(meas, length * field.words());
  }
}
