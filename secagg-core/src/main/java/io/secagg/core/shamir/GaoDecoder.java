package io.secagg.core.shamir;

import io.secagg.core.internal.Gf61;
import java.util.Arrays;

/**
 * Reed-Solomon decoding over GF(2^61 - 1) by Gao's algorithm (S. Gao, "A New Algorithm for
 * Decoding Reed-Solomon Codes", 2003): from m values at distinct points, of which at most
 * floor((m - t) / 2) are wrong, the unique polynomial of degree below t through the others.
 *
 * <p>Steps, for points x_1..x_m and received values r_1..r_m: g0 = prod (X - x_i); g1 the
 * interpolation polynomial of the r_i (degree below m); the extended Euclidean algorithm on (g0,
 * g1), stopped at the first remainder g = u g0 + v g1 of degree below (m + t) / 2; then f = g / v
 * if v divides g and deg f &lt; t, and failure otherwise. Every step is plain polynomial
 * arithmetic, O(m^2) field multiplications per chunk (measured on the loaded 2-core reference
 * machine for five chunks with a fifth of the shares lying: 0.7 ms at m = 100, 74 ms at m = 500,
 * 255 ms at m = 1000), so callers run it only when a cheaper check has failed.
 *
 * <p>Coefficient arrays are little-endian (index = power of X); trailing zeros are trimmed, and
 * the zero polynomial is the empty array.
 */
final class GaoDecoder {
  private GaoDecoder() {}

  /**
   * The coefficients (length t, padded with zeros) of the polynomial of degree below t that
   * agrees with {@code values} at all but at most floor((m - t) / 2) of {@code xs}, or null if no
   * such polynomial exists.
   *
   * @param xs m distinct non-zero points, m &gt;= t
   * @param values the received values, canonical, parallel to xs
   * @param t the number of coefficients, 1 &lt;= t &lt;= m
   * @param vanishing prod (X - x_i), from {@link #vanishing}
   * @param weights 1 / prod_{j != i} (x_i - x_j) for each i, from {@link #interpolationWeights}
   */
  static long[] decode(int[] xs, long[] values, int t, long[] vanishing, long[] weights) {
    int m = xs.length;
    long[] g1 = interpolate(xs, values, vanishing, weights);
    // Partial extended Euclid on (g0, g1), tracking only the cofactor of g1.
    long[] rPrev = vanishing;
    long[] r = g1;
    long[] vPrev = new long[0];
    long[] v = new long[] {1};
    // Stop at the first remainder with deg < (m + t) / 2, i.e. 2 deg < m + t.
    while (2 * degree(r) >= m + t) {
      long[][] qr = divide(rPrev, r);
      long[] next = qr[1];
      long[] vNext = subtract(vPrev, multiply(qr[0], v));
      rPrev = r;
      r = next;
      vPrev = v;
      v = vNext;
    }
    long[][] fr = divide(r, v);
    if (fr[1].length != 0 || fr[0].length > t) {
      return null;
    }
    return Arrays.copyOf(fr[0], t);
  }

  /** prod (X - x_i), degree m. */
  static long[] vanishing(int[] xs) {
    long[] p = new long[xs.length + 1];
    p[0] = 1;
    int deg = 0;
    for (int x : xs) {
      long negX = Gf61.neg(x);
      // p <- p * (X - x): shift up and add -x * p, from the top down.
      p[deg + 1] = p[deg];
      for (int i = deg; i > 0; i--) {
        p[i] = Gf61.add(p[i - 1], Gf61.mul(negX, p[i]));
      }
      p[0] = Gf61.mul(negX, p[0]);
      deg++;
    }
    return p;
  }

  /** 1 / prod_{j != i} (x_i - x_j) for every i (the barycentric weights of the points). */
  static long[] interpolationWeights(int[] xs) {
    int m = xs.length;
    long[] w = new long[m];
    for (int i = 0; i < m; i++) {
      long d = 1;
      for (int j = 0; j < m; j++) {
        if (j != i) {
          d = Gf61.mul(d, Gf61.fromSigned((long) xs[i] - xs[j]));
        }
      }
      w[i] = d;
    }
    Gf61.batchInverse(w);
    return w;
  }

  /**
   * The polynomial of degree below m through (x_i, values_i): sum_i values_i w_i g0 / (X - x_i).
   */
  private static long[] interpolate(int[] xs, long[] values, long[] vanishing, long[] weights) {
    int m = xs.length;
    long[] out = new long[m];
    long[] quotient = new long[m];
    for (int i = 0; i < m; i++) {
      long c = Gf61.mul(values[i], weights[i]);
      if (c == 0) {
        continue;
      }
      // g0 / (X - x_i) by synthetic division (exact: x_i is a root).
      long x = xs[i];
      long carry = 0;
      for (int k = m; k >= 1; k--) {
        carry = Gf61.add(vanishing[k], Gf61.mul(carry, x));
        quotient[k - 1] = carry;
      }
      for (int k = 0; k < m; k++) {
        out[k] = Gf61.add(out[k], Gf61.mul(c, quotient[k]));
      }
    }
    return trim(out);
  }

  /** The degree, -1 for the zero polynomial. */
  static int degree(long[] p) {
    return p.length - 1;
  }

  /** {quotient, remainder} of a / b; b must not be zero. */
  static long[][] divide(long[] a, long[] b) {
    int db = degree(b);
    if (db < 0) {
      throw new ArithmeticException("division by the zero polynomial");
    }
    if (degree(a) < db) {
      return new long[][] {new long[0], a.clone()};
    }
    long[] rem = a.clone();
    long[] q = new long[a.length - db];
    long lead = Gf61.inverse(b[db]);
    for (int k = a.length - 1; k >= db; k--) {
      long c = Gf61.mul(rem[k], lead);
      q[k - db] = c;
      if (c != 0) {
        for (int j = 0; j <= db; j++) {
          rem[k - db + j] = Gf61.sub(rem[k - db + j], Gf61.mul(c, b[j]));
        }
      }
    }
    return new long[][] {trim(q), trim(Arrays.copyOf(rem, db))};
  }

  static long[] multiply(long[] a, long[] b) {
    if (a.length == 0 || b.length == 0) {
      return new long[0];
    }
    long[] out = new long[a.length + b.length - 1];
    for (int i = 0; i < a.length; i++) {
      if (a[i] == 0) {
        continue;
      }
      for (int j = 0; j < b.length; j++) {
        out[i + j] = Gf61.add(out[i + j], Gf61.mul(a[i], b[j]));
      }
    }
    return trim(out);
  }

  static long[] subtract(long[] a, long[] b) {
    long[] out = Arrays.copyOf(a, Math.max(a.length, b.length));
    for (int i = 0; i < b.length; i++) {
      out[i] = Gf61.sub(out[i], b[i]);
    }
    return trim(out);
  }

  /** The value at x by Horner's rule. */
  static long evaluate(long[] p, long x) {
    long acc = 0;
    for (int k = p.length - 1; k >= 0; k--) {
      acc = Gf61.add(Gf61.mul(acc, x), p[k]);
    }
    return acc;
  }

  private static long[] trim(long[] p) {
    int n = p.length;
    while (n > 0 && p[n - 1] == 0) {
      n--;
    }
    return n == p.length ? p : Arrays.copyOf(p, n);
  }
}
