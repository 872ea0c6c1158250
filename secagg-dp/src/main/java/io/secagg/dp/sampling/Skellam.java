package io.secagg.dp.sampling;

import java.util.Objects;

/**
 * The exact symmetric Skellam distribution with variance {@code v}: the difference
 * {@code X1 - X2} of two independent Poisson({@code v / 2}) samples, drawn in that order (so in
 * the notation of Agarwal, Kairouz and Liu 2021, "The Skellam Mechanism for Differentially Private
 * Federated Learning", it is {@code Sk(mu, mu)} with {@code mu = v / 2}).
 *
 * <p>Cost grows as {@code max(1, v / 2^21)} (see {@link Poisson}); for large variances prefer the
 * {@link DiscreteGaussian}. Ranges: {@code 2^-29 <= v <= 2^41}. Immutable and thread-safe.
 */
public final class Skellam implements IntegerSampler {
  private final Rational variance;
  private final Poisson half;

  private Skellam(Rational variance, Poisson half) {
    this.variance = variance;
    this.half = half;
  }

  /**
   * The symmetric Skellam distribution with variance {@code variance}.
   *
   * @throws NullPointerException if {@code variance} is null
   * @throws IllegalArgumentException if {@code variance / 2} is not a valid {@link Poisson} mean
   */
  public static Skellam withVariance(Rational variance) {
    Objects.requireNonNull(variance, "variance");
    Rational half = Rational.of(variance.numerator(), variance.denominator().shiftLeft(1));
    if (half.numerator().bitLength() > 62 || half.denominator().bitLength() > 62) {
      throw new IllegalArgumentException(
          "Invalid Skellam variance " + variance + "; numerator and denominator must be below 2^61");
    }
    try {
      return new Skellam(variance, Poisson.withMean(half));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid Skellam variance " + variance + "; must be in [2^-29, 2^41]", e);
    }
  }

  /** The variance {@code v} (each Poisson has mean {@code v / 2}). */
  public Rational varianceExact() {
    return variance;
  }

  @Override
  public long sample(BitSource bits) {
    Objects.requireNonNull(bits, "bits");
    long a = half.sample(bits);
    long b = half.sample(bits);
    return a - b;
  }

  /** The exact variance {@code v} (two independent Poisson of mean {@code v/2}), rounded to a double. */
  @Override
  public double variance() {
    return variance.doubleValue();
  }

  @Override
  public String toString() {
    return "Skellam[variance=" + variance + "]";
  }

}
