package io.secagg.vdaf.internal.flp;

import io.secagg.vdaf.internal.field.Field;
import java.util.List;

/**
 * The draft's {@code Sum} circuit: the measurement's modified bit decomposition, each element
 * checked with {@code PolyEval(x^2 - x)}.
 */
public final class SumCircuit extends Circuit {
  private final int bits;
  private final long[] lastWeight;

  /** Creates the circuit for measurements in {@code [0, maxMeasurement]}. */
  public SumCircuit(Field field, long maxMeasurement) {
    super(
        field,
        List.of(new PolyEval(0, -1, 1)),
        new int[] {RangeCheckedInt.bits(maxMeasurement)},
        RangeCheckedInt.bits(maxMeasurement),
        0,
        1,
        RangeCheckedInt.bits(maxMeasurement));
    this.bits = RangeCheckedInt.bits(maxMeasurement);
    this.lastWeight = RangeCheckedInt.lastWeight(field, maxMeasurement);
  }

  @Override
  public long[] eval(GadgetCalls calls, long[] meas, long[] jointRand, int numShares) {
    long[] out = field.newVector(bits);
    long[] in = field.newVector(1);
    for (int i = 0; i < bits; i++) {
      field.copy(in, 0, meas, i);
      calls.call(0, in, out, i);
    }
    return out;
  }

  @Override
  public long[] truncate(long[] meas) {
    long[] out = field.newVector(1);
    RangeCheckedInt.decode(field, meas, 0, bits, lastWeight, out, 0);
    return out;
  }
}
