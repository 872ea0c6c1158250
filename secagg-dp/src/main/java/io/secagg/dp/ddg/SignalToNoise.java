package io.secagg.dp.ddg;

import java.util.Locale;
import java.util.Optional;

/**
 * The expected noise of a DDG round set against the signal it hides, per coordinate of the decoded
 * sum, in the units of the real-valued updates. Immutable; from {@link
 * DdgParameters#signalToNoise(long, double)}.
 *
 * <ul>
 *   <li><b>Noise:</b> the standard deviation of the decoded sum's error per coordinate with {@code
 *       s} survivors, {@code sqrt(s (v + 1/4)) / scale}: each client's noise (exact variance
 *       {@code v}) and at most 1/4 from its stochastic rounding. The rotation is orthogonal, so
 *       every coordinate carries the same noise.
 *   <li><b>Signal:</b> {@code s} times the update scale (the RMS per coordinate of one update,
 *       default {@code c / sqrt(d)}, the most a clipped update can have): the RMS per coordinate of
 *       the sum when every update points the same way, so the most the sum can carry.
 * </ul>
 *
 * <p>When the noise exceeds the signal, no sum of these updates can stand out of the noise in a
 * single round: {@link #warning()} says so.
 *
 * @param survivors the survivors whose updates and noise are in the sum, {@code >= 1}
 * @param dimension the number of coordinates of one update, {@code >= 1}
 * @param clipNorm the L2 norm every update was clipped to (real units), {@code > 0}
 * @param updateRms the RMS per coordinate of one client's update (real units), {@code > 0}
 * @param noiseStd the standard deviation of the decoded sum's error per coordinate (real units)
 */
public record SignalToNoise(
    long survivors, int dimension, double clipNorm, double updateRms, double noiseStd) {
  /** The largest RMS per coordinate the sum can have: {@code survivors * updateRms}. */
  public double signalRms() {
    return survivors * updateRms;
  }

  /** {@link #signalRms()} over {@link #noiseStd()}; below 1 when the noise exceeds the signal. */
  public double ratio() {
    return signalRms() / noiseStd;
  }

  /** True iff the noise per coordinate exceeds the largest possible signal. */
  public boolean noiseExceedsSignal() {
    return noiseStd > signalRms();
  }

  /** One line for reports, e.g. {@code noise 2.75 per coordinate of the sum of 10 updates; ...}. */
  public String describe() {
    return String.format(Locale.ROOT,
        "noise %s per coordinate of the sum of %d updates; signal at most %s (%d x %s per coordinate of"
            + " one update, clip %s over %d coordinates); signal/noise %s",
        fmt(noiseStd), survivors, fmt(signalRms()), survivors, fmt(updateRms), fmt(clipNorm), dimension,
        fmt(ratio()));
  }

  /**
   * A warning when the noise exceeds the signal, else empty: the sum of the updates is then mostly
   * noise in every round, and only averaging over many rounds can recover it.
   */
  public Optional<String> warning() {
    if (!noiseExceedsSignal()) {
      return Optional.empty();
    }
    return Optional.of(String.format(Locale.ROOT,
        "the noise per coordinate (%s) exceeds the largest possible signal (%s), %sx: the sum of %d"
            + " updates is mostly noise; more survivors per round or a larger epsilon would help",
        fmt(noiseStd), fmt(signalRms()), fmt(1 / ratio()), survivors));
  }

  private static String fmt(double x) {
    return String.format(Locale.ROOT, "%.3g", x);
  }

  @Override
  public String toString() {
    return "SignalToNoise[" + describe() + "]";
  }
}
