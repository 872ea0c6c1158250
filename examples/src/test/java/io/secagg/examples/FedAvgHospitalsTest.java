package io.secagg.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.core.protocol.Dropout;
import io.secagg.federated.AveragingRound;
import io.secagg.federated.ErrorBound;
import io.secagg.examples.FedAvgHospitals.RoundReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The example as CI runs it: 10 hospitals x 50,000 parameters, hospital 4 crashing after sharing
 * its keys in round 0 and back from round 1. The round timeout is an hour, so a round that waited
 * for the crashed hospital would report a protocol time of at least an hour; the test asserts the
 * logical consequence (the crash is a reported departure, and the protocol time is below the
 * timeout), never a speed.
 */
class FedAvgHospitalsTest {
  private static final Duration HUGE_TIMEOUT = Duration.ofHours(1);

  private static List<RoundReport> train(boolean dp, long seed) throws Exception {
    return FedAvgHospitals.train(dp, 2, HUGE_TIMEOUT, seed,
        party -> DeterministicRandom.forTestVectorsOnly(seed * 100 + party));
  }

  private static List<Integer> allBut(int excluded) {
    List<Integer> ids = new ArrayList<>();
    for (int id = 1; id <= FedAvgHospitals.HOSPITALS; id++) {
      if (id != excluded) {
        ids.add(id);
      }
    }
    return ids;
  }

  /** Round 0 completes with the nine others, the crash counted as a departure, not a timeout. */
  private static void crashCostsNoTimeout(RoundReport first) {
    AveragingRound r = first.result;
    assertEquals(allBut(FedAvgHospitals.CRASHING_HOSPITAL), r.includedClients());
    assertEquals(1, r.dropouts().size(), r.dropouts().toString());
    Dropout d = r.dropouts().get(0);
    assertEquals(FedAvgHospitals.CRASHING_HOSPITAL, d.clientId());
    assertEquals(Dropout.Cause.DISCONNECTED, d.cause());
    assertTrue(r.protocolTime().compareTo(HUGE_TIMEOUT) < 0,
        "protocol time " + r.protocolTime() + " reported; a wait for the timeout takes " + HUGE_TIMEOUT);
  }

  @Test
  void withoutDpTheCrashCostsNoTimeoutAndTheMeanIsThePlaintextMeanWithinTheBound()
      throws Exception {
    List<RoundReport> rounds = train(false, 1);
    crashCostsNoTimeout(rounds.get(0));
    assertEquals(allBut(0), rounds.get(1).result.includedClients(), "the restarted hospital is back");
    for (RoundReport r : rounds) {
      ErrorBound bound = r.result.meanError();
      assertTrue(bound.isGuaranteed());
      assertTrue(r.maxAbsoluteError() <= bound.maxAbsoluteError(),
          "round " + r.result.round() + ": " + r.maxAbsoluteError() + " > " + bound);
      assertEquals(FedAvgHospitals.PARAMETERS, r.result.mean().length);
      assertFalse(r.result.privacy().isPresent());
    }
  }

  /**
   * With DP the mean's error over the d = 50,000 coordinates has the predicted variance. The
   * coordinates' errors are independent (an orthogonal rotation of independent noise), each with
   * variance between the noise alone (v_lo) and noise plus rounding (v_hi, the prediction), so
   * (1/d) sum e_i^2 lies in [v_lo (1 - 5 sqrt(2/d)), v_hi (1 + 5 sqrt(2/d))] except with
   * probability about 6e-7 per round (normal approximation of a chi-square with d degrees of
   * freedom, 5 standard deviations on either side); the seed is fixed, so the verdict is too.
   */
  @Test
  void withDpTheCrashCostsNoTimeoutAndTheMeasuredErrorIsThePredictedOne() throws Exception {
    List<RoundReport> rounds = train(true, 2);
    crashCostsNoTimeout(rounds.get(0));
    double d = FedAvgHospitals.PARAMETERS;
    double window = 5 * Math.sqrt(2 / d);
    for (RoundReport r : rounds) {
      ErrorBound e = r.result.meanError();
      assertFalse(e.isGuaranteed());
      double measured = r.rmsError() * r.rmsError();
      double vHi = e.standardDeviation() * e.standardDeviation();
      double vLo = e.noiseStandardDeviation() * e.noiseStandardDeviation();
      assertTrue(measured <= vHi * (1 + window), "round " + r.result.round() + ": " + measured + " above " + vHi);
      assertTrue(measured >= vLo * (1 - window), "round " + r.result.round() + ": " + measured + " below " + vLo);
      assertTrue(r.result.privacy().isPresent());
    }
    // Two rounds spend more than one and less than the 100-round target.
    double one = rounds.get(0).result.privacySpent().orElseThrow().epsilon();
    double two = rounds.get(1).result.privacySpent().orElseThrow().epsilon();
    assertTrue(one > 0 && two > one && two < 1.0, one + ", " + two);
  }
}
