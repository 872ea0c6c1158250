package io.secagg.vdaf.internal.field;

import java.math.BigInteger;

/**
 * Polynomials in the Lagrange basis of the VDAF draft ("Polynomial Representation"): a polynomial
 * of degree below {@code n} (a power of two) is the vector of its values {@code v[i] = p(w_n^i)}
 * at the powers of the principal {@code n}-th root of unity, in natural order.
 *
 * <p>Every transform here is an NTT of size {@code n} ({@code O(n log n)}); evaluation at a
 * point off the subgroup is the barycentric formula for roots of unity (one batch inversion, then
 * a dot product per polynomial). The algorithms follow the techniques cited by the draft
 * ([Faz25]); the code is this project's.
 */
public final class Lagrange {
  private Lagrange() {}

  private static int checkPowerOfTwo(int n) {
    if (n < 1 || Integer.bitCount(n) != 1) {
      throw new IllegalArgumentException("length must be a power of two: " + n);
    }
    return Integer.numberOfTrailingZeros(n);
  }

  /**
   * Values on the coset {@code s * <w_n>} ({@code s} the principal {@code 2n}-th root) of the
   * polynomial whose values on {@code <w_n>} are the first {@code n} elements of {@code values}.
   * Either form of {@link Field} is preserved. {@code out} may not alias {@code values}.
   */
  public static void cosetValues(Field f, long[] values, long[] out, int n) {
    NttTables t = f.tables(n);
    if (t.logN + 1 > f.twoAdicity()) {
      throw new IllegalArgumentException("no coset of order 2n in the field's 2-adic subgroup: n = " + n);
    }
    int w = f.words();
    System.arraycopy(values, 0, out, 0, n * w);
    f.inverseDif(out, t);
    f.mulByMultipliers(out, t.cosetTwist, n);
    f.forwardDit(out, t);
  }

  /**
   * The draft's {@code double_evaluations}: {@code 2n} values (on the {@code 2n}-th roots) of the
   * polynomial given by {@code n} values, interleaving the given values with those on the coset.
   */
  public static long[] doubleEvaluations(Field f, long[] values) {
    int n = f.length(values);
    checkPowerOfTwo(n);
    long[] odd = f.newVector(n);
    cosetValues(f, values, odd, n);
    long[] out = f.newVector(2 * n);
    for (int i = 0; i < n; i++) {
      f.copy(out, 2 * i, values, i);
      f.copy(out, 2 * i + 1, odd, i);
    }
    return out;
  }

  /** The monomial coefficients (natural order) of the polynomial with the given {@code n} values. */
  public static long[] coefficients(Field f, long[] values) {
    int n = f.length(values);
    int logN = checkPowerOfTwo(n);
    NttTables t = f.tables(n);
    long[] a = values.clone();
    f.inverseDif(a, t);
    long[] out = f.newVector(n);
    for (int i = 0; i < n; i++) {
      f.mulByMultiplier(out, NttTables.reverse(i, logN), a, i, t.scaleInvN, 0);
    }
    return out;
  }

  /**
   * The values on the {@code n}-th roots of unity of the polynomial with the given monomial
   * coefficients (at most {@code n} of them).
   */
  public static long[] valuesFromCoefficients(Field f, long[] coefficients, int n) {
    int logN = checkPowerOfTwo(n);
    int m = f.length(coefficients);
    if (m > n) {
      throw new IllegalArgumentException("more coefficients than evaluation points");
    }
    long[] a = f.newVector(n);
    for (int i = 0; i < m; i++) {
      f.copy(a, NttTables.reverse(i, logN), coefficients, i);
    }
    f.forwardDit(a, f.tables(n));
    return a;
  }

  /**
   * The draft's {@code extend_values_to_power_of_2}: given the values {@code v[0..m)} of a
   * polynomial of degree below {@code m} at the first {@code m} powers of {@code w_n}, returns all
   * {@code n} values.
   *
   * <p>With {@code E(x) = prod_{j >= m} (x - x_j)} over the missing nodes, the known nodes are the
   * roots of {@code (x^n - 1) / E(x)}, and Lagrange interpolation at a missing node {@code x_k}
   * simplifies to {@code p(x_k) = (1 / (x_k E'_k)) sum_i v_i x_i E(x_i) / (x_k - x_i)}, where
   * {@code E'_k = prod_{j >= m, j != k} (x_k - x_j)}. Cost {@code O(m (n - m))} multiplications;
   * the degree-2 gadgets of the Prio3 variants miss a single value, so it is linear there.
   */
  public static long[] extendValues(Field f, long[] values, int n) {
    checkPowerOfTwo(n);
    int m = f.length(values);
    if (m > n || m < 1) {
      throw new IllegalArgumentException("cannot extend " + m + " values to " + n);
    }
    long[] out = f.newVector(n);
    System.arraycopy(values, 0, out, 0, values.length);
    if (m == n) {
      return out;
    }
    long[] x = f.tables(n).powers;
    // weights[i] = v_i * x_i * E(x_i) for the known nodes.
    long[] weights = f.newVector(m);
    long[] tmp = f.newVector(1);
    for (int i = 0; i < m; i++) {
      f.mul(weights, i, values, i, x, i);
      for (int j = m; j < n; j++) {
        f.sub(tmp, 0, x, i, x, j);
        f.mul(weights, i, weights, i, tmp, 0);
      }
    }
    long[] diffs = f.newVector(m);
    long[] sum = f.newVector(1);
    long[] scale = f.newVector(1);
    for (int k = m; k < n; k++) {
      for (int i = 0; i < m; i++) {
        f.sub(diffs, i, x, k, x, i);
      }
      batchInvert(f, diffs, m);
      f.set(sum, 0, 0);
      for (int i = 0; i < m; i++) {
        f.mul(tmp, 0, weights, i, diffs, i);
        f.add(sum, 0, sum, 0, tmp, 0);
      }
      // scale = 1 / (x_k * prod_{j >= m, j != k} (x_k - x_j))
      f.copy(scale, 0, x, k);
      for (int j = m; j < n; j++) {
        if (j != k) {
          f.sub(tmp, 0, x, k, x, j);
          f.mul(scale, 0, scale, 0, tmp, 0);
        }
      }
      f.inv(scale, 0, scale, 0);
      f.mul(out, k, sum, 0, scale, 0);
    }
    return out;
  }

