package io.secagg.dp.central;

import io.secagg.dp.sampling.BitSource;
import io.secagg.dp.sampling.DiscreteGaussian;
import io.secagg.dp.sampling.DiscreteLaplace;
import io.secagg.dp.sampling.IntegerSampler;
import io.secagg.dp.sampling.Rational;
import java.util.Objects;

/**
 * Central-model Laplace or Gaussian noise on real values without floating-point leakage.
 *
 * <p>Output: {@code (round(clamp(x, -B, B) / L) + Z) * L}, where the grid step {@code L} is the
 * power of two {@code 2^(floor(log2(scale)) - 20)} chosen from the noise scale alone (never from
 * the input), {@code round} is round-half-even (exact for a power-of-two step), and {@code Z} is an
 * exact integer sample: discrete Gaussian with {@code sigma^2 = ceil((sigma/L)^2 2^8) / 2^8}, or
 * discrete Laplace with scale {@code ceil((b/L) 2^8) / 2^8}, rounded up so the noise is never
 * smaller than requested. Every output is a multiple of {@code L} and exactly representable,
 * whatever the input, so neighbouring inputs have the same output support (Mironov 2012's attack on
 * textbook floating-point Laplace does not apply).
 *
 * <p>Guarantee: rounding moves each coordinate by at most {@code L/2}, so an L2 (L1) sensitivity
 * {@code Delta} becomes {@code Delta + L sqrt(d)} ({@code Delta + L d}) on the grid: the Gaussian
 * variant is {@code (Delta + L sqrt(d))^2 / (2 sigma^2)}-zCDP (Canonne, Kamath and Steinke 2020,
 * Theorem 14), the Laplace variant {@code (Delta + L d)/b}-DP. {@code L <= scale 2^-20}, so the
 * inflation is negligible; {@link #inflatedSensitivity} states it exactly.
 *
 * <p>Immutable and thread-safe (the {@link BitSource} passed in is not).
 */
public final class SnappingMechanism {
  private static final double MAX_GRID_UNITS = 0x1p50;

  private final IntegerSampler noise;
  private final double step;
  private final double bound;
  private final boolean gaussian;
  private final double scale;

  private SnappingMechanism(IntegerSampler noise, double step, double bound, boolean gaussian, double scale) {
    this.noise = noise;
    this.step = step;
    this.bound = bound;
    this.gaussian = gaussian;
    this.scale = scale;
  }

  /**
   * Gaussian noise with standard deviation (at least) {@code sigma}.
   *
   * @param sigma the noise standard deviation, in {@code [2^-900, 2^900]}
   * @param bound the clamping bound {@code B > 0}; {@code B / L} must be below 2^50
   * @throws IllegalArgumentException if an argument is out of range or not finite
   */
  public static SnappingMechanism gaussian(double sigma, double bound) {
    double step = step(sigma, bound);
    double units = sigma / step;
    Rational s2 = Rational.ceilDyadic(units * units, 8);
    return new SnappingMechanism(DiscreteGaussian.withSigma2(s2), step, bound, true, sigma);
  }

  /**
   * Laplace noise with scale (at least) {@code b}.
   *
   * @param b the Laplace scale, in {@code [2^-900, 2^900]}
   * @param bound the clamping bound {@code B > 0}; {@code B / L} must be below 2^50
   * @throws IllegalArgumentException if an argument is out of range or not finite
   */
  public static SnappingMechanism laplace(double b, double bound) {
    double step = step(b, bound);
    Rational scale = Rational.ceilDyadic(b / step, 8);
    return new SnappingMechanism(DiscreteLaplace.withScale(scale), step, bound, false, b);
  }

  private static double step(double scale, double bound) {
    if (!(scale >= 0x1p-900 && scale <= 0x1p900)) {
      throw new IllegalArgumentException("Invalid noise scale " + scale + "; must be in [2^-900, 2^900]");
    }
    if (!(bound > 0) || Double.isInfinite(bound)) {
      throw new IllegalArgumentException("Invalid clamping bound " + bound + "; must be finite and > 0");
    }
    double step = Math.scalb(1.0, Math.getExponent(scale) - 20);
    if (bound / step >= MAX_GRID_UNITS) {
      throw new IllegalArgumentException(
          "Clamping bound " + bound + " is too large for noise scale " + scale + "; bound/scale must be below 2^30");
    }
    return step;
  }

  /** The grid step {@code L} (a power of two). */
  public double gridStep() {
    return step;
  }

  /** The integer noise sampler on the grid. */
  public IntegerSampler noise() {
    return noise;
  }

  /** True for the Gaussian variant, false for Laplace. */
  public boolean isGaussian() {
    return gaussian;
  }

  /** The requested noise scale (sigma or b). */
  public double scale() {
    return scale;
  }

  /**
   * The sensitivity on the grid for a query of dimension {@code dim} and sensitivity
   * {@code delta}: {@code delta + L sqrt(dim)} (Gaussian, L2) or {@code delta + L dim} (Laplace, L1).
   *
   * @throws IllegalArgumentException if {@code delta < 0} or {@code dim < 1}
   */
  public double inflatedSensitivity(double delta, int dim) {
    if (!(delta >= 0) || dim < 1) {
      throw new IllegalArgumentException("Invalid sensitivity " + delta + " or dimension " + dim);
    }
    return delta + step * (gaussian ? Math.sqrt(dim) : dim);
  }

  /**
   * One noisy value.
   *
   * @throws IllegalArgumentException if {@code x} is NaN
   * @throws NullPointerException if {@code bits} is null
   */
  public double privatize(double x, BitSource bits) {
    Objects.requireNonNull(bits, "bits");
    if (Double.isNaN(x)) {
      throw new IllegalArgumentException("Cannot privatize NaN");
    }
    double clamped = Math.max(-bound, Math.min(bound, x));
    long units = (long) Math.rint(clamped / step);
    return (units + noise.sample(bits)) * step;
  }

  /**
   * Replaces every element of {@code xs} by its noisy value, index 0 first.
   *
   * @throws IllegalArgumentException if an element is NaN (then {@code xs} is left unchanged)
   * @throws NullPointerException if an argument is null
   */
  public void privatize(double[] xs, BitSource bits) {
    Objects.requireNonNull(xs, "xs");
    Objects.requireNonNull(bits, "bits");
    for (double x : xs) {
      if (Double.isNaN(x)) {
        throw new IllegalArgumentException("Cannot privatize NaN");
      }
    }
    for (int i = 0; i < xs.length; i++) {
      xs[i] = privatize(xs[i], bits);
    }
  }

  @Override
  public String toString() {
    return "SnappingMechanism[" + (gaussian ? "gaussian" : "laplace") + ", step=2^" + Math.getExponent(step) + "]";
  }
}
