package io.secagg.vdaf;

import java.util.Locale;

/**
 * What the collector learns from a {@link BoundedVector} batch: the number of accepted reports,
 * the integer sum of their quantized coordinates (plus the aggregators' noise, if any), and its
 * decoding into update units. Immutable; accessors return copies.
 */
public final class BoundedVectorResult {
  private final BoundedVector config;
  private final long[] integerSum;
  private final long reports;

  BoundedVectorResult(BoundedVector config, long[] integerSum, long reports) {
    this.config = config;
    this.integerSum = integerSum;
    this.reports = reports;
  }

  /** The number of reports in the sum (every one verified by both aggregators). */
  public long reports() {
    return reports;
  }

  /**
   * The sum of the accepted reports' quantized coordinates (each in {@code [0, 2B]}), plus the
   * aggregators' noise if the configuration adds it: exact integers, {@link BoundedVector#dimension()}
   * of them.
   */
  public long[] integerSum() {
    return integerSum.clone();
  }

  /**
   * The decoded sum of the accepted updates: {@code (S - n B) 2^-e} per coordinate, within
   * {@link #errorBound()} of the sum of the clipped updates, plus noise of standard deviation
   * {@link #noiseStddev()} if the configuration adds noise.
   */
  public double[] sum() {
    long offset = config.quantizerConfig().offset();
    int e = config.quantizerConfig().scaleExponent();
    double[] out = new double[integerSum.length];
    for (int i = 0; i < out.length; i++) {
      // n B < 2^62 and |S| < 2^62: the difference fits in a long.
      out[i] = Math.scalb((double) (integerSum[i] - reports * offset), -e);
    }
    return out;
  }

  /**
   * {@link #sum()} divided by {@link #reports()}.
   *
   * @throws IllegalStateException if no report was accepted
   */
  public double[] mean() {
    if (reports == 0) {
      throw new IllegalStateException("no report was accepted: the mean is undefined");
    }
    double[] s = sum();
    for (int i = 0; i < s.length; i++) {
      s[i] /= reports;
    }
    return s;
  }

  /**
   * The quantization error bound of {@link #sum()}: strictly below {@code n 2^-e} per coordinate
   * against the sum of the clipped updates (stochastic rounding moves each client's coordinate by
   * less than one step), before noise and the final binary64 rounding.
   */
  public double errorBound() {
    return reports * config.resolution();
  }

  /**
   * The standard deviation of the noise in each coordinate of {@link #sum()} when both
   * aggregators added theirs ({@code sqrt(2) sigma 2^-e}); 0 without noise.
   */
  public double noiseStddev() {
    return config.noiseSigma2().map(s -> Math.sqrt(2 * s.doubleValue()) * config.resolution()).orElse(0.0);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "BoundedVectorResult[%d reports, %d coordinates, error bound %.3g%s]", reports,
        integerSum.length, errorBound(), noiseStddev() > 0 ? String.format(Locale.ROOT, ", noise sd %.3g", noiseStddev()) : "");
  }
}
