package io.secagg.dp.ddg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;
import io.secagg.dp.accounting.PrivacyGuarantee;
import io.secagg.dp.sampling.AesCtrBitSource;
import io.secagg.dp.sampling.Rational;
import org.junit.jupiter.api.Test;

class DdgPipelineTest {
  private static double[][] updates(int clients, int dim, long seed) {
    DeterministicRandom r = DeterministicRandom.forTestVectorsOnly(seed);
    double[][] u = new double[clients][dim];
    for (double[] row : u) {
      for (int i = 0; i < dim; i++) {
        row[i] = r.nextGaussian() * 0.05;
      }
    }
    return u;
  }

  private static DdgParameters selected(NoiseKind kind) {
    return DdgParameterSelection.builder()
        .epsilon(5).delta(1e-5).rounds(10).clients(20).dimension(1000).clipNorm(1).modulus(Modulus.powerOfTwo(20))
        .noiseKind(kind).build();
  }

  /**
   * The decoded sum's error matches the accounted noise. With 1000 coordinates the RMSE
   * estimates the per-coordinate standard deviation within about 2.2% (one standard error), so
   * the 12% windows fail spuriously with probability far below 1e-6.
   */
  @Test
  void theDecodedSumsErrorMatchesTheAccountedNoise() {
    DdgParameters p = selected(NoiseKind.DISCRETE_GAUSSIAN);
    double rmse = DdgPipeline.run(p, updates(20, 1000, 1), null, 42).rmse();
    double noiseOnly = Math.sqrt(20 * p.localVariance().doubleValue()) / p.scale();
    assertTrue(rmse <= p.predictedErrorStd(20) * 1.12, "rmse " + rmse + " predicted " + p.predictedErrorStd(20));
    assertTrue(rmse >= noiseOnly * 0.88, "rmse " + rmse + " noise only " + noiseOnly);
    PrivacyGuarantee ten = p.guarantee(10, 20, 1e-5);
    assertTrue(ten.epsilon() <= 5 * (1 + 1e-6), "10 rounds: " + ten);
    assertTrue(ten.epsilon() >= 4.5, "selection should use most of the budget: " + ten);
  }

  @Test
  void skellamPipelineAlsoDecodes() {
    // Skellam costs O(variance / 2^21) per sample: keep the variance small with 12 bits.
    DdgParameters p = DdgParameterSelection.builder()
        .epsilon(5).delta(1e-5).rounds(10).clients(10).dimension(1000).clipNorm(1).modulus(Modulus.powerOfTwo(12))
        .noiseKind(NoiseKind.SKELLAM).build();
    double rmse = DdgPipeline.run(p, updates(10, 1000, 2), null, 7).rmse();
    double noiseOnly = Math.sqrt(10 * p.localVariance().doubleValue()) / p.scale();
    assertTrue(rmse <= p.predictedErrorStd(10) * 1.12 && rmse >= noiseOnly * 0.88, "rmse " + rmse);
    assertTrue(p.guarantee(10, 10, 1e-5).epsilon() <= 5 * (1 + 1e-6));
  }

  @Test
  void dropoutsWeakenTheGuaranteeAndTheConservativeSettingRestoresIt() {
    DdgParameters planned = selected(NoiseKind.DISCRETE_GAUSSIAN);
    assertTrue(planned.guarantee(10, 15, 1e-5).epsilon() > planned.guarantee(10, 20, 1e-5).epsilon());
    // Conservative: size the noise for the 15 survivors the threshold guarantees.
    DdgParameters conservative = DdgParameterSelection.builder()
        .epsilon(5).delta(1e-5).rounds(10).clients(15).dimension(1000).clipNorm(1).modulus(Modulus.powerOfTwo(20)).build();
    assertTrue(conservative.guarantee(10, 15, 1e-5).epsilon() <= 5 * (1 + 1e-6));
  }

  @Test
  void selectedScaleKeepsTheAggregateInsideTheModulus() {
    DdgParameters p = selected(NoiseKind.DISCRETE_GAUSSIAN);
    double n = 20;
    double cs = p.clipNorm() * p.scale();
    double std = Math.sqrt(n * n * cs * cs / p.paddedDimension() + n / 4 + n * p.localVariance().doubleValue());
    assertTrue(2 * 4 * std <= p.modulus().longValueExact() * (1 + 1e-9));
    assertEquals(1024, p.paddedDimension());
    assertEquals(Modulus.powerOfTwo(20), p.modulus());
  }

