package io.secagg.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.core.protocol.Round;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.vector.Modulus;
import io.secagg.dp.accounting.PrivacyGuarantee;
import io.secagg.dp.ddg.DdgParameterSelection;
import io.secagg.dp.ddg.DdgParameters;
import io.secagg.dp.ddg.NoiseKind;
import io.secagg.dp.sampling.Rational;
import org.junit.jupiter.api.Test;

class DpRoundTest {
  private static double[][] updates(int clients, int dim, long seed) {
    DeterministicRandom r = DeterministicRandom.forTestVectorsOnly(seed);
    double[][] u = new double[clients + 1][dim];
    for (double[] row : u) {
      for (int i = 0; i < dim; i++) {
        row[i] = r.nextGaussian() * 0.05;
      }
    }
    return u;
  }

  private static SecAggConfig config(DdgParameters p, int clients, int threshold) {
    return SecAggConfig.builder().clientCount(clients).threshold(threshold).completeGraph()
        .vectorLength(p.paddedDimension()).modulus(p.modulus()).build();
  }

  /**
   * A round through real SecAgg decodes a sum whose error matches the accounted noise, and the
   * accountant reports epsilon for it. With 1000 coordinates the RMSE estimates the per-coordinate
   * standard deviation within about 2.2% (one standard error), so the 12% windows fail spuriously
   * with probability far below 1e-6.
   */
  @Test
  void theDecodedSumsErrorMatchesTheAccountedNoiseAndEpsilonIsReported() throws Exception {
    DdgParameters p = DdgParameterSelection.builder()
        .epsilon(5).delta(1e-5).rounds(10).clients(20).dimension(1000).clipNorm(1).modulus(Modulus.powerOfTwo(20))
        .noiseKind(NoiseKind.DISCRETE_GAUSSIAN).build();
    double[][] u = updates(20, 1000, 1);
    DpReport r = DpRound.builder(p, config(p, 20, 11)).updates(id -> u[id]).seed(42).build().run();
    assertTrue(r.completed());
    assertTrue(r.secAgg().sumVerified(), r.secAgg()::summary);
    double noiseOnly = Math.sqrt(20 * p.localVariance().doubleValue()) / p.scale();
    assertTrue(r.rmse() <= r.predictedErrorStd() * 1.12, "rmse " + r.rmse() + " predicted " + r.predictedErrorStd());
    assertTrue(r.rmse() >= noiseOnly * 0.88, "rmse " + r.rmse() + " noise only " + noiseOnly);
    PrivacyGuarantee ten = r.guarantee(10, 1e-5);
    assertTrue(ten.epsilon() <= 5 * (1 + 1e-6), "10 rounds: " + ten);
    assertTrue(r.guarantee(1, 1e-5).epsilon() < ten.epsilon());
    assertEquals(1000, r.decodedSum().orElseThrow().length);
  }

  @Test
  void crashedClientsAreLeftOutOfTheSumTheTruthAndTheNoise() throws Exception {
    DdgParameters p = DdgParameterSelection.builder()
        .epsilon(5).delta(1e-5).rounds(10).clients(15).dimension(200).clipNorm(1).modulus(Modulus.powerOfTwo(24)).build();
    DpReport r = DpRound.builder(p, config(p, 20, 11))
        .dropouts(DropoutSchedule.scripted().drop(Round.MASKED_INPUT_COLLECTION, 1, 2, 3, 4, 5).build())
        .seed(9).build().run();
    assertEquals(15, r.includedClients().size());
    assertFalse(r.includedClients().contains(3));
    assertEquals(p.predictedErrorStd(15), r.predictedErrorStd());
    // The noise was sized for 15 survivors: the guarantee holds with exactly the included ones.
    assertTrue(r.guarantee(10, 1e-5).epsilon() <= 5 * (1 + 1e-6));
    assertTrue(r.rmse() <= r.predictedErrorStd() * 1.3, "rmse " + r.rmse());
  }

  @Test
  void anAbortedRoundReleasesNothing() throws Exception {
    DdgParameters p = DdgParameters.builder().dimension(4).clipNorm(1).scale(10).localVariance(Rational.of(1, 1))
        .modulus(Modulus.powerOfTwo(12)).build();
    DpReport r = DpRound.builder(p, config(p, 5, 3))
        .dropouts(DropoutSchedule.scripted().drop(Round.SHARE_KEYS, 1, 2, 3).build()).seed(1).build().run();
    assertFalse(r.completed());
    assertTrue(r.decodedSum().isEmpty());
    assertTrue(Double.isNaN(r.rmse()));
    assertThrows(IllegalStateException.class, () -> r.guarantee(1, 1e-5));
  }

  @Test
  void rejectsASessionThatDoesNotCarryTheEncodingAndBadUpdates() {
    DdgParameters p = DdgParameters.builder().dimension(5).clipNorm(1).scale(10).localVariance(Rational.of(1, 1))
        .modulus(Modulus.powerOfTwo(12)).build();
    SecAggConfig wrongLength = SecAggConfig.builder().clientCount(4).threshold(2).completeGraph().vectorLength(5)
        .modulus(Modulus.powerOfTwo(12)).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DpRound.builder(p, wrongLength));
    assertTrue(e.getMessage().contains("padded dimension 8"), e.getMessage());
    SecAggConfig wrongModulus = SecAggConfig.builder().clientCount(4).threshold(2).completeGraph().vectorLength(8)
        .modulus(Modulus.powerOfTwo(16)).build();
    assertThrows(IllegalArgumentException.class, () -> DpRound.builder(p, wrongModulus));
    SecAggConfig ok = config(p, 4, 2);
    assertThrows(IllegalArgumentException.class, () -> DpRound.builder(p, ok).updates(id -> new double[4]).build().run());
    assertThrows(NullPointerException.class, () -> DpRound.builder(p, ok).updates(id -> null).build().run());
    assertThrows(IllegalArgumentException.class,
        () -> DpRound.builder(p, ok).updates(id -> new double[] {0, Double.NaN, 0, 0, 0}).build().run());
  }
}
