package io.secagg.dp.sampling;

import io.secagg.dp.internal.ExpTables;
import io.secagg.dp.internal.LazyUniform;
import io.secagg.dp.internal.Words;
import java.math.BigInteger;
import java.util.Objects;

/**
 * The exact discrete Gaussian {@code N_Z(0, sigma^2)} on the integers: {@code P(y)} proportional
 * to {@code exp(-y^2 / (2 sigma^2))}, for a rational {@code sigma^2}.
 *
 * <p>Algorithm (Canonne, Kamath and Steinke 2020, Algorithm 3): with {@code t = floor(sigma) + 1},
 * draw {@code y} from the discrete Laplace of scale {@code t} and accept it with probability
 * {@code exp(-(|y| - sigma^2/t)^2 / (2 sigma^2))}; otherwise repeat (about 1.3 rounds on average).
 * Every Bernoulli(exp(-x)) is the exact comparison of a lazily read uniform with {@code e^(-x)}:
 * a proven fixed-point enclosure of {@code e^(-x)} decides it from one 64-bit word in all but
 * about 2^-23 of the cases, and big-integer arithmetic decides the rest reading the same words.
 * No floating point enters any decision; the 64-bit fast path falls back to {@link BigInteger}
 * whenever an intermediate would overflow.
 *
 * <p>Ranges: {@code 2^-60 <= sigma^2 <= 2^100} (any exact fraction). The 64-bit fast paths cover
 * {@code sigma < 2^39} with numerator and {@code t * denominator} below 2^62; beyond them the same
 * decisions are taken with {@link BigInteger} (microseconds per sample). Immutable and
 * thread-safe.
 */
public final class DiscreteGaussian implements IntegerSampler {
  private static final BigInteger MAX_SIGMA2 = BigInteger.ONE.shiftLeft(100);

  private final Rational sigma2;
  private final long t;
  private final long lapRecip;
  private final int lapRecipShift;
  private final long[] lapTable;
  private final BigInteger bigNum;
  private final BigInteger bigTDen;
  /** {@code 2 num den t^2}: the acceptance exponent is {@code (|y| t den - num)^2 / bigD}. */
  private final BigInteger bigD;
  private final boolean fast;
  private final long num;
  private final long tDen;
  private final long maxFastY;
  private final long dRecip;
  private final int dShift;

  private DiscreteGaussian(Rational sigma2) {
    this.sigma2 = sigma2;
    BigInteger n = sigma2.numerator();
    BigInteger d = sigma2.denominator();
    this.t = n.divide(d).sqrt().longValueExact() + 1;
    int bl = 64 - Long.numberOfLeadingZeros(t);
    this.lapRecipShift = 62 + bl;
    this.lapRecip =
        t >= 2 ? BigInteger.ONE.shiftLeft(lapRecipShift).divide(BigInteger.valueOf(t)).longValue() : 0;
    this.lapTable = t <= ExpTables.SMALL_T ? ExpTables.inversionTable(t) : null;
    BigInteger bt = BigInteger.valueOf(t);
    this.bigNum = n;
    this.bigTDen = bt.multiply(d);
    this.bigD = n.multiply(d).multiply(bt).multiply(bt).shiftLeft(1);
    // Fast path: num and t*den fit in 62 bits and D has at most 126 bits, so A = |y| t den - num
    // fits in a long for |y| <= maxFastY and A^2 * recip(D) fits in 192 bits.
    this.fast = n.bitLength() <= 62 && bigTDen.bitLength() <= 62 && bigD.bitLength() <= 126;
    if (fast) {
      this.num = n.longValueExact();
      this.tDen = bigTDen.longValueExact();
      this.maxFastY = (Long.MAX_VALUE - num) / tDen;
      int l = bigD.bitLength();
      // dRecip = floor(2^(62 + l) / D) in (2^62, 2^63]; gamma * 2^24 = A^2 2^(62+l) / D / 2^(38+l).
      this.dRecip = BigInteger.ONE.shiftLeft(62 + l).divide(bigD).longValue();
      this.dShift = 38 + l;
    } else {
      this.num = 0;
      this.tDen = 0;
      this.maxFastY = -1;
      this.dRecip = 0;
      this.dShift = 0;
    }
  }

