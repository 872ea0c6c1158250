package io.secagg.dp.sampling;

import io.secagg.dp.internal.LazyUniform;
import io.secagg.dp.internal.PoissonCdf;
import java.math.BigInteger;
import java.util.Objects;

/**
 * The exact Poisson distribution with a rational mean {@code lambda}.
 *
 * <p>Algorithm: {@code lambda} is split into {@code r = max(1, ceil(lambda / 2^20))} equal parts
 * and the sample is the sum of {@code r} independent Poisson(lambda / r) draws, each by exact
 * inversion {@code X = min{k : U < P(X <= k)}} of a lazily read uniform {@code U} (see {@link
 * io.secagg.dp.internal.LazyUniform}); a table of {@code floor(2^64 P(X <= k))}, each entry proven
 * with big-integer interval arithmetic, decides the inversion from one word in all but about
 * 2^-48 of the draws, and exact big-integer arithmetic decides the rest.
 *
 * <p>Cost: one word and a binary search per part, so {@code O(max(1, lambda / 2^20))} per sample;
 * construction builds a table of about {@code 22 sqrt(lambda / r)} entries.
 *
 * <p>Ranges: {@code 2^-30 <= lambda <= 2^40}, numerator and denominator below 2^62. Immutable and
 * thread-safe.
 */
public final class Poisson implements IntegerSampler {
  static final long PART_MAX = 1L << 20;
  private static final BigInteger MAX_LAMBDA = BigInteger.ONE.shiftLeft(40);

  private final Rational lambda;
  private final long parts;
  private final BigInteger p;
  private final BigInteger q;
  private final long kMin;
  private final long[] floors;

  private Poisson(Rational lambda) {
    this.lambda = lambda;
    BigInteger n = lambda.numerator();
    BigInteger d = lambda.denominator();
    BigInteger pm = BigInteger.valueOf(PART_MAX);
    BigInteger[] qr = n.divideAndRemainder(d.multiply(pm));
    long r = qr[0].longValueExact() + (qr[1].signum() == 0 ? 0 : 1);
    this.parts = Math.max(1, r);
    BigInteger pp = n;
    BigInteger qq = d.multiply(BigInteger.valueOf(parts));
    BigInteger g = pp.gcd(qq);
    this.p = pp.divide(g);
    this.q = qq.divide(g);
    PoissonCdf cdf = PoissonCdf.build(p, q, 64);
    this.kMin = cdf.kMin();
    this.floors = new long[(int) (cdf.kMax() - kMin + 1)];
    for (int i = 0; i < floors.length; i++) {
      floors[i] = cdf.floorAt(kMin + i).longValue();
    }
  }

  /**
   * The Poisson distribution with mean {@code lambda}.
   *
   * @throws NullPointerException if {@code lambda} is null
   * @throws IllegalArgumentException if {@code lambda} is outside {@code [2^-30, 2^40]} or its
   *     numerator or denominator is 2^62 or more
   */
  public static Poisson withMean(Rational lambda) {
    Objects.requireNonNull(lambda, "lambda");
    BigInteger n = lambda.numerator();
    BigInteger d = lambda.denominator();
    if (n.bitLength() > 62 || d.bitLength() > 62
        || n.compareTo(d.multiply(MAX_LAMBDA)) > 0 || n.shiftLeft(30).compareTo(d) < 0) {
      throw new IllegalArgumentException(
          "Invalid Poisson mean " + lambda + "; must be in [2^-30, 2^40] with parts below 2^62");
    }
    return new Poisson(lambda);
  }

  /** The mean {@code lambda}. */
  public Rational mean() {
    return lambda;
  }

  @Override
  public long sample(BitSource bits) {
    Objects.requireNonNull(bits, "bits");
    long sum = 0;
    for (long i = 0; i < parts; i++) {
      sum += samplePart(bits);
    }
    return sum;
  }

  private long samplePart(BitSource bits) {
    long w = bits.nextLong();
    long[] f = floors;
    // Smallest index with w < f[index] (unsigned); f is non-decreasing and ends with 2^64 - 1.
    int lo = 0;
    int hi = f.length - 1;
    if (Long.compareUnsigned(w, f[hi]) >= 0) {
      return slowInversion(w, bits, kMin + hi);
    }
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (Long.compareUnsigned(w, f[mid]) < 0) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    long below = lo == 0 ? 0 : f[lo - 1];
    if (w != below) {
      return kMin + lo;
    }
    return slowInversion(w, bits, kMin + lo);
  }

  /** Exact inversion from a starting guess, comparing lazily at growing precision. */
  private long slowInversion(long w, BitSource bits, long start) {
    LazyUniform u = new LazyUniform(w, bits);
    long k = start;
    while (!u.lessThan(cdfFloor(k))) {
      k++;
    }
    while (k > 0 && u.lessThan(cdfFloor(k - 1))) {
      k--;
    }
    return k;
  }

  private java.util.function.IntFunction<BigInteger> cdfFloor(long k) {
    return b -> PoissonCdf.build(p, q, b, k).floorAt(k);
  }

  /** The exact variance, equal to the mean {@code lambda}, rounded to a double. */
  @Override
  public double variance() {
    return lambda.doubleValue();
  }

  @Override
  public String toString() {
    return "Poisson[mean=" + lambda + "]";
  }
}
