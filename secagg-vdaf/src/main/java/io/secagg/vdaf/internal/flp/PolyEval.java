package io.secagg.vdaf.internal.flp;

import io.secagg.vdaf.internal.field.Field;
import io.secagg.vdaf.internal.field.Lagrange;
import java.util.Arrays;

/**
 * The polynomial-evaluation gadget {@code PolyEval(x) = q(x)} for a fixed polynomial {@code q}
 * with integer coefficients (arity 1, degree {@code deg q}).
 */
public final class PolyEval extends Gadget {
  private final long[] coefficients;
  private final int degree;

  /**
   * @param coefficients coefficients of {@code q}, constant term first; leading zeros are stripped
   * @throws IllegalArgumentException if {@code q} is constant (a gadget must be non-affine to be
   *     useful, and the draft's layout assumes degree at least 1)
   */
  public PolyEval(long... coefficients) {
    int len = coefficients.length;
    while (len > 0 && coefficients[len - 1] == 0) {
      len--;
    }
    if (len < 2) {
      throw new IllegalArgumentException("PolyEval needs a polynomial of degree at least 1");
    }
    this.coefficients = Arrays.copyOf(coefficients, len);
    this.degree = len - 1;
  }

  @Override
  public int arity() {
    return 1;
  }

  @Override
  public int degree() {
    return degree;
  }

  private long[] coefficientsIn(Field f) {
    long[] c = f.newVector(coefficients.length);
    for (int i = 0; i < coefficients.length; i++) {
      f.set(c, i, coefficients[i]);
    }
    return c;
  }

  @Override
  public void eval(Field f, long[] in, int off, long[] out, int oi) {
    Lagrange.evaluateMonomial(f, coefficientsIn(f), in, off, out, oi);
  }

  @Override
  public long[] evalPoly(Field f, long[][] inputs) {
    long[] input = inputs[0];
    int p = f.length(input);
    int n = nextPowerOfTwo(gadgetPolyLen(degree, p));
    // The input on the n-th roots, then q applied point by point.
    long[] values = Lagrange.valuesFromCoefficients(f, Lagrange.coefficients(f, input), n);
    long[] q = coefficientsIn(f);
    for (int i = 0; i < n; i++) {
      Lagrange.evaluateMonomial(f, q, values, i, values, i);
    }
    return values;
  }
}
