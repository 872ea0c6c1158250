package io.secagg.core.shamir;

import java.math.BigInteger;

/**
 * An independent, deliberately naive BigInteger model of the specification, for cross-checking
 * the long-arithmetic implementation in tests.
 */
final class Reference {
  static final BigInteger P = BigInteger.ONE.shiftLeft(61).subtract(BigInteger.ONE);
  static final int[] WIDTHS = {16, 60, 60, 60, 60};

  private Reference() {}

  /** The chunks of a secret: the 256-bit big-endian integer cut at 240, 180, 120 and 60 bits. */
  static long[] chunks(byte[] secret) {
    BigInteger s = new BigInteger(1, secret);
    long[] c = new long[5];
    int shift = 256;
    for (int k = 0; k < 5; k++) {
      shift -= WIDTHS[k];
      c[k] = s.shiftRight(shift).mod(BigInteger.ONE.shiftLeft(WIDTHS[k])).longValueExact();
    }
    return c;
  }

  /** The secret of in-range chunks. */
  static byte[] secret(long[] chunks) {
    BigInteger s = BigInteger.ZERO;
    for (int k = 0; k < 5; k++) {
      s = s.shiftLeft(WIDTHS[k]).add(BigInteger.valueOf(chunks[k]));
    }
    byte[] raw = s.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - n, out, 32 - n, n);
    return out;
  }

  /** sum_j coefficients[j] * x^j mod p, coefficients[0] being the constant term. */
  static long evaluate(long[] coefficients, long x) {
    BigInteger acc = BigInteger.ZERO;
    BigInteger bx = BigInteger.valueOf(x);
    for (int j = coefficients.length - 1; j >= 0; j--) {
      acc = acc.multiply(bx).add(BigInteger.valueOf(coefficients[j])).mod(P);
    }
    return acc.longValueExact();
  }

  /** The value at z of the polynomial of degree < xs.length through the points (xs[i], ys[i]). */
  static long interpolateAt(long[] xs, long[] ys, long z) {
    BigInteger sum = BigInteger.ZERO;
    BigInteger bz = BigInteger.valueOf(z);
    for (int i = 0; i < xs.length; i++) {
      BigInteger num = BigInteger.ONE;
      BigInteger den = BigInteger.ONE;
      for (int j = 0; j < xs.length; j++) {
        if (j != i) {
          num = num.multiply(bz.subtract(BigInteger.valueOf(xs[j])));
          den = den.multiply(BigInteger.valueOf(xs[i] - xs[j]));
        }
      }
      sum = sum.add(BigInteger.valueOf(ys[i]).multiply(num).multiply(den.modInverse(P)));
    }
    return sum.mod(P).longValueExact();
  }

  /**
   * The coefficients (constant term first) of the polynomial of degree < xs.length through the
   * points (xs[i], ys[i]), by summing Lagrange basis polynomials in coefficient form.
   */
  static long[] interpolateCoefficients(long[] xs, long[] ys) {
    int m = xs.length;
    BigInteger[] result = new BigInteger[m];
    java.util.Arrays.fill(result, BigInteger.ZERO);
    for (int i = 0; i < m; i++) {
      BigInteger[] basis = {BigInteger.ONE};
      BigInteger den = BigInteger.ONE;
      for (int j = 0; j < m; j++) {
        if (j == i) {
          continue;
        }
        // basis *= (X - x_j)
        BigInteger[] next = new BigInteger[basis.length + 1];
        java.util.Arrays.fill(next, BigInteger.ZERO);
        for (int d = 0; d < basis.length; d++) {
          next[d + 1] = next[d + 1].add(basis[d]);
          next[d] = next[d].subtract(basis[d].multiply(BigInteger.valueOf(xs[j])));
        }
        basis = next;
        den = den.multiply(BigInteger.valueOf(xs[i] - xs[j]));
      }
      BigInteger scale = BigInteger.valueOf(ys[i]).multiply(den.modInverse(P));
      for (int d = 0; d < m; d++) {
        result[d] = result[d].add(basis[d].multiply(scale)).mod(P);
      }
    }
    long[] out = new long[m];
    for (int d = 0; d < m; d++) {
      out[d] = result[d].longValueExact();
    }
    return out;
  }
}
