package io.secagg.dp.ddg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.core.vector.Modulus;
import io.secagg.dp.accounting.PrivacyGuarantee;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Deployment settings of issue 15, item 8: dropouts up to the session's threshold, Poisson client
 * sampling, and the signal-to-noise report.
 */
class DdgDeploymentTest {
  private static final double TARGET = 3;
  private static final double DELTA = 1e-5;

  private static double[][] updates(int clients, int dim, long seed) {
    DeterministicRandom r = DeterministicRandom.forTestVectorsOnly(seed);
    double[][] u = new double[clients][dim];
    for (double[] row : u) {
      for (int i = 0; i < dim; i++) {
        row[i] = r.nextGaussian() * 0.1;
      }
    }
    return u;
  }

  private static DdgParameterSelection.Builder selection(NoiseKind kind, long rounds) {
    return DdgParameterSelection.builder().epsilon(TARGET).delta(DELTA).rounds(rounds).clients(20)
        .dimension(200).clipNorm(1).modulus(Modulus.powerOfTwo(kind == NoiseKind.SKELLAM ? 14 : 20)).noiseKind(kind);
  }

  /**
   * Done-when of issue 15: a DDG round through DdgClient / DdgServer, with every number of
   * dropouts the session accepts (20 clients, threshold 12), reports epsilon within the target.
   */
  @ParameterizedTest
  @EnumSource(NoiseKind.class)
  void everyRoundThatCompletesMeetsTheTarget(NoiseKind kind) {
    DdgParameters p = selection(kind, 1).minimumSurvivors(12).build();
    double[][] u = updates(20, 200, 5);
    for (int dropouts : new int[] {0, 3, 8}) {
      boolean[] dropped = new boolean[20];
      for (int i = 0; i < dropouts; i++) {
        dropped[(7 * i) % 20] = true; // distinct clients, spread over the ids
      }
      DdgPipeline.Result r = DdgPipeline.run(p, u, dropped, 11 + dropouts);
      assertEquals(20 - dropouts, r.survivors);
      PrivacyGuarantee g = p.guarantee(1, r.survivors, DELTA);
      assertTrue(g.epsilon() <= TARGET, kind + ", " + r.survivors + " survivors: " + g);
      double predicted = p.predictedErrorStd(r.survivors);
      assertTrue(r.rmse() <= predicted * 1.3, "rmse " + r.rmse() + " predicted " + predicted);
    }
    assertTrue(p.plannedGuarantee().epsilon() <= TARGET, p.plannedGuarantee().toString());
    assertTrue(p.plannedGuarantee().epsilon() >= 0.9 * TARGET, "the selection should use its budget");
  }

  @ParameterizedTest
  @EnumSource(NoiseKind.class)
  void overManyRoundsEverySurvivorCountFromTheThresholdUpMeetsTheTarget(NoiseKind kind) {
    DdgParameters p = selection(kind, 8).minimumSurvivors(12).build();
    DdgPrivacyPlan plan = p.privacyPlan().orElseThrow();
    assertEquals(12, plan.minimumSurvivors());
    assertEquals(20, plan.maximumClients());
    assertEquals(8, plan.rounds());
    for (long s = 12; s <= 20; s++) {
      PrivacyGuarantee g = p.guarantee(8, s, DELTA);
      assertTrue(g.epsilon() <= TARGET, s + " survivors: " + g);
    }
    // Sized for all 20, the same target fails once 8 clients drop out.
    DdgParameters naive = selection(kind, 8).build();
    assertTrue(naive.guarantee(8, 12, DELTA).epsilon() > TARGET);
    assertTrue(naive.localVariance().compareTo(p.localVariance()) < 0);
  }

  @Test
  void theModulusStillHoldsTheSumOfAllClients() {
    DdgParameters p = selection(NoiseKind.DISCRETE_GAUSSIAN, 1).minimumSurvivors(5).build();
    double n = 20;
    double cs = p.clipNorm() * p.scale();
    double var = n * n * cs * cs / p.paddedDimension() + n / 4 + n * p.localVariance().doubleValue();
    assertTrue(2 * 4 * Math.sqrt(var) <= p.modulus().longValueExact() * (1 + 1e-9));
  }

