package io.secagg.federated;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.graph.GraphKind;
import io.secagg.core.graph.GraphParameters;
import io.secagg.core.graph.GraphRequirements;
import io.secagg.core.graph.ThreatModel;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.session.SessionPlan;
import io.secagg.core.session.SessionPlanner;
import io.secagg.core.vector.Modulus;
import io.secagg.dp.ddg.DdgParameters;
import io.secagg.dp.ddg.DdgPrivacyPlan;
import org.junit.jupiter.api.Test;

class AveragingParametersTest {
  private static AveragingParameters.Builder hospitals() {
    return AveragingParameters.builder().clients(10).dimension(50_000).clipNorm(1).maxDropouts(1);
  }

  @Test
  void withoutDpTheGraphIsTheLibrarysRecommendation() {
    AveragingParameters p = hospitals().build();
    GraphParameters g = GraphParameters.recommend(10, 0.1, 0.0, ThreatModel.SEMI_HONEST,
        GraphParameters.DEFAULT_SECURITY_BITS, GraphParameters.DEFAULT_CORRECTNESS_BITS);
    assertEquals(g.kind(), p.graphKind());
    assertEquals(g.degree(), p.degree());
    assertEquals(g.threshold(), p.threshold());
    assertEquals(g.threshold() + 1, p.minIncludedClients());
    assertEquals(50_000, p.vectorLength());
    assertEquals(AveragingParameters.DEFAULT_MODULUS, p.modulus());
    assertTrue(p.quantizerConfig().isPresent());
    assertFalse(p.differentialPrivacy().isPresent());
    // n = 10 clients of at most 1 each in Z_(2^32): the largest safe scale is 2^27.
    assertEquals(27, p.quantizerConfig().get().scaleExponent());
    assertEquals(1.0, p.clipNorm().getAsDouble());
    assertFalse(p.coordinateBound().isPresent());
  }

  @Test
  void theGraphAndThresholdAreTheSessionLayersForExactlyTheStatedCounts() {
    for (int n : new int[] {3, 7, 10, 33}) {
      for (int d = 0; d < n; d += 2) {
        for (int c = 0; c < n; c += 3) {
          for (boolean dp : new boolean[] {false, true}) {
            AveragingParameters.Builder b = AveragingParameters.builder().clients(n).dimension(8)
                .clipNorm(1).maxDropouts(d).maxCorruptedClients(c);
            if (dp) {
              b.differentialPrivacy(4, 1e-5, 1);
            }
            GraphRequirements r = GraphRequirements.builder()
                .dropoutRate(GraphRequirements.rateOf(d, n))
                .corruptionRate(GraphRequirements.rateOf(c, n))
                .threatModel(ThreatModel.SEMI_HONEST).build();
            SessionPlanner planner = SessionPlanner.of(r);
            String what = "n=" + n + " D=" + d + " C=" + c + " dp=" + dp;
            SessionPlan expected;
            try {
              expected = (dp ? planner.completeGraphLargestThreshold() : planner).plan(n);
            } catch (IllegalArgumentException e) {
              assertThrows(IllegalArgumentException.class, b::build, what);
              continue;
            }
            AveragingParameters p;
            try {
              p = b.build();
            } catch (IllegalArgumentException e) {
              // Only the DP selection may refuse what the session layer accepts (too little
              // honest noise for the target); the graph rules must not.
              assertTrue(dp && !e.getMessage().contains("threshold"), what + ": " + e.getMessage());
              continue;
            }
            // GraphParameters has no value equality; its description holds every value.
            assertEquals(expected.toString(), p.sessionPlan().toString(), what);
            assertEquals(expected.requirements(), p.sessionPlan().requirements(), what);
            assertEquals(expected.derivedFrom().orElseThrow().toString(),
                p.sessionPlan().derivedFrom().orElseThrow().toString(), what);
            assertEquals(expected.degree(n), p.degree(), what);
            assertEquals(d, p.sessionPlan().derivedFrom().orElseThrow().maxDropouts(), what);
            assertEquals(c, p.sessionPlan().derivedFrom().orElseThrow().maxCorrupted(), what);
            assertEquals(expected.threshold(), p.secAggConfig(0).threshold(), what);
            if (dp) {
              assertEquals(n - d, p.minIncludedClients(), what);
            }
          }
        }
      }
    }
  }

