package io.secagg.dp.sampling;

import io.secagg.dp.internal.ExpTables;
import io.secagg.dp.internal.LazyUniform;
import io.secagg.dp.internal.Words;
import java.math.BigInteger;
import java.util.Objects;

/**
 * The exact discrete Laplace distribution on the integers: {@code P(y)} proportional to
 * {@code exp(-|y| / b)} for a rational scale {@code b = t / s > 0}.
 *
 * <p>Algorithm (Canonne, Kamath and Steinke 2020, "The Discrete Gaussian for Differential
 * Privacy", Algorithm 2), with every Bernoulli(exp(-x)) trial decided by comparing a lazily read
 * uniform with {@code e^(-x)} (see {@code spec/dp.md}, "Discrete Laplace"):
 * <ol>
 *   <li>{@code u} uniform in {@code [0, t)}; restart unless Bernoulli(exp(-u/t));
 *   <li>{@code v} geometric with {@code P(v >= k) = e^(-k)};
 *   <li>{@code y = floor((u + t v) / s)}; a sign word; restart on "negative zero".
 * </ol>
 * For {@code t <= 64} steps 1 and 2 are replaced by the inversion {@code X = #{k >= 1 : U <
 * e^(-k/t)}} of a single lazily read uniform (same distribution of {@code u + t v}, one word).
 *
 * <p>Ranges: {@code t} is 1 to 2^50 and {@code s} 1 to 2^62 - 1. The 64-bit fast path covers
 * {@code t < 2^39}; larger {@code t} take the exact {@link BigInteger} path (microseconds per
 * trial). Immutable and thread-safe.
 */
public final class DiscreteLaplace implements IntegerSampler {
  /** Above this t the fast bound computation {@code u * 2^24} could overflow. */
  private static final long FAST_T = 1L << 39;

  private final Rational scale;
  private final long t;
  private final long s;
  private final long recip;
  private final int recipShift;
  private final long[] table;

  private DiscreteLaplace(Rational scale) {
    this.scale = scale;
    this.t = scale.numerator().longValueExact();
    this.s = scale.denominator().longValueExact();
    // recip = floor(2^(62 + bitLength(t)) / t), in (2^62, 2^63]: u * 2^24 * recip / 2^shift
    // brackets u * 2^24 / t with two multiplications instead of a division.
    int bl = 64 - Long.numberOfLeadingZeros(t);
    this.recipShift = 62 + bl;
    this.recip = t >= 2 ? BigInteger.ONE.shiftLeft(recipShift).divide(BigInteger.valueOf(t)).longValue() : 0;
    this.table = t <= ExpTables.SMALL_T ? ExpTables.inversionTable(t) : null;
  }

  /**
   * The discrete Laplace with scale {@code b} (numerator and denominator each below 2^62).
   *
   * @throws NullPointerException if {@code scale} is null
   * @throws IllegalArgumentException if the numerator of {@code scale} exceeds 2^50 or its
   *     denominator is 2^62 or more
   */
  public static DiscreteLaplace withScale(Rational scale) {
    Objects.requireNonNull(scale, "scale");
    if (scale.numerator().compareTo(BigInteger.ONE.shiftLeft(50)) > 0 || scale.denominator().bitLength() > 62) {
      throw new IllegalArgumentException(
          "Invalid discrete Laplace scale " + scale + "; numerator at most 2^50, denominator below 2^62");
    }
    return new DiscreteLaplace(scale);
  }

  /** The scale {@code b = t / s}. */
  public Rational scale() {
    return scale;
  }

  @Override
  public long sample(BitSource bits) {
    Objects.requireNonNull(bits, "bits");
    while (true) {
      long y = magnitude(bits, t, s, recip, recipShift, table);
      boolean negative = bits.nextLong() < 0;
      if (negative && y == 0) {
        continue;
      }
      return negative ? -y : y;
    }
  }

  /**
   * Steps 1 and 2: {@code floor(X / s)} with {@code P(X >= k) = e^(-k/t)}. For {@code t <= 64}
   * ({@code table} non-null) {@code X} is drawn by inversion of one lazily read uniform,
   * {@code X = #{k >= 1 : U < e^(-k/t)}}; otherwise as {@code u + t v} (CKS Algorithm 2).
   */
  static long magnitude(BitSource bits, long t, long s, long recip, int recipShift, long[] table) {
    if (table != null) {
      long x = ExpTables.geometricByTable(bits, table, t);
      return s == 1 ? x : x / s;
    }
    long u;
    while (true) {
      u = t == 1 ? 0 : Words.uniform(bits, t);
      if (u == 0 || bernoulliExpNegUOverT(bits, u, t, recip, recipShift)) {
        break;
      }
    }
    long v = ExpTables.geometricExpMinusOne(bits);
    long x = Math.addExact(u, Math.multiplyExact(t, v));
    return s == 1 ? x : x / s;
  }

  /** Bernoulli(exp(-u/t)) for 0 < u < t, as the comparison U < e^(-u/t). */
  private static boolean bernoulliExpNegUOverT(BitSource bits, long u, long t, long recip, int recipShift) {
    long w = bits.nextLong();
    if (t < FAST_T) {
      long scaled = u << 24;
      int sh = recipShift - 64;
      long gLo = Words.unsignedMultiplyHigh(scaled, recip) >>> sh;
      long gHi = (Words.unsignedMultiplyHigh(scaled, recip + 1) >>> sh) + 1;
      int d = ExpTables.decide(w, gLo, gHi);
      if (d >= 0) {
        return d == 1;
      }
    }
    return new LazyUniform(w, bits).lessThanExpNeg(BigInteger.valueOf(u), BigInteger.valueOf(t));
  }

  /**
   * The exact variance {@code 2 q / (1 - q)^2} with {@code q = e^(-1/b)}, as a double (within a few
   * ulps; {@code 1 - q} is computed as {@code -expm1(-1/b)}, which keeps its relative accuracy for
   * large scales).
   */
  @Override
  public double variance() {
    double x = 1.0 / scale.doubleValue();
    double oneMinusQ = -Math.expm1(-x);
    return 2 * Math.exp(-x) / (oneMinusQ * oneMinusQ);
  }

  @Override
  public String toString() {
    return "DiscreteLaplace[scale=" + scale + "]";
  }
}
