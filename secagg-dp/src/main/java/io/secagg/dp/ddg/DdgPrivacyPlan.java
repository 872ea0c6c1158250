package io.secagg.dp.ddg;

import java.util.Locale;

/**
 * What a {@link DdgParameterSelection} sized the noise for: the (epsilon, delta) target over a
 * number of rounds, the range of survivor counts every round is accounted for, and the Poisson
 * client-sampling rate. Immutable; obtained from {@link DdgParameters#privacyPlan()}.
 *
 * <p>The target holds for every round that completes with between {@link #minimumSurvivors()} and
 * {@link #maximumClients()} clients' noise in the sum ({@code spec/dp.md}, Sections 10.4 and 11).
 *
 * @param targetEpsilon the epsilon the selection aimed at, over all {@code rounds}; {@code > 0}
 * @param delta the delta of the target, in {@code (0, 1)}
 * @param rounds the number of rounds the target covers, {@code >= 1}
 * @param maximumClients the most clients a round can hold ({@code >= minimumSurvivors}): the
 *     modulus has room for their sum, and the DDG bound's {@code tau} is taken at this count
 * @param minimumSurvivors the fewest survivors with which a round completes (the
 *     secure-aggregation threshold in the conservative setting), {@code >= 1}: each client's noise
 *     is sized so that this many clients' noise meets the target
 * @param samplingRate the probability with which each client of the population joins a round
 *     (Poisson sampling), in {@code (0, 1]}; 1 means no sampling and no amplification
 */
public record DdgPrivacyPlan(double targetEpsilon, double delta, long rounds, long maximumClients,
    long minimumSurvivors, double samplingRate) {
  /**
   * @throws IllegalArgumentException if a component is outside the range stated above
   */
  public DdgPrivacyPlan {
    if (!(targetEpsilon > 0) || !(delta > 0 && delta < 1) || rounds < 1 || minimumSurvivors < 1
        || maximumClients < minimumSurvivors || !(samplingRate > 0 && samplingRate <= 1)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "not a privacy plan: epsilon=%s, delta=%s, rounds=%d, survivors=%d..%d, samplingRate=%s",
          targetEpsilon, delta, rounds, minimumSurvivors, maximumClients, samplingRate));
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT,
        "DdgPrivacyPlan[epsilon=%s, delta=%s, rounds=%d, survivors=%d..%d, samplingRate=%s]",
        targetEpsilon, delta, rounds, minimumSurvivors, maximumClients, samplingRate);
  }
}
