package io.secagg.dp.ddg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.crypto.DeterministicRandom;
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
        .epsilon(5).delta(1e-5).rounds(10).clients(20).dimension(1000).clipNorm(1).bits(20)
        .noiseKind(kind).select();
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
        .epsilon(5).delta(1e-5).rounds(10).clients(10).dimension(1000).clipNorm(1).bits(12)
        .noiseKind(NoiseKind.SKELLAM).select();
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
        .epsilon(5).delta(1e-5).rounds(10).clients(15).dimension(1000).clipNorm(1).bits(20).select();
    assertTrue(conservative.guarantee(10, 15, 1e-5).epsilon() <= 5 * (1 + 1e-6));
  }

  @Test
  void selectedScaleKeepsTheAggregateInsideTheModulus() {
    DdgParameters p = selected(NoiseKind.DISCRETE_GAUSSIAN);
    double n = 20;
    double cs = p.clipNorm() * p.scale();
    double std = Math.sqrt(n * n * cs * cs / p.paddedDimension() + n / 4 + n * p.localVariance().doubleValue());
    assertTrue(2 * 4 * std <= p.modulus() * (1 + 1e-9));
    assertEquals(1024, p.paddedDimension());
    assertEquals(1L << 20, p.modulus());
  }

  @Test
  void encodeOutputsAreInRangeAndRoundingRespectsTheExactNormBound() {
    DdgParameters p = DdgParameters.builder().dimension(5).clipNorm(2).scale(100).localVariance(Rational.of(9, 1)).bits(16).build();
    assertEquals(8, p.paddedDimension());
    byte[] seed = new byte[32];
    DdgEncoding e = DdgClient.encodeTraced(p, new double[] {3, -4, 0.5, 0, 1e-3}, seed, AesCtrBitSource.forTestVectorsOnly(new byte[] {5}));
    long s = 0;
    for (long v : e.rounded()) {
      s += v * v;
    }
    assertTrue(s <= p.maxNormSquared());
    for (int i = 0; i < 8; i++) {
      long w = e.wrapped()[i];
      assertTrue(w >= 0 && w < p.modulus());
      assertEquals(Math.floorMod(e.rounded()[i] + e.noise()[i], p.modulus()), w);
      assertTrue(Math.abs(e.rounded()[i] - e.rotatedScaled()[i]) < 1);
    }
  }

  @Test
  void decodeInvertsTheRotationExactlyUpToRounding() throws Exception {
    DdgParameters p = DdgParameters.builder().dimension(6).clipNorm(10).scale(1 << 16).localVariance(Rational.of(1, 4)).bits(40).build();
    double[] x = {1, -2, 3, 0.25, -0.125, 4};
    byte[] seed = new byte[32];
    seed[0] = 7;
    long[] wrapped = DdgClient.encode(p, x, seed, AesCtrBitSource.forTestVectorsOnly(new byte[] {6}));
    double[] back = DdgServer.decode(p, wrapped, seed);
    for (int i = 0; i < x.length; i++) {
      assertEquals(x[i], back[i], 8.0 / (1 << 16), "coordinate " + i);
    }
    assertArrayEquals(new long[] {-1, 0, 1, -(p.modulus() / 2), 0, 0, 0, 0},
        DdgServer.unwrap(p, new long[] {p.modulus() - 1, 0, 1, p.modulus() / 2, 0, 0, 0, 0}));
  }

  @Test
  void rejectsBadInputs() {
    DdgParameters p = DdgParameters.builder().dimension(4).clipNorm(1).scale(10).localVariance(Rational.of(1, 1)).bits(12).build();
    byte[] seed = new byte[32];
    AesCtrBitSource bits = AesCtrBitSource.forTestVectorsOnly(new byte[0]);
    assertThrows(IllegalArgumentException.class, () -> DdgClient.encode(p, new double[3], seed, bits));
    assertThrows(IllegalArgumentException.class, () -> DdgClient.encode(p, new double[4], new byte[31], bits));
    assertThrows(IllegalArgumentException.class, () -> DdgClient.encode(p, new double[] {0, Double.NaN, 0, 0}, seed, bits));
    assertThrows(InvalidAggregateException.class, () -> DdgServer.decode(p, new long[] {0, 4096, 0, 0}, seed));
    assertThrows(InvalidAggregateException.class, () -> DdgServer.decode(p, new long[] {0, -1, 0, 0}, seed));
    assertThrows(InvalidAggregateException.class, () -> DdgServer.decode(p, new long[] {0, 0, 0}, seed));
    // The rotation seed is the caller's own parameter: a bug, unchecked.
    assertThrows(IllegalArgumentException.class, () -> DdgServer.decode(p, new long[4], new byte[31]));
    assertThrows(IllegalArgumentException.class, () -> DdgParameters.builder().bits(63));
    assertThrows(IllegalArgumentException.class, () -> DdgParameters.builder().bits(0));
    assertThrows(IllegalArgumentException.class, () -> DdgParameters.builder().localVariance(Rational.of(1, 5)));
    assertThrows(IllegalStateException.class, () -> DdgParameters.builder().dimension(3).build());
    assertThrows(IllegalArgumentException.class,
        () -> DdgParameterSelection.builder().epsilon(1).delta(1e-5).rounds(1).clients(1_000_000).dimension(10).clipNorm(1).bits(8).select());
  }

  /**
   * Neighbouring inputs have the same output support: with a small modulus every residue of Z_m
   * appears for both inputs (the discrete Gaussian noise has full support on the integers). With
   * 4000 draws and the smallest residue probability above 1/40, a residue is missed with
   * probability below 16 e^-100.
   */
  @Test
  void neighbouringInputsHaveTheSameOutputSupport() {
    DdgParameters p = DdgParameters.builder().dimension(1).clipNorm(1).scale(3).localVariance(Rational.of(9, 1)).bits(4).build();
    byte[] seed = new byte[32];
    AesCtrBitSource bits = AesCtrBitSource.forTestVectorsOnly(new byte[] {42});
    for (double x : new double[] {0.0, 1.0}) {
      java.util.Set<Long> seen = new java.util.HashSet<>();
      for (int i = 0; i < 4000; i++) {
        seen.add(DdgClient.encode(p, new double[] {x}, seed, bits)[0]);
      }
      assertEquals(16, seen.size(), "input " + x);
    }
  }
}