  @Test
  void encodeOutputsAreInRangeAndRoundingRespectsTheExactNormBound() {
    DdgParameters p = DdgParameters.builder().dimension(5).clipNorm(2).scale(100).localVariance(Rational.of(9, 1)).modulus(Modulus.powerOfTwo(16)).build();
    assertEquals(8, p.paddedDimension());
    byte[] seed = new byte[32];
    DdgEncoding e = DdgClient.encodeTraced(p, new double[] {3, -4, 0.5, 0, 1e-3}, seed, AesCtrBitSource.forTestVectorsOnly(new byte[] {5}));
    long s = 0;
    for (long v : e.rounded()) {
      s += v * v;
    }
    assertTrue(s <= p.maxNormSquared());
    long m = p.modulus().longValueExact();
    for (int i = 0; i < 8; i++) {
      long w = e.wrapped()[i];
      assertTrue(w >= 0 && w < m);
      assertEquals(Math.floorMod(e.rounded()[i] + e.noise()[i], m), w);
      assertTrue(Math.abs(e.rounded()[i] - e.rotatedScaled()[i]) < 1);
    }
  }

  @Test
  void decodeInvertsTheRotationExactlyUpToRounding() throws Exception {
    DdgParameters p = DdgParameters.builder().dimension(6).clipNorm(10).scale(1 << 16).localVariance(Rational.of(1, 4)).modulus(Modulus.powerOfTwo(40)).build();
    double[] x = {1, -2, 3, 0.25, -0.125, 4};
    byte[] seed = new byte[32];
    seed[0] = 7;
    ModVector wrapped = DdgClient.encode(p, x, seed, AesCtrBitSource.forTestVectorsOnly(new byte[] {6}));
    assertEquals(8, wrapped.length());
    assertEquals(p.modulus(), wrapped.modulus());
    double[] back = DdgServer.decode(p, wrapped, seed);
    for (int i = 0; i < x.length; i++) {
      assertEquals(x[i], back[i], 8.0 / (1 << 16), "coordinate " + i);
    }
    long m = p.modulus().longValueExact();
    assertArrayEquals(new long[] {-1, 0, 1, -(m / 2), 0, 0, 0, 0},
        DdgServer.unwrap(p, ModVector.of(p.modulus(), new long[] {m - 1, 0, 1, m / 2, 0, 0, 0, 0})));
  }

  @Test
  void rejectsBadInputs() {
    DdgParameters p = DdgParameters.builder().dimension(4).clipNorm(1).scale(10).localVariance(Rational.of(1, 1)).modulus(Modulus.powerOfTwo(12)).build();
    byte[] seed = new byte[32];
    AesCtrBitSource bits = AesCtrBitSource.forTestVectorsOnly(new byte[0]);
    assertThrows(IllegalArgumentException.class, () -> DdgClient.encode(p, new double[3], seed, bits));
    assertThrows(IllegalArgumentException.class, () -> DdgClient.encode(p, new double[4], new byte[31], bits));
    assertThrows(IllegalArgumentException.class, () -> DdgClient.encode(p, new double[] {0, Double.NaN, 0, 0}, seed, bits));
    assertThrows(InvalidAggregateException.class,
        () -> DdgServer.decode(p, ModVector.zeros(Modulus.powerOfTwo(13), 4), seed));
    assertThrows(InvalidAggregateException.class,
        () -> DdgServer.decode(p, ModVector.zeros(Modulus.powerOfTwo(12), 3), seed));
    // The rotation seed is the caller's own parameter: a bug, unchecked.
    assertThrows(IllegalArgumentException.class,
        () -> DdgServer.decode(p, ModVector.zeros(Modulus.powerOfTwo(12), 4), new byte[31]));
    assertThrows(IllegalArgumentException.class, () -> DdgParameters.builder().modulus(Modulus.powerOfTwo(63)));
    assertThrows(IllegalArgumentException.class,
        () -> DdgParameterSelection.builder().modulus(Modulus.powerOfTwo(64)));
    assertThrows(NullPointerException.class, () -> DdgParameters.builder().modulus(null));
    assertThrows(IllegalArgumentException.class, () -> DdgParameters.builder().localVariance(Rational.of(1, 5)));
    assertThrows(IllegalStateException.class, () -> DdgParameters.builder().dimension(3).build());
    assertThrows(IllegalArgumentException.class,
        () -> DdgParameterSelection.builder().epsilon(1).delta(1e-5).rounds(1).clients(1_000_000).dimension(10).clipNorm(1).modulus(Modulus.powerOfTwo(8)).build());
  }

