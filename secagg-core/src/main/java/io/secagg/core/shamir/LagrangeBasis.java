package io.secagg.core.shamir;

import io.secagg.core.internal.Gf61;
import java.util.Arrays;

/**
 * Lagrange interpolation over GF(2^61 - 1) for one fixed set of t distinct indices x_0 < ... <
 * x_{t-1}, all in 1..65535: the coefficients lambda_i of the value at 0, and barycentric weights
 * for the value at any other point. Immutable once built.
 *
 * <p>Cost of building: about t^2 / 3 field multiplications and one field inversion. The O(t^2)
 * part is the denominators D_i = prod_{j != i} (x_j - x_i); because every |x_j - x_i| is below
 * 2^16, three differences multiply exactly into one value below 2^48 < p before a single modular
 * multiplication, which cuts the modular work by three.
 */
final class LagrangeBasis {
  private final int[] xs;
  /** lambda_i = prod_{j != i} x_j / (x_j - x_i): f(0) = sum_i lambda_i f(x_i). */
  private final long[] atZero;
  /** w_i = 1 / prod_{j != i} (x_i - x_j): f(z) = sum_i w_i prod_{j != i} (z - x_j) f(x_i). */
  private final long[] weights;

  /** Requires {@code xs} strictly increasing, non-empty, values in 1..65535. */
  LagrangeBasis(int[] xs) {
    this.xs = xs.clone();
    int t = xs.length;
    // den_i = x_i * D_i, inverted all at once: 1 / den_i gives both lambda_i and w_i.
    long[] invDen = new long[t];
    for (int i = 0; i < t; i++) {
      invDen[i] = Gf61.mul(xs[i], denominator(xs, i));
    }
    Gf61.batchInverse(invDen);
    long num = 1;
    for (int x : xs) {
      num = Gf61.mul(num, x);
    }
    atZero = new long[t];
    weights = new long[t];
    boolean negate = (t - 1) % 2 != 0; // prod_{j!=i}(x_i - x_j) = (-1)^(t-1) D_i
    for (int i = 0; i < t; i++) {
      atZero[i] = Gf61.mul(num, invDen[i]);
      long w = Gf61.mul(xs[i], invDen[i]); // = 1 / D_i
      weights[i] = negate ? Gf61.neg(w) : w;
    }
  }

  /** D_i = prod_{j != i} (x_j - x_i) mod p, canonical and non-zero. */
  private static long denominator(int[] xs, int i) {
    int t = xs.length;
    // For j < i the factor x_j - x_i is negative: multiply |x_j - x_i| and fix the sign once.
    long acc = productOfDistances(xs, 0, i, xs[i], 1);
    acc = productOfDistances(xs, i + 1, t, xs[i], acc);
    long d = Gf61.reduce(acc);
    return (i % 2 != 0) ? Gf61.neg(d) : d;
  }

  /**
   * acc * prod_{from <= j < to} |x_j - xi|, congruent mod p, for acc below 2^62; the result is
   * below 2^62 too (not canonical).
   */
  private static long productOfDistances(int[] xs, int from, int to, int xi, long acc) {
    int j = from;
    for (; j + 3 <= to; j += 3) {
      long d3 = (long) Math.abs(xs[j] - xi) * Math.abs(xs[j + 1] - xi) * Math.abs(xs[j + 2] - xi);
      acc = Gf61.foldProduct(acc, d3); // acc < 2^62, d3 < 2^48: result < 2^61 + 2^49
    }
    long rest = 1;
    for (; j < to; j++) {
      rest *= Math.abs(xs[j] - xi);
    }
    return Gf61.foldProduct(acc, rest);
  }

  /** The number of indices, t. */
  int size() {
    return xs.length;
  }

  /** A copy of the indices, ascending. */
  int[] indices() {
    return xs.clone();
  }

  /**
   * The five chunk values at 0 of the polynomials through {@code shares[0..t)}, whose x values
   * must equal this basis' indices in the same order.
   */
  long[] valueAtZero(Share[] shares) {
    return combine(atZero, shares);
  }

  /**
   * True iff {@code extra} lies on the polynomials through {@code shares[0..t)} for every chunk.
   * Requires that extra.x() is not one of the indices.
   */
  boolean liesOnPolynomials(Share[] shares, Share extra) {
    int t = xs.length;
    long z = extra.x();
    // prod_{j != i} (z - x_j) from prefix and suffix products: no inversion per point.
    long[] prefix = new long[t + 1];
    prefix[0] = 1;
    for (int i = 0; i < t; i++) {
      prefix[i + 1] = Gf61.mul(prefix[i], Gf61.fromSigned(z - xs[i]));
    }
    long[] coefficients = new long[t];
    long suffix = 1;
    for (int i = t - 1; i >= 0; i--) {
      coefficients[i] = Gf61.mul(weights[i], Gf61.mul(prefix[i], suffix));
      suffix = Gf61.mul(suffix, Gf61.fromSigned(z - xs[i]));
    }
    long[] expected = combine(coefficients, shares);
    long diff = 0;
    long[] actual = extra.values();
    for (int k = 0; k < Share.CHUNK_COUNT; k++) {
      diff |= expected[k] ^ actual[k];
    }
    Arrays.fill(expected, 0);
    return diff == 0;
  }

  /** sum_i c_i * y_{i,k} for each chunk k, canonical. */
  private static long[] combine(long[] c, Share[] shares) {
    long a0 = 0;
    long a1 = 0;
    long a2 = 0;
    long a3 = 0;
    long a4 = 0;
    for (int i = 0; i < c.length; i++) {
      long ci = c[i];
      long[] y = shares[i].values();
      // Each fold is below 2^62 and each accumulator below 2^61 + 8 after reduce-by-fold, so
      // their sum stays below 2^63; five independent chains keep the multiplier busy.
      a0 = fold(a0 + Gf61.foldProduct(ci, y[0]));
      a1 = fold(a1 + Gf61.foldProduct(ci, y[1]));
      a2 = fold(a2 + Gf61.foldProduct(ci, y[2]));
      a3 = fold(a3 + Gf61.foldProduct(ci, y[3]));
      a4 = fold(a4 + Gf61.foldProduct(ci, y[4]));
    }
    return new long[] {
      Gf61.reduce(a0), Gf61.reduce(a1), Gf61.reduce(a2), Gf61.reduce(a3), Gf61.reduce(a4)
    };
  }

  /** A value congruent to v and below 2^61 + 4, for 0 <= v < 2^63. */
  private static long fold(long v) {
    return (v & Gf61.P) + (v >>> 61);
  }
}
