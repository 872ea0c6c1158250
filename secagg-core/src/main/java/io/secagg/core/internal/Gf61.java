package io.secagg.core.internal;

/**
 * Arithmetic in the prime field GF(p) for the Mersenne prime p = 2^61 - 1, on primitive
 * {@code long}s.
 *
 * <p>Representation: a <em>canonical</em> element is a {@code long} in [0, p). Every method
 * taking field elements requires canonical inputs unless its Javadoc states a wider range, and
 * returns a canonical result unless stated otherwise. Nothing is checked here: callers validate
 * untrusted values with {@link #isCanonical} at their API boundary. Not API: this class lives in
 * a package the module does not export.
 *
 * <p>Reduction uses 2^61 = 1 (mod p): a product {@code hi * 2^64 + lo} of two values below 2^63
 * equals {@code (hi * 8 + (lo >>> 61)) * 2^61 + (lo & p)}, so folding is two masks, a shift and
 * an add; no division and no {@link java.math.BigInteger}.
 */
public final class Gf61 {
  /** The field modulus p = 2^61 - 1 (also the mask of the low 61 bits). */
  public static final long P = (1L << 61) - 1;

  private Gf61() {}

  /** True iff {@code v} is a canonical element, i.e. 0 <= v < p. */
  public static boolean isCanonical(long v) {
    return v >= 0 && v < P;
  }

  /** (a + b) mod p. */
  public static long add(long a, long b) {
    long s = a + b; // < 2^62: no overflow
    return canonicalBelow2p(s);
  }

  /** (a - b) mod p. */
  public static long sub(long a, long b) {
    long d = a - b; // in (-p, p)
    return d + (P & (d >> 63));
  }

  /** (-a) mod p. */
  public static long neg(long a) {
    return sub(0, a);
  }

  /** (a * b) mod p. */
  public static long mul(long a, long b) {
    return reduce(foldProduct(a, b));
  }

  /**
   * A value congruent to a * b (mod p), not necessarily canonical: exactly
   * {@code (a*b mod 2^61) + floor(a*b / 2^61)}, hence below 2^61 + a*b / 2^61. For canonical
   * inputs that is below 2^62; for a below 2^63 and b below 2^16 it is below 2^61 + 2^18.
   *
   * <p>Requires a, b >= 0 and a * b < 2^124. Used by hot loops that accumulate and call
   * {@link #reduce} once at the end.
   */
  public static long foldProduct(long a, long b) {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    // Bits 61..127 of the product are hi:lo >>> 61; they count 2^61 = 1 each.
    return (lo & P) + ((hi << 3) | (lo >>> 61));
  }

  /**
   * The canonical residue of any non-negative {@code long} (0 <= v < 2^63).
   */
  public static long reduce(long v) {
    long r = (v & P) + (v >>> 61); // <= p + 3
    return canonicalBelow2p(r);
  }

  /** The canonical residue of a value 0 <= v < 2p. */
  private static long canonicalBelow2p(long v) {
    long r = v - P;
    return r + (P & (r >> 63));
  }

  /**
   * The canonical residue of a signed value -p < v < p (for example a product of small signed
   * integers).
   */
  public static long fromSigned(long v) {
    return v + (P & (v >> 63));
  }

  /** a^e mod p for an exponent e >= 0 (square and multiply, left to right). */
  public static long pow(long a, long e) {
    if (e < 0) {
      throw new IllegalArgumentException("negative exponent");
    }
    long r = 1;
    for (int bit = 63 - Long.numberOfLeadingZeros(e); bit >= 0; bit--) {
      r = mul(r, r);
      if (((e >>> bit) & 1) != 0) {
        r = mul(r, a);
      }
    }
    return r;
  }

  /**
   * The multiplicative inverse a^(p-2) mod p (Fermat).
   *
   * @throws ArithmeticException if {@code a} is 0
   */
  public static long inverse(long a) {
    if (a == 0) {
      throw new ArithmeticException("0 has no inverse");
    }
    return pow(a, P - 2);
  }

  /**
   * Replaces every element of {@code values} by its inverse with one field inversion and 3(k-1)
   * multiplications (Montgomery's simultaneous inversion).
   *
   * @throws ArithmeticException if any element is 0 (the array is then left unchanged)
   */
  public static void batchInverse(long[] values) {
    int k = values.length;
    if (k == 0) {
      return;
    }
    long[] prefix = new long[k];
    long acc = 1;
    for (int i = 0; i < k; i++) {
      if (values[i] == 0) {
        throw new ArithmeticException("0 has no inverse");
      }
      acc = mul(acc, values[i]);
      prefix[i] = acc;
    }
    long inv = inverse(acc); // = 1 / (v_0 ... v_{k-1})
    for (int i = k - 1; i > 0; i--) {
      long vi = values[i];
      values[i] = mul(inv, prefix[i - 1]);
      inv = mul(inv, vi); // now 1 / (v_0 ... v_{i-1})
    }
    values[0] = inv;
  }
}