  @Test
  void poissonSamplingLowersTheNoiseForTheSameTargetButNotAgainstTheServer() {
    DdgParameters unsampled = selection(NoiseKind.DISCRETE_GAUSSIAN, 200).minimumSurvivors(12).build();
    DdgParameters sampled = selection(NoiseKind.DISCRETE_GAUSSIAN, 200).minimumSurvivors(12).samplingRate(0.02).build();
    assertTrue(sampled.localVariance().compareTo(unsampled.localVariance()) < 0);
    assertEquals(0.02, sampled.privacyPlan().orElseThrow().samplingRate());
    assertTrue(sampled.plannedGuarantee().epsilon() <= TARGET);
    // The server sees who took part: for it, the same rounds cost the unamplified epsilon.
    assertTrue(sampled.guarantee(200, 12, 20, 1, DELTA).epsilon() > TARGET);
    assertEquals(sampled.guarantee(200, 12, 20, 1, DELTA).epsilon(), sampled.plannedGuaranteeWithoutSampling().epsilon());
    assertEquals(unsampled.plannedGuarantee().epsilon(), unsampled.plannedGuaranteeWithoutSampling().epsilon());
  }

  @Test
  void selectionRejectsInconsistentSurvivorsAndRates() {
    assertThrows(IllegalArgumentException.class, () -> selection(NoiseKind.DISCRETE_GAUSSIAN, 1).minimumSurvivors(21).build());
    assertThrows(IllegalArgumentException.class, () -> selection(NoiseKind.DISCRETE_GAUSSIAN, 1).minimumSurvivors(0));
    assertThrows(IllegalArgumentException.class, () -> selection(NoiseKind.DISCRETE_GAUSSIAN, 1).samplingRate(0));
    assertThrows(IllegalArgumentException.class, () -> selection(NoiseKind.DISCRETE_GAUSSIAN, 1).samplingRate(1.5));
    DdgParameters p = selection(NoiseKind.DISCRETE_GAUSSIAN, 1).build();
    assertThrows(IllegalArgumentException.class, () -> p.guarantee(1, 13, 12, 1, DELTA));
    assertThrows(IllegalArgumentException.class, () -> p.guarantee(1, 12, 13, 0, DELTA));
    DdgParameters byHand = DdgParameters.builder().dimension(4).clipNorm(1).scale(10)
        .localVariance(io.secagg.dp.sampling.Rational.of(4, 1)).modulus(Modulus.powerOfTwo(16)).build();
    assertFalse(byHand.privacyPlan().isPresent());
    assertThrows(IllegalStateException.class, byHand::plannedGuarantee);
  }

  /** Issue 15, item 8: 10 clients at epsilon 1, updates of 0.01 per coordinate: mostly noise. */
  @Test
  void signalToNoiseWarnsWhenTheNoiseSwampsTheSignal() {
    DdgParameters p = DdgParameterSelection.builder().epsilon(1).delta(DELTA).rounds(1).clients(10)
        .dimension(10_000).clipNorm(1).modulus(Modulus.powerOfTwo(20)).build();
    SignalToNoise snr = p.signalToNoise(10);
    assertEquals(0.01, snr.updateRms(), 1e-15);
    assertEquals(p.predictedErrorStd(10), snr.noiseStd());
    assertEquals(0.1, snr.signalRms(), 1e-15);
    assertTrue(snr.noiseExceedsSignal() && snr.noiseStd() > 1, snr.describe());
    assertTrue(snr.warning().orElseThrow().contains("exceeds the largest possible signal"), snr.warning().get());
    assertTrue(snr.describe().startsWith("noise "), snr.describe());

    // A thousand clients, a looser target and a low dimension: the signal stands out.
    DdgParameters big = DdgParameterSelection.builder().epsilon(8).delta(DELTA).rounds(1).clients(1000)
        .dimension(100).clipNorm(1).modulus(Modulus.powerOfTwo(24)).build();
    SignalToNoise clear = big.signalToNoise(1000);
    assertFalse(clear.noiseExceedsSignal(), clear.describe());
    assertTrue(clear.warning().isEmpty());
    assertTrue(clear.ratio() > 1);
    // A caller's smaller update scale lowers the signal, not the noise.
    SignalToNoise small = big.signalToNoise(1000, 1e-4);
    assertEquals(clear.noiseStd(), small.noiseStd());
    assertTrue(small.noiseExceedsSignal());
    assertThrows(IllegalArgumentException.class, () -> big.signalToNoise(0));
    assertThrows(IllegalArgumentException.class, () -> big.signalToNoise(10, Double.NaN));
  }
}