  @Test
  void withDpTheUpdateIsPaddedAndTheNoiseSizedForTheHonestSurvivors() {
    AveragingParameters p = hospitals().maxCorruptedClients(2).differentialPrivacy(2, 1e-6, 50)
        .build();
    assertEquals(50_000, p.dimension());
    assertEquals(65_536, p.vectorLength());
    assertEquals(65_536, p.secAggConfig(0).vectorLength());
    assertFalse(p.quantizerConfig().isPresent());
    DdgParameters ddg = p.differentialPrivacy().get();
    DdgPrivacyPlan plan = ddg.privacyPlan().get();
    assertEquals(10 - 1 - 2, plan.minimumSurvivors(), "n - D - C clients' noise is counted on");
    assertEquals(10, plan.maximumClients());
    assertEquals(50, plan.rounds());
    assertTrue(ddg.plannedGuarantee().epsilon() <= 2 * (1 + 1e-9), ddg.plannedGuarantee().toString());
    // Even all 10 clients' signal and noise keep 4 standard deviations inside Z_m.
    double cs = ddg.clipNorm() * ddg.scale();
    double all = Math.sqrt(100 * cs * cs / 65_536 + 10 / 4.0
        + 10 * (ddg.localVariance().doubleValue() + 1.0 / 256));
    assertTrue(2 * 4 * all <= Math.scalb(1.0, 32), "aggregate std " + all);
  }

  @Test
  void withDpTheThresholdToleratesExactlyTheStatedDropouts() {
    AveragingParameters p = hospitals().differentialPrivacy(1, 1e-6, 10).build();
    assertEquals(GraphKind.COMPLETE, p.graphKind());
    assertEquals(9, p.degree());
    assertEquals(8, p.threshold());
    assertEquals(9, p.minIncludedClients());
    assertEquals(9, p.differentialPrivacy().get().privacyPlan().get().minimumSurvivors());
  }

  @Test
  void largePopulationsWithoutDpTakeASparseGraph() {
    AveragingParameters p = AveragingParameters.builder().clients(2000).dimension(10)
        .coordinateBound(0.5).maxDropouts(200).maxCorruptedClients(100).build();
    assertEquals(GraphKind.HARARY, p.graphKind());
    assertTrue(p.degree() < 1999 && p.threshold() > 1, p.toString());
    assertEquals(0.5, p.coordinateBound().getAsDouble());
    SecAggConfig c = p.secAggConfig(3);
    assertEquals(GraphKind.HARARY, c.graphKind());
    assertEquals(p.degree(), c.degree());
  }

  @Test
  void everyRoundHasItsOwnContextBindingTheParameters() {
    AveragingParameters p = hospitals().build();
    SecAggConfig r0 = p.secAggConfig(0);
    assertEquals(r0, p.secAggConfig(0));
    assertNotEquals(r0, p.secAggConfig(1));
    assertNotEquals(r0, hospitals().maxDropouts(2).build().secAggConfig(0));
    assertNotEquals(r0, hospitals().context(new byte[] {1}).build().secAggConfig(0));
    assertEquals(40, r0.context().length);
    assertEquals(p, hospitals().build());
    assertEquals(p.hashCode(), hospitals().build().hashCode());
    assertEquals(p.fingerprint(), hospitals().build().fingerprint());
    assertNotEquals(p.fingerprint(), hospitals().clipNorm(2).build().fingerprint());
    assertNotEquals(p, hospitals().modulus(Modulus.powerOfTwo(40)).build());
    assertEquals(32, p.fingerprint().length());
    assertThrows(IllegalArgumentException.class, () -> p.secAggConfig(-1));
  }

  @Test
  void rotationSeedsDifferPerRoundAndAreThirtyTwoBytes() {
    AveragingParameters p = hospitals().differentialPrivacy(1, 1e-6, 10).build();
    assertEquals(32, p.rotationSeed(0).length);
    assertFalse(java.util.Arrays.equals(p.rotationSeed(0), p.rotationSeed(1)));
    assertArrayEquals(p.rotationSeed(7), hospitals().differentialPrivacy(1, 1e-6, 10).build()
        .rotationSeed(7));
  }

