package io.secagg.vdaf.internal.flp;

import io.secagg.vdaf.internal.field.Field64;
import java.util.List;

/**
 * The draft repository's test circuit {@code HigherDegree} (behind its {@code Prio3HigherDegree}
 * vector): one call of {@code PolyEval(x^3 - 3x^2 + 2x)} over Field64, zero iff {@code x} is 0, 1
 * or 2. It exercises a gadget of degree 3, whose gadget polynomial misses more than one value.
 */
public final class HigherDegreeCircuit extends Circuit {
  /** Creates the circuit. */
  public HigherDegreeCircuit() {
    super(Field64.INSTANCE, List.of(new PolyEval(0, 2, -3, 1)), new int[] {1}, 1, 0, 1, 1);
  }

  @Override
  public long[] eval(GadgetCalls calls, long[] meas, long[] jointRand, int numShares) {
    long[] out = field.newVector(1);
    calls.call(0, meas.clone(), out, 0);
    return out;
  }

  @Override
  public long[] truncate(long[] meas) {
    return meas.clone();
  }
}
