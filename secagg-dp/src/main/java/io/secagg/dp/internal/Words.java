package io.secagg.dp.internal;

import io.secagg.dp.sampling.BitSource;
import java.math.BigInteger;

/** Unsigned 64/128-bit helpers and the exact uniform-integer draw shared by the samplers. */
public final class Words {
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

  private Words() {}

  /** The high 64 bits of the unsigned 128-bit product {@code a * b}. */
  public static long unsignedMultiplyHigh(long a, long b) {
    // Java 17 has only the signed multiplyHigh; correct it for the sign bits of both operands.
    return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
  }

  /**
   * A uniform integer in {@code [0, n)} by Lemire's multiply-and-reject method: one word
   * {@code x}; the answer is the high word of {@code x * n}; it is rejected and redrawn while the
   * low word is below {@code 2^64 mod n}. Exactly uniform.
   *
   * @param n the bound, 1 to 2^63 - 1
   */
  public static long uniform(BitSource bits, long n) {
    long x = bits.nextLong();
    long lo = x * n;
    if (Long.compareUnsigned(lo, n) < 0) {
      long threshold = Long.remainderUnsigned(-n, n);
      while (Long.compareUnsigned(lo, threshold) < 0) {
        x = bits.nextLong();
        lo = x * n;
      }
    }
    return unsignedMultiplyHigh(x, n);
  }

  /** The unsigned value of {@code w} as a BigInteger. */
  public static BigInteger unsigned(long w) {
    BigInteger b = BigInteger.valueOf(w);
    return w >= 0 ? b : b.add(TWO_64);
  }

  /**
   * {@code floor((x2 * 2^128 + x1 * 2^64 + x0) / 2^shift)} for {@code 0 <= shift < 192},
   * saturated to {@code cap} when it is larger than {@code cap} (which must be non-negative).
   */
  public static long shiftRight192Saturated(long x2, long x1, long x0, int shift, long cap) {
    long r;
    if (shift >= 128) {
      int s = shift - 128;
      r = x2 >>> s;
    } else if (shift >= 64) {
      int s = shift - 64;
      if (s == 0) {
        if (x2 != 0) {
          return cap;
        }
        r = x1;
      } else {
        if ((x2 >>> s) != 0) {
          return cap;
        }
        r = (x1 >>> s) | (x2 << (64 - s));
      }
    } else {
      if (x2 != 0 || (shift > 0 && (x1 >>> shift) != 0) || (shift == 0 && x1 != 0)) {
        return cap;
      }
      r = shift == 0 ? x0 : (x0 >>> shift) | (x1 << (64 - shift));
    }
    return (r < 0 || r > cap) ? cap : r;
  }
}
