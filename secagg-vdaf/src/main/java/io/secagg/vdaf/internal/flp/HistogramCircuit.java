package io.secagg.vdaf.internal.flp;

import io.secagg.vdaf.internal.field.Field;

/**
 * The draft's {@code Histogram} circuit: a one-hot vector of {@code length} buckets; the range
 * check plus {@code sum(meas) - 1} (scaled to {@code -1/shares} on shares).
 */
public final class HistogramCircuit extends RangeCheckCircuit {
  /** Creates the circuit. */
  public HistogramCircuit(Field field, int length, int chunkLength) {
    super(field, length, chunkLength, length, 2);
  }

  @Override
  protected void affineOutputs(long[] meas, long[] sharesInverse, long[] out) {
    long[] sum = field.newVector(1);
    field.sub(sum, 0, sum, 0, sharesInverse, 0);
    for (int i = 0; i < measLen(); i++) {
      field.add(sum, 0, sum, 0, meas, i);
    }
    field.copy(out, 1, sum, 0);
  }

  @Override
  public long[] truncate(long[] meas) {
    return meas.clone();
  }
}
