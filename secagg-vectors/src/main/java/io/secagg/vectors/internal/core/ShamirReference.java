package io.secagg.vectors.internal.core;

import java.math.BigInteger;

/**
 * The secret encoding and polynomial evaluation of {@code spec/secagg.md} section 3 with plain
 * {@link BigInteger} arithmetic, independent of the library's field code.
 */
final class ShamirReference {
  /** The field prime {@code 2^61 - 1}. */
  static final BigInteger P = BigInteger.ONE.shiftLeft(61).subtract(BigInteger.ONE);
  /** Chunk widths in bits, most significant chunk first (section 3.2). */
  private static final int[] WIDTHS = {16, 60, 60, 60, 60};

  private ShamirReference() {}

  /** The five chunks of a 32-byte secret read as a big-endian 256-bit integer. */
  static long[] chunks(byte[] secret) {
    BigInteger s = new BigInteger(1, secret);
    long[] c = new long[WIDTHS.length];
    int shift = 256;
    for (int k = 0; k < WIDTHS.length; k++) {
      shift -= WIDTHS[k];
      c[k] = s.shiftRight(shift).mod(BigInteger.ONE.shiftLeft(WIDTHS[k])).longValueExact();
    }
    return c;
  }

  /** {@code sum_j coefficients[j] x^j mod P} by Horner's rule. */
  static long evaluate(long[] coefficients, long x) {
    BigInteger acc = BigInteger.ZERO;
    BigInteger bx = BigInteger.valueOf(x);
    for (int j = coefficients.length - 1; j >= 0; j--) {
      acc = acc.multiply(bx).add(BigInteger.valueOf(coefficients[j])).mod(P);
    }
    return acc.longValueExact();
  }
}
