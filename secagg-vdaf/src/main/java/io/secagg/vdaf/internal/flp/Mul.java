package io.secagg.vdaf.internal.flp;

import io.secagg.vdaf.internal.field.Field;
import io.secagg.vdaf.internal.field.Lagrange;

/** The multiplication gadget {@code Mul(x, y) = x * y} (arity 2, degree 2). */
public final class Mul extends Gadget {
  /** The gadget. */
  public static final Mul INSTANCE = new Mul();

  private Mul() {}

  @Override
  public int arity() {
    return 2;
  }

  @Override
  public int degree() {
    return 2;
  }

  @Override
  public void eval(Field f, long[] in, int off, long[] out, int oi) {
    f.mul(out, oi, in, off, in, off + 1);
  }

  @Override
  public long[] evalPoly(Field f, long[][] inputs) {
    // Both factors on the 2p-th roots, then the product point by point (Lagrange basis).
    long[] a = Lagrange.doubleEvaluations(f, inputs[0]);
    long[] b = Lagrange.doubleEvaluations(f, inputs[1]);
    for (int i = 0; i < f.length(a); i++) {
      f.mul(a, i, a, i, b, i);
    }
    return a;
  }
}
