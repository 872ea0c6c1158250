package io.secagg.dp.internal;

import java.math.BigInteger;

/**
 * Exact binary digits of the Poisson CDF: {@code floor(2^bits * P(X <= k))} for
 * {@code X ~ Poisson(p/q)}, for every {@code k} of a window holding all but a {@code 2^-(bits+32)}
 * fraction of the mass.
 *
 * <p>Method: weights relative to the mode {@code m = floor(lambda)} ({@code w_m = 1},
 * {@code w_(k+1) = w_k lambda/(k+1)}, {@code w_(k-1) = w_k k/lambda}) are carried as floor and
 * ceiling fixed-point values; geometric bounds cover both tails; the CDF at {@code k} then lies in
 * {@code [S_lo(k) / Z_hi, (T_left + S_hi(k)) / Z_lo]}. The working precision grows until every
 * floor in the window is decided, which always happens because the CDF is irrational (it is
 * {@code e^(-lambda)} times a positive rational).
 */
public final class PoissonCdf {
  private final long kMin;
  private final BigInteger[] floors;

  private PoissonCdf(long kMin, BigInteger[] floors) {
    this.kMin = kMin;
    this.floors = floors;
  }

  /** The smallest {@code k} of the window; {@code floor(2^bits P(X <= kMin - 1)) = 0}. */
  public long kMin() {
    return kMin;
  }

  /** The largest {@code k} of the window; {@code floor(2^bits P(X <= kMax)) = 2^bits - 1}. */
  public long kMax() {
    return kMin + floors.length - 1;
  }

  /** {@code floor(2^bits P(X <= k))} for {@code k} in the window. */
  public BigInteger floorAt(long k) {
    return floors[Math.toIntExact(k - kMin)];
  }

  /** Builds the window for {@code lambda = p/q > 0}. */
  public static PoissonCdf build(BigInteger p, BigInteger q, int bits) {
    return build(p, q, bits, p.divide(q).longValueExact());
  }

  /**
   * Builds the window for {@code lambda = p/q > 0}, widened if needed to contain {@code include}.
   *
   * @param bits the precision, {@code >= 1}
   */
  public static PoissonCdf build(BigInteger p, BigInteger q, int bits, long include) {
    for (int w = bits + 64; ; w += 64) {
      PoissonCdf cdf = attempt(p, q, bits, w, include);
      if (cdf != null) {
        return cdf;
      }
    }
  }

  private static PoissonCdf attempt(BigInteger p, BigInteger q, int bits, int w, long include) {
    BigInteger one = BigInteger.ONE.shiftLeft(w);
    // Tails below 2^32 units of 2^-w: their relative weight 2^(32-w) shrinks as w grows, so a
    // retry at higher precision narrows every interval.
    BigInteger small = BigInteger.ONE.shiftLeft(32);
    long mode = p.divide(q).longValueExact();
    java.util.ArrayList<BigInteger> upLo = new java.util.ArrayList<>();
    java.util.ArrayList<BigInteger> upHi = new java.util.ArrayList<>();
    BigInteger lo = one;
    BigInteger hi = one;
    BigInteger rightTail;
    // Right side: k = mode + 1, mode + 2, ...
    for (long k = mode; ; k++) {
      if (k > mode) {
        BigInteger den = q.multiply(BigInteger.valueOf(k));
        lo = lo.multiply(p).divide(den);
        hi = ExactExp.ceilDiv(hi.multiply(p), den);
        upLo.add(lo);
        upHi.add(hi);
      }
      // Tail after k: sum_{j>k} w_j <= w_k rho / (1 - rho), rho = lambda / (k + 1) < 1.
      BigInteger gap = q.multiply(BigInteger.valueOf(k + 1)).subtract(p);
      if (gap.signum() > 0 && k >= include) {
        BigInteger tail = ExactExp.ceilDiv(hi.multiply(p), gap);
        if (tail.compareTo(small) < 0) {
          rightTail = tail;
          break;
        }
      }
    }
    java.util.ArrayList<BigInteger> downLo = new java.util.ArrayList<>();
    java.util.ArrayList<BigInteger> downHi = new java.util.ArrayList<>();
    lo = one;
    hi = one;
    BigInteger leftTail = BigInteger.ZERO;
    long kMin = mode;
    while (kMin > 0) {
      // Tail below kMin: sum_{j<kMin} w_j <= w_kMin rho / (1 - rho), rho = kMin / lambda < 1.
      BigInteger kq = q.multiply(BigInteger.valueOf(kMin));
      BigInteger gap = p.subtract(kq);
      if (gap.signum() > 0 && kMin <= include) {
        BigInteger tail = ExactExp.ceilDiv(hi.multiply(kq), gap);
        if (tail.compareTo(small) < 0) {
          leftTail = tail;
          break;
        }
      }
      lo = lo.multiply(kq).divide(p);
      hi = ExactExp.ceilDiv(hi.multiply(kq), p);
      downLo.add(lo);
      downHi.add(hi);
      kMin--;
    }
    int n = downLo.size() + 1 + upLo.size();
    BigInteger[] wLo = new BigInteger[n];
    BigInteger[] wHi = new BigInteger[n];
    for (int i = 0; i < downLo.size(); i++) {
      wLo[downLo.size() - 1 - i] = downLo.get(i);
      wHi[downLo.size() - 1 - i] = downHi.get(i);
    }
    wLo[downLo.size()] = one;
    wHi[downLo.size()] = one;
    for (int i = 0; i < upLo.size(); i++) {
      wLo[downLo.size() + 1 + i] = upLo.get(i);
      wHi[downLo.size() + 1 + i] = upHi.get(i);
    }
    BigInteger zLo = BigInteger.ZERO;
    BigInteger zHi = leftTail.add(rightTail);
    for (int i = 0; i < n; i++) {
      zLo = zLo.add(wLo[i]);
      zHi = zHi.add(wHi[i]);
    }
    BigInteger[] floors = new BigInteger[n];
    // P(X <= k) < 1 always, so the floor is at most 2^bits - 1 even where the upper bound is not.
    BigInteger maxFloor = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
    BigInteger sLo = BigInteger.ZERO;
    BigInteger sHi = leftTail;
    for (int i = 0; i < n; i++) {
      sLo = sLo.add(wLo[i]);
      sHi = sHi.add(wHi[i]);
      BigInteger fLo = sLo.shiftLeft(bits).divide(zHi);
      BigInteger fHi = sHi.shiftLeft(bits).divide(zLo).min(maxFloor);
      if (!fLo.equals(fHi)) {
        return null;
      }
      floors[i] = fLo;
    }
    return new PoissonCdf(kMin, floors);
  }
}