  @Test
  void refusesCombinationsThatCannotWork() {
    // With DP, t = n - 1 - D must be >= 2 and above C.
    AveragingParameters.Builder dp = hospitals().differentialPrivacy(1, 1e-6, 1);
    assertThrows(IllegalArgumentException.class, () -> dp.maxDropouts(8).build());
    assertThrows(IllegalArgumentException.class,
        () -> dp.maxDropouts(4).maxCorruptedClients(5).build());
    assertEquals(2, dp.maxDropouts(7).maxCorruptedClients(1).build().threshold());
    // Without DP, as the graph rules say.
    assertThrows(IllegalArgumentException.class, () -> hospitals().maxDropouts(9).build());
    assertThrows(IllegalArgumentException.class,
        () -> hospitals().maxDropouts(5).maxCorruptedClients(5).build());
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> AveragingParameters.builder().clients(10).dimension(5).coordinateBound(1)
            .differentialPrivacy(1, 1e-6, 1).build());
    assertTrue(e.getMessage().contains("clipNorm"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> AveragingParameters.builder().clients(10).dimension(1 << 25).clipNorm(1)
            .differentialPrivacy(1, 1e-6, 1).build());
    assertThrows(IllegalArgumentException.class,
        () -> hospitals().modulus(Modulus.powerOfTwo(64)).differentialPrivacy(1, 1e-6, 1).build());
    // 2^4 cannot hold the sum of 10 clients' ranges.
    assertThrows(IllegalArgumentException.class, () -> hospitals().modulus(Modulus.of(19)).build());
  }

  @Test
  void refusesMissingAndInvalidValues() {
    assertThrows(IllegalStateException.class,
        () -> AveragingParameters.builder().dimension(5).clipNorm(1).build());
    assertThrows(IllegalStateException.class,
        () -> AveragingParameters.builder().clients(5).clipNorm(1).build());
    assertThrows(IllegalStateException.class,
        () -> AveragingParameters.builder().clients(5).dimension(5).build());
    AveragingParameters.Builder b = AveragingParameters.builder();
    assertThrows(IllegalArgumentException.class, () -> b.clients(2));
    assertThrows(IllegalArgumentException.class, () -> b.clients(65_536));
    assertThrows(IllegalArgumentException.class, () -> b.dimension(0));
    assertThrows(IllegalArgumentException.class, () -> b.clipNorm(0));
    assertThrows(IllegalArgumentException.class, () -> b.clipNorm(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> b.coordinateBound(Double.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> b.maxDropouts(-1));
    assertThrows(IllegalArgumentException.class, () -> b.maxCorruptedClients(-1));
    assertThrows(IllegalArgumentException.class, () -> b.differentialPrivacy(0, 1e-6, 1));
    assertThrows(IllegalArgumentException.class, () -> b.differentialPrivacy(1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> b.differentialPrivacy(1, 1e-6, 0));
    assertThrows(IllegalArgumentException.class, () -> b.context(new byte[257]));
    assertThrows(NullPointerException.class, () -> b.modulus(null));
    assertThrows(NullPointerException.class, () -> b.context(null));
  }

  @Test
  void aMaliciousServerNeedsEveryIdentityKeyAndAMajorityThreshold() {
    java.util.List<byte[]> keys = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      keys.add(new byte[32]);
      keys.get(i)[0] = (byte) i;
    }
    AveragingParameters p = hospitals().maliciousServer(keys).build();
    GraphParameters g = GraphParameters.recommend(10, 0.1, 0.0, ThreatModel.MALICIOUS_SERVER,
        GraphParameters.DEFAULT_SECURITY_BITS, GraphParameters.DEFAULT_CORRECTNESS_BITS);
    assertEquals(g.threshold(), p.threshold());
    assertTrue(2 * p.threshold() > p.degree());
    assertNotEquals(hospitals().build().fingerprint(), p.fingerprint());
    // With DP: t = n - 1 - D = 8 and 2t > (n - 1) + C needs C < 7.
    AveragingParameters.Builder dp = hospitals().maliciousServer(keys).differentialPrivacy(1, 1e-6, 1);
    assertEquals(8, dp.maxCorruptedClients(6).build().threshold());
    assertThrows(IllegalArgumentException.class, () -> dp.maxCorruptedClients(7).build());
    assertThrows(IllegalStateException.class,
        () -> hospitals().maliciousServer(keys.subList(0, 9)).build());
    assertThrows(IllegalArgumentException.class,
        () -> hospitals().maliciousServer(java.util.List.of(new byte[31])));
  }

  @Test
  void toStringShowsThePlanAndNoSecrets() {
    String s = hospitals().differentialPrivacy(1, 1e-6, 10).build().toString();
    assertTrue(s.contains("d=50000 padded to D=65536"), s);
    assertTrue(s.contains("t=8"), s);
  }
}
