package io.secagg.vdaf.internal.flp;

import io.secagg.vdaf.internal.field.Field;
import java.util.List;

/** The draft's {@code Count} circuit: {@code Mul(x, x) - x}, zero iff {@code x} is 0 or 1. */
public final class CountCircuit extends Circuit {
  /** Creates the circuit over {@code field}. */
  public CountCircuit(Field field) {
    super(field, List.of(Mul.INSTANCE), new int[] {1}, 1, 0, 1, 1);
  }

  @Override
  public long[] eval(GadgetCalls calls, long[] meas, long[] jointRand, int numShares) {
    long[] in = field.newVector(2);
    field.copy(in, 0, meas, 0);
    field.copy(in, 1, meas, 0);
    long[] out = field.newVector(1);
    calls.call(0, in, out, 0);
    field.sub(out, 0, out, 0, meas, 0);
    return out;
  }

  @Override
  public long[] truncate(long[] meas) {
    return meas.clone();
  }
}