  /**
   * Neighbouring inputs have the same output support: with a small modulus every residue of Z_m
   * appears for both inputs (the discrete Gaussian noise has full support on the integers). With
   * 4000 draws and the smallest residue probability above 1/40, a residue is missed with
   * probability below 16 e^-100.
   */
  @Test
  void neighbouringInputsHaveTheSameOutputSupport() {
    DdgParameters p = DdgParameters.builder().dimension(1).clipNorm(1).scale(3).localVariance(Rational.of(9, 1)).modulus(Modulus.powerOfTwo(4)).build();
    byte[] seed = new byte[32];
    AesCtrBitSource bits = AesCtrBitSource.forTestVectorsOnly(new byte[] {42});
    for (double x : new double[] {0.0, 1.0}) {
      java.util.Set<Long> seen = new java.util.HashSet<>();
      for (int i = 0; i < 4000; i++) {
        seen.add(DdgClient.encode(p, new double[] {x}, seed, bits).get(0));
      }
      assertEquals(16, seen.size(), "input " + x);
    }
  }

  /**
   * The padding is part of the types: a d-coordinate update encodes to D = 2^ceil(log2 d)
   * elements, and an aggregate of length d (a session configured with d instead of D) is refused
   * with a message that names both.
   */
  @Test
  void aggregatesOfTheUnpaddedLengthAreRefusedWithAMessageNamingThePadding() {
    DdgParameters p = DdgParameters.builder().dimension(50_000).clipNorm(1).scale(100)
        .localVariance(Rational.of(1, 1)).modulus(Modulus.powerOfTwo(32)).build();
    assertEquals(65_536, p.paddedDimension());
    assertTrue(p.toString().contains("d=50000 padded to D=65536"), p.toString());
    assertEquals(65_536, DdgClient.encode(p, new double[50_000], new byte[32],
        AesCtrBitSource.forTestVectorsOnly(new byte[] {1})).length());
    InvalidAggregateException e = assertThrows(InvalidAggregateException.class,
        () -> DdgServer.decode(p, ModVector.zeros(Modulus.powerOfTwo(32), 50_000), new byte[32]));
    assertTrue(e.getMessage().contains("50000") && e.getMessage().contains("65536"), e.getMessage());
  }

  @Test
  void theSelectionIsBuiltLikeEveryOtherTypeAndCarriesItsTarget() {
    DdgParameters p = DdgParameterSelection.builder()
        .epsilon(5).delta(1e-5).rounds(10).clients(20).minimumSurvivors(15).dimension(1000)
        .clipNorm(1).modulus(Modulus.powerOfTwo(20)).build();
    DdgPrivacyPlan plan = p.privacyPlan().orElseThrow();
    assertEquals(5, plan.targetEpsilon());
    assertEquals(1e-5, plan.delta());
    assertEquals(10, plan.rounds());
    assertEquals(20, plan.maximumClients());
    assertEquals(15, plan.minimumSurvivors());
    assertTrue(p.plannedGuarantee().epsilon() <= 5 * (1 + 1e-6), p.toString());
    assertThrows(IllegalStateException.class,
        () -> DdgParameterSelection.builder().epsilon(5).delta(1e-5).rounds(10).clients(20).dimension(1000)
            .clipNorm(1).build());
  }

  @Test
  void aGeneralModulusWorksLikeAPowerOfTwo() throws Exception {
    Modulus m = Modulus.of((1L << 32) - 5);
    DdgParameters p = DdgParameters.builder().dimension(6).clipNorm(10).scale(1 << 16)
        .localVariance(Rational.of(1, 4)).modulus(m).build();
    double[] x = {1, -2, 3, 0.25, -0.125, 4};
    byte[] seed = new byte[32];
    ModVector sum = DdgClient.encode(p, x, seed, AesCtrBitSource.forTestVectorsOnly(new byte[] {7}));
    sum.addInPlace(DdgClient.encode(p, x, seed, AesCtrBitSource.forTestVectorsOnly(new byte[] {8})));
    double[] back = DdgServer.decode(p, sum, seed);
    for (int i = 0; i < x.length; i++) {
      assertEquals(2 * x[i], back[i], 16.0 / (1 << 16), "coordinate " + i);
    }
  }

}
