package io.secagg.dp.internal;

import java.math.BigInteger;

/**
 * Exact binary digits of {@code e^(-p/q)} for rational {@code p/q >= 0}, by interval arithmetic on
 * big integers (no floating point).
 *
 * <p>{@link #floorScaled} returns {@code floor(e^(-p/q) * 2^bits)} exactly. Because
 * {@code e^(-x)} is irrational for every rational {@code x > 0} (Lindemann-Weierstrass), the
 * product is never an integer and the floor is always decided once the enclosing interval is
 * narrow enough; the loop doubles the guard bits until it is.
 */
public final class ExactExp {
  private ExactExp() {}

  /**
   * {@code floor(e^(-p/q) * 2^bits)}.
   *
   * @param p numerator, {@code >= 0}
   * @param q denominator, {@code >= 1}
   * @param bits scale, {@code >= 0}
   */
  public static BigInteger floorScaled(BigInteger p, BigInteger q, int bits) {
    if (p.signum() < 0 || q.signum() <= 0 || bits < 0) {
      throw new IllegalArgumentException("need p >= 0, q >= 1, bits >= 0");
    }
    if (p.signum() == 0) {
      return BigInteger.ONE.shiftLeft(bits);
    }
    // e^(-x) * 2^bits < 1 as soon as x > bits * ln 2; 0.6932 > ln 2 = 0.693147...
    if (p.multiply(BigInteger.valueOf(10000)).compareTo(q.multiply(BigInteger.valueOf(6932L * bits))) >= 0) {
      return BigInteger.ZERO;
    }
    for (int guard = 32; ; guard *= 2) {
      BigInteger[] iv = interval(p, q, bits + guard);
      BigInteger lo = iv[0].shiftRight(guard);
      BigInteger hi = iv[1].shiftRight(guard);
      if (lo.equals(hi)) {
        return lo;
      }
    }
  }

  /**
   * {@code floor(e^(-k p/q) 2^bits)} for {@code k = 0, 1, ..., count - 1}, stopping early after
   * the first 0 when {@code stopAtZero}. One interval for {@code e^(-p/q)} at {@code bits + 64}
   * bits is raised to successive powers with floor / ceiling products (one multiplication per
   * entry); an entry whose two bounds straddle an integer is recomputed exactly by {@link
   * #floorScaled}. Much faster than {@code count} separate calls (the tables are built at class
   * or sampler construction).
   */
  public static java.util.List<BigInteger> floorsOfPowers(long p, long q, int bits, int count, boolean stopAtZero) {
    BigInteger bp = BigInteger.valueOf(p);
    BigInteger bq = BigInteger.valueOf(q);
    int w = bits + 64;
    BigInteger[] base = interval(bp, bq, w);
    BigInteger lo = BigInteger.ONE.shiftLeft(w);
    BigInteger hi = lo;
    java.util.List<BigInteger> out = new java.util.ArrayList<>();
    for (int k = 0; k < count; k++) {
      if (k > 0) {
        lo = lo.multiply(base[0]).shiftRight(w);
        hi = ceilShift(hi.multiply(base[1]), w);
      }
      BigInteger fLo = lo.shiftRight(w - bits);
      BigInteger fHi = hi.shiftRight(w - bits);
      BigInteger f = fLo.equals(fHi) ? fLo : floorScaled(bp.multiply(BigInteger.valueOf(k)), bq, bits);
      out.add(f);
      if (stopAtZero && f.signum() == 0) {
        break;
      }
    }
    return out;
  }

  /** Convenience for small operands. */
  public static BigInteger floorScaled(long p, long q, int bits) {
    return floorScaled(BigInteger.valueOf(p), BigInteger.valueOf(q), bits);
  }

  /**
   * Integers {@code lo <= e^(-p/q) * 2^w <= hi} for {@code p > 0}.
   *
   * <p>Method: halve the argument {@code s} times until {@code y = x / 2^s <= 1/2}; bound
   * {@code e^y} from below by the floored Taylor terms and from above by the ceiled terms plus a
   * tail no larger than the last term (valid for {@code y <= 1/2}); square {@code s} times with
   * floor / ceiling; invert.
   */
  static BigInteger[] interval(BigInteger p, BigInteger q, int w) {
    int s = 0;
    while (p.shiftLeft(1).compareTo(q.shiftLeft(s)) > 0) {
      s++;
    }
    int wp = w + 2 * s + 40;
    BigInteger one = BigInteger.ONE.shiftLeft(wp);
    BigInteger yLo = p.shiftLeft(wp).divide(q.shiftLeft(s));
    BigInteger yHi = yLo.add(BigInteger.ONE);

    BigInteger sumLo = one;
    BigInteger term = one;
    for (int k = 1; ; k++) {
      term = term.multiply(yLo).divide(one.multiply(BigInteger.valueOf(k)));
      if (term.signum() == 0) {
        break;
      }
      sumLo = sumLo.add(term);
    }
    BigInteger sumHi = one;
    term = one;
    for (int k = 1; ; k++) {
      term = ceilDiv(term.multiply(yHi), one.multiply(BigInteger.valueOf(k)));
      sumHi = sumHi.add(term);
      if (term.compareTo(BigInteger.ONE) <= 0) {
        sumHi = sumHi.add(term); // the tail after the last term is smaller than that term
        break;
      }
    }
    for (int i = 0; i < s; i++) {
      sumLo = sumLo.multiply(sumLo).shiftRight(wp);
      sumHi = ceilShift(sumHi.multiply(sumHi), wp);
    }
    BigInteger num = BigInteger.ONE.shiftLeft(2 * wp);
    BigInteger lo = num.divide(sumHi);
    BigInteger hi = ceilDiv(num, sumLo);
    int drop = wp - w;
    return new BigInteger[] {lo.shiftRight(drop), ceilShift(hi, drop)};
  }

  static BigInteger ceilDiv(BigInteger a, BigInteger b) {
    BigInteger[] qr = a.divideAndRemainder(b);
    return qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
  }

  static BigInteger ceilShift(BigInteger a, int n) {
    BigInteger f = a.shiftRight(n);
    return f.shiftLeft(n).equals(a) ? f : f.add(BigInteger.ONE);
  }
}