  /**
   * The discrete Gaussian with variance parameter {@code sigma2}.
   *
   * @throws NullPointerException if {@code sigma2} is null
   * @throws IllegalArgumentException if {@code sigma2} is outside {@code [2^-60, 2^100]}
   */
  public static DiscreteGaussian withSigma2(Rational sigma2) {
    Objects.requireNonNull(sigma2, "sigma2");
    BigInteger n = sigma2.numerator();
    BigInteger d = sigma2.denominator();
    if (n.compareTo(d.multiply(MAX_SIGMA2)) > 0 || n.shiftLeft(60).compareTo(d) < 0) {
      throw new IllegalArgumentException(
          "Invalid discrete Gaussian sigma^2 " + sigma2 + "; must be in [2^-60, 2^100]");
    }
    return new DiscreteGaussian(sigma2);
  }

  /** The variance parameter {@code sigma^2} (the exact variance is slightly below it for sigma &lt; 1). */
  public Rational sigma2() {
    return sigma2;
  }

  @Override
  public long sample(BitSource bits) {
    Objects.requireNonNull(bits, "bits");
    while (true) {
      long y = DiscreteLaplace.magnitude(bits, t, 1, lapRecip, lapRecipShift, lapTable);
      boolean negative = bits.nextLong() < 0;
      if (negative && y == 0) {
        continue;
      }
      if (accept(bits, y)) {
        return negative ? -y : y;
      }
    }
  }

  /** Bernoulli(exp(-(y t den - num)^2 / D)) for y >= 0, as the comparison U < e^(-gamma). */
  private boolean accept(BitSource bits, long y) {
    if (y <= maxFastY) {
      long a = y * tDen - num;
      if (a == 0) {
        return true;
      }
      if (a < 0) {
        a = -a;
      }
      long aLo = a * a;
      long aHi = Words.unsignedMultiplyHigh(a, a);
      long r = dRecip;
      long gLo;
      long gHi;
      if (aHi == 0) {
        // A^2 < 2^64 (sigma below about 2^15): a 128-bit product suffices.
        long p0 = aLo * r;
        long p1 = Words.unsignedMultiplyHigh(aLo, r);
        gLo = Words.shiftRight192Saturated(0, p1, p0, dShift, ExpTables.G_CAP);
        long q0 = p0 + aLo;
        long q1 = p1 + (Long.compareUnsigned(q0, p0) < 0 ? 1 : 0);
        gHi = Words.shiftRight192Saturated(0, q1, q0, dShift, ExpTables.G_CAP) + 1;
      } else {
        // P = A^2 * dRecip as three words (p2, p1, p0).
        long m0 = aLo * r;
        long c0 = Words.unsignedMultiplyHigh(aLo, r);
        long m1 = aHi * r;
        long m1h = Words.unsignedMultiplyHigh(aHi, r);
        long p1 = m1 + c0;
        long p2 = m1h + (Long.compareUnsigned(p1, m1) < 0 ? 1 : 0);
        gLo = Words.shiftRight192Saturated(p2, p1, m0, dShift, ExpTables.G_CAP);
        // P + A^2 bounds A^2 (dRecip + 1) > A^2 2^(62+l) / D.
        long q0 = m0 + aLo;
        long cq0 = Long.compareUnsigned(q0, m0) < 0 ? 1 : 0;
        long t1 = p1 + aHi;
        long c1 = Long.compareUnsigned(t1, p1) < 0 ? 1 : 0;
        long q1 = t1 + cq0;
        long c2 = Long.compareUnsigned(q1, t1) < 0 ? 1 : 0;
        long q2 = p2 + c1 + c2;
        gHi = Words.shiftRight192Saturated(q2, q1, q0, dShift, ExpTables.G_CAP) + 1;
      }
      long w = bits.nextLong();
      int decided = ExpTables.decide(w, gLo, gHi);
      if (decided >= 0) {
        return decided == 1;
      }
      return new LazyUniform(w, bits).lessThanExpNeg(BigInteger.valueOf(a).pow(2), bigD);
    }
    BigInteger a = BigInteger.valueOf(y).multiply(bigTDen).subtract(bigNum);
    if (a.signum() == 0) {
      return true;
    }
    return new LazyUniform(bits.nextLong(), bits).lessThanExpNeg(a.multiply(a), bigD);
  }

  /**
   * {@code sigma^2} as a double. The exact variance of {@code N_Z(0, sigma^2)} is below
   * {@code sigma^2} by less than {@code 1e-10 sigma^2} once {@code sigma >= 1} (Canonne, Kamath and
   * Steinke 2020, Proposition 19); the statistical tests compare with the exact sum.
   */
  @Override
  public double variance() {
    return sigma2.doubleValue();
  }

  @Override
  public String toString() {
    return "DiscreteGaussian[sigma^2=" + sigma2 + "]";
  }
}