  /**
   * Replaces the first {@code n} elements of {@code a} by their inverses (Montgomery's trick: one
   * field inversion). Every element must be non-zero.
   */
  public static void batchInvert(Field f, long[] a, int n) {
    if (n == 0) {
      return;
    }
    long[] prefix = f.newVector(n);
    f.copy(prefix, 0, a, 0);
    for (int i = 1; i < n; i++) {
      f.mul(prefix, i, prefix, i - 1, a, i);
    }
    long[] inv = f.newVector(1);
    f.inv(inv, 0, prefix, n - 1);
    long[] tmp = f.newVector(1);
    for (int i = n - 1; i > 0; i--) {
      f.mul(tmp, 0, inv, 0, prefix, i - 1); // 1 / a_i
      f.mul(inv, 0, inv, 0, a, i); // 1 / (a_0 ... a_{i-1})
      f.copy(a, i, tmp, 0);
    }
    f.copy(a, 0, inv, 0);
  }

  /** True iff {@code t^n == 1}, i.e. {@code t} is one of the nodes of size {@code n}. */
  public static boolean isRootOfUnity(Field f, long[] t, int ti, int n) {
    checkPowerOfTwo(n);
    long[] x = f.newVector(1);
    f.pow(x, 0, t, ti, BigInteger.valueOf(n));
    long[] one = f.newVector(1);
    f.set(one, 0, 1);
    return f.equal(x, 0, one, 0);
  }

  /**
   * The barycentric weights {@code c_i = (t^n - 1) / n * x_i / (t - x_i)} of the {@code n}-th
   * roots of unity at {@code t}, in multiplier form, so that {@code p(t) = sum_i c_i v_i}. The
   * point must not be a node (check with {@link #isRootOfUnity}).
   */
  public static long[] barycentricWeights(Field f, long[] t, int ti, int n) {
    checkPowerOfTwo(n);
    long[] x = f.tables(n).powers;
    long[] c = f.newVector(n);
    for (int i = 0; i < n; i++) {
      f.sub(c, i, t, ti, x, i);
    }
    batchInvert(f, c, n);
    long[] k = f.newVector(1);
    f.pow(k, 0, t, ti, BigInteger.valueOf(n));
    long[] one = f.newVector(1);
    f.set(one, 0, 1);
    f.sub(k, 0, k, 0, one, 0);
    long[] invN = f.newVector(1);
    f.set(invN, 0, n);
    f.inv(invN, 0, invN, 0);
    f.mul(k, 0, k, 0, invN, 0);
    for (int i = 0; i < n; i++) {
      f.mul(c, i, c, i, x, i);
      f.mul(c, i, c, i, k, 0);
      f.toMultiplier(c, i, c, i);
    }
    return c;
  }

  /** {@code sum_i values[i] * weights[i]} with weights from {@link #barycentricWeights}. */
  public static void evaluate(Field f, long[] values, long[] weights, long[] out, int oi) {
    int n = f.length(values);
    long[] acc = f.newVector(1);
    long[] tmp = f.newVector(1);
    for (int i = 0; i < n; i++) {
      f.mulByMultiplier(tmp, 0, values, i, weights, i);
      f.add(acc, 0, acc, 0, tmp, 0);
    }
    f.copy(out, oi, acc, 0);
  }

  /** The draft's {@code poly_eval} in the monomial basis (Horner). */
  public static void evaluateMonomial(Field f, long[] coefficients, long[] x, int xi, long[] out, int oi) {
    int m = f.length(coefficients);
    long[] acc = f.newVector(1);
    for (int i = m - 1; i >= 0; i--) {
      f.mul(acc, 0, acc, 0, x, xi);
      f.add(acc, 0, acc, 0, coefficients, i);
    }
    f.copy(out, oi, acc, 0);
  }
}
