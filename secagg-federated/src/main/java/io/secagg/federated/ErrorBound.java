package io.secagg.federated;

/**
 * How far each coordinate of a decoded aggregate may be from the exact value it estimates (the
 * sum, or the mean, of the included clients' clipped updates), in the updates' own units.
 * Immutable.
 *
 * <ul>
 *   <li>Without DP the only error is quantization: {@link #maxAbsoluteError()} is a guarantee
 *       for every coordinate, and the error is unbiased with at most {@link
 *       #standardDeviation()}.
 *   <li>With DP the noise is unbounded: {@link #maxAbsoluteError()} is infinite, and {@link
 *       #standardDeviation()} is the predicted standard deviation of every coordinate's error
 *       (the noise of the included clients plus stochastic rounding), of which {@link
 *       #noiseStandardDeviation()} is the noise alone.
 * </ul>
 */
public final class ErrorBound {
  private final double maxAbsolute;
  private final double standardDeviation;
  private final double noiseStandardDeviation;

  ErrorBound(double maxAbsolute, double standardDeviation, double noiseStandardDeviation) {
    this.maxAbsolute = maxAbsolute;
    this.standardDeviation = standardDeviation;
    this.noiseStandardDeviation = noiseStandardDeviation;
  }

  /**
   * The largest possible absolute error of any coordinate, or {@link Double#POSITIVE_INFINITY}
   * if there is no such bound (DP noise).
   */
  public double maxAbsoluteError() {
    return maxAbsolute;
  }

  /** True iff {@link #maxAbsoluteError()} is finite: every coordinate is within it. */
  public boolean isGuaranteed() {
    return maxAbsolute != Double.POSITIVE_INFINITY;
  }

  /**
   * The predicted standard deviation of each coordinate's error (an upper bound: stochastic
   * rounding contributes at most a quarter of a quantization step squared per client).
   */
  public double standardDeviation() {
    return standardDeviation;
  }

  /** The part of {@link #standardDeviation()} that is DP noise (0 without DP). */
  public double noiseStandardDeviation() {
    return noiseStandardDeviation;
  }

  /** The same bound divided by {@code n}: from a sum of n clients to their mean. */
  ErrorBound dividedBy(int n) {
    return new ErrorBound(maxAbsolute / n, standardDeviation / n, noiseStandardDeviation / n);
  }

  @Override
  public String toString() {
    return "ErrorBound[maxAbsolute=" + maxAbsolute + ", std=" + standardDeviation + ", noiseStd="
        + noiseStandardDeviation + "]";
  }
}
