package io.secagg.dp.ddg;

import java.util.Locale;

/**
 * What a {@link DdgParameterSelection} sized the noise for: the (epsilon, delta) target over a
 * number of rounds, the range of survivor counts every round is accounted for, and the Poisson
 * client-sampling rate. Immutable; obtained from {@link DdgParameters#privacyPlan()}.
 *
 * <p>The target holds for every round that completes with between {@link #minimumSurvivors()} and
 * {@link #maximumClients()} clients' noise in the sum ({@code spec/dp.md}, Sections 10.4 and 11).
 */
public final class DdgPrivacyPlan {
  private final double targetEpsilon;
  private final double delta;
  private final long rounds;
  private final long maximumClients;
  private final long minimumSurvivors;
  private final double samplingRate;

  DdgPrivacyPlan(double targetEpsilon, double delta, long rounds, long maximumClients, long minimumSurvivors,
      double samplingRate) {
    this.targetEpsilon = targetEpsilon;
    this.delta = delta;
    this.rounds = rounds;
    this.maximumClients = maximumClients;
    this.minimumSurvivors = minimumSurvivors;
    this.samplingRate = samplingRate;
  }

  /** The epsilon the selection aimed at, over all {@link #rounds()}; {@code > 0}. */
  public double targetEpsilon() {
    return targetEpsilon;
  }

  /** The delta of the target, in {@code (0, 1)}. */
  public double delta() {
    return delta;
  }

  /** The number of rounds the target covers, {@code >= 1}. */
  public long rounds() {
    return rounds;
  }

  /**
   * The most clients a round can hold ({@code >= minimumSurvivors}): the modulus has room for
   * their sum, and the DDG bound's {@code tau} is taken at this count.
   */
  public long maximumClients() {
    return maximumClients;
  }

  /**
   * The fewest survivors with which a round completes (the secure-aggregation threshold in the
   * conservative setting), {@code >= 1}: each client's noise is sized so that this many clients'
   * noise meets the target.
   */
  public long minimumSurvivors() {
    return minimumSurvivors;
  }

  /**
   * The probability with which each client of the population joins a round (Poisson sampling),
   * in {@code (0, 1]}; 1 means no sampling and no amplification.
   */
  public double samplingRate() {
    return samplingRate;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT,
        "DdgPrivacyPlan[epsilon=%s, delta=%s, rounds=%d, survivors=%d..%d, samplingRate=%s]",
        targetEpsilon, delta, rounds, minimumSurvivors, maximumClients, samplingRate);
  }
}
