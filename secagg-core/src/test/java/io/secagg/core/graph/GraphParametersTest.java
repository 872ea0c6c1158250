package io.secagg.core.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GraphParametersTest {
  private static GraphRequirements noGrinding(double dropout, double corruption, ThreatModel model) {
    return GraphRequirements.builder().dropoutRate(dropout).corruptionRate(corruption).threatModel(model)
        .grindingBits(0).build();
  }

  private static GraphRequirements requirements(double dropout, double corruption, ThreatModel model) {
    return GraphRequirements.builder().dropoutRate(dropout).corruptionRate(corruption).threatModel(model).build();
  }

  /**
   * Regression values of this library's rule (40/20 bits) against an adversary that cannot
   * influence the graph (no grinding budget). As an independent sanity check,
   * Google's federated-compute parameter finder (a related analysis with floor instead of ceil,
   * population n instead of n - 1 and the security budget split in two) publishes for the same
   * rows k/t = 822/417, 286/150, 518/270, 872/584, 11136/7454 and 398/223: within 1% of ours.
   */
  @ParameterizedTest
  @CsvSource({
    "1000,    0.45, 0.45, SEMI_HONEST,      824,   418",
    "1000,    0.33, 0.33, SEMI_HONEST,      280,   147",
    "1000000, 0.33, 0.33, SEMI_HONEST,      510,   265",
    "1000,    0.30, 0.30, MALICIOUS_SERVER, 872,   584",
    "1000000, 0.30, 0.30, MALICIOUS_SERVER, 11060, 7402",
    "1000,    0.33, 0.05, MALICIOUS_SERVER, 398,   223",
    "10000,   0.05, 0.05, MALICIOUS_SERVER, 62,    44",
  })
  void choosesTheRecordedSparseParameters(
      int n, double dropout, double corruption, ThreatModel model, int k, int t) {
    GraphParameters p = GraphParameters.recommend(n, noGrinding(dropout, corruption, model));
    assertEquals(GraphKind.HARARY, p.kind());
    assertEquals(k, p.degree());
    assertEquals(t, p.threshold());
    assertTrue(p.securityBits() >= 40, p.toString());
    assertTrue(p.correctnessBits() >= 20, p.toString());
  }

  /**
   * Regression values with the default grinding budget of 2^64 candidate graphs: the per-graph
   * bound must reach 2^-104, which costs about 1.3-1.6 times the degree of the rows above.
   */
  @ParameterizedTest
  @CsvSource({
    "1000,    0.10, 0.10, SEMI_HONEST,      74,  49",
    "1000,    0.05, 0.05, MALICIOUS_SERVER, 70,  53",
    "10000,   0.10, 0.10, MALICIOUS_SERVER, 176, 129",
    "1048576, 0.10, 0.10, MALICIOUS_SERVER, 204, 148",
    "1048576, 0.20, 0.10, MALICIOUS_SERVER, 462, 305",
  })
  void choosesTheRecordedSparseParametersAgainstGrinding(
      int n, double dropout, double corruption, ThreatModel model, int k, int t) {
    GraphParameters p = GraphParameters.recommend(n, dropout, corruption, model, 40, 20);
    assertEquals(k, p.degree(), p::toString);
    assertEquals(t, p.threshold(), p::toString);
    assertEquals(64, p.requirements().grindingBits());
    assertTrue(p.securityBits() >= 40, p::toString);
    assertTrue(p.perGraphSecurityBits() >= 104, p::toString);
    assertEquals(p.perGraphSecurityBits() - 64, p.securityBits(), 1e-9);
    assertTrue(p.meetsRequirements());
  }

  @Test
  void evaluatingTheRecommendedParametersReproducesTheirBounds() {
    for (ThreatModel model : ThreatModel.values()) {
      GraphRequirements r = requirements(0.1, 0.1, model);
      GraphParameters p = GraphParameters.recommend(1000, r);
      GraphParameters e = GraphParameters.evaluate(1000, p.kind(), p.degree(), p.threshold(), r);
      assertEquals(p.securityBits(), e.securityBits());
      assertEquals(p.correctnessBits(), e.correctnessBits());
      assertTrue(e.meetsRequirements());
      // One notch less threshold falls short of the target, which is what made t the smallest.
      GraphParameters lower = GraphParameters.evaluate(1000, p.kind(), p.degree(), p.threshold() - 1, r);
      assertFalse(lower.meetsRequirements(), lower::toString);
      assertTrue(lower.securityBits() < 40, lower::toString);
    }
  }

  @Test
  void evaluatingAnOfferedConfigurationSaysWhetherItMeetsTheRequirements() {
    GraphRequirements r = requirements(0.1, 0.125, ThreatModel.MALICIOUS_SERVER);
    // The configuration of the grinding attack: n = 40, k = 8, t = 5, 5 colluders.
    GraphParameters attacked = GraphParameters.evaluate(40, GraphKind.HARARY, 8, 5, r);
    assertFalse(attacked.meetsRequirements());
    assertEquals(0, attacked.securityBits());
    assertEquals(5, attacked.maxCorrupted());
    // Without any grinding it would still be far from 2^-40 for one graph.
    GraphParameters once =
        GraphParameters.evaluate(40, GraphKind.HARARY, 8, 5, noGrinding(0.1, 0.125, ThreatModel.SEMI_HONEST));
    assertTrue(once.securityBits() > 7 && once.securityBits() < 9, once::toString);
    assertFalse(once.meetsRequirements());
  }

  @Test
  void theCompleteGraphIsEvaluatedExactlyAndGrindingCannotChangeIt() {
    GraphRequirements r = requirements(0.1, 0.1, ThreatModel.MALICIOUS_SERVER);
    // n = 30: C = D = 3; 2t > 29 + 3 needs t >= 17, and t <= 29 - 3 = 26 keeps it correct.
    GraphParameters ok = GraphParameters.evaluate(30, GraphKind.COMPLETE, 29, 17, r);
    assertTrue(ok.meetsRequirements());
    assertEquals(Double.POSITIVE_INFINITY, ok.securityBits());
    assertEquals(Double.POSITIVE_INFINITY, ok.correctnessBits());
    GraphParameters insecure = GraphParameters.evaluate(30, GraphKind.COMPLETE, 29, 16, r);
    assertFalse(insecure.meetsRequirements());
    assertEquals(0, insecure.securityBits());
    GraphParameters fragile = GraphParameters.evaluate(30, GraphKind.COMPLETE, 29, 27, r);
    assertFalse(fragile.meetsRequirements());
    assertEquals(0, fragile.correctnessBits());
  }

  @Test
  void evaluateRejectsParametersNoGraphHas() {
    GraphRequirements r = GraphRequirements.builder().build();
    assertThrows(IllegalArgumentException.class, () -> GraphParameters.evaluate(30, GraphKind.COMPLETE, 28, 5, r));
    assertThrows(IllegalArgumentException.class, () -> GraphParameters.evaluate(30, GraphKind.HARARY, 7, 5, r));
    assertThrows(IllegalArgumentException.class, () -> GraphParameters.evaluate(30, GraphKind.HARARY, 30, 5, r));
    assertThrows(IllegalArgumentException.class, () -> GraphParameters.evaluate(30, GraphKind.HARARY, 8, 9, r));
    assertThrows(IllegalArgumentException.class, () -> GraphParameters.evaluate(30, GraphKind.HARARY, 8, 0, r));
    assertThrows(IllegalArgumentException.class, () -> GraphParameters.evaluate(2, GraphKind.HARARY, 2, 1, r));
    assertThrows(NullPointerException.class, () -> GraphParameters.evaluate(30, null, 8, 5, r));
    assertThrows(NullPointerException.class, () -> GraphParameters.evaluate(30, GraphKind.HARARY, 8, 5, null));
  }

  @Test
  void theChosenDegreeIsTheSmallestThatPassesOnRegressionRows() {
    // Feasibility is not monotone in k (n = 500, delta = 0.2, gamma = 0.1: k = 154 passes, 156
    // fails), which is why the search scans a window below its bisection boundary. Check by
    // exhaustive scan that the answer is the global minimum on these rows.
    double[][] rows = {
      {1000, 0.3, 0.3}, {10000, 0.05, 0.05}, {100000, 0.1, 0.2}, {500, 0.2, 0.1}, {2000, 0.33, 0.05}
    };
    for (double[] r : rows) {
      int n = (int) r[0];
      GraphParameters p = GraphParameters.recommend(n, r[1], r[2]);
      GraphParameters.Search s =
          new GraphParameters.Search(n, p.maxCorrupted(), p.maxDropouts(), p.requirements());
      for (int k = 2; k < p.degree(); k += 2) {
        assertNull(s.check(k), "k=" + k + " also passes for " + p);
      }
    }
  }

  @Test
  void theSearchFindsTheGlobalMinimumAcrossAGridOfPopulationsAndRates() {
    double[] rates = {0, 0.05, 0.1, 0.2, 0.3};
    int checked = 0;
    for (int n : new int[] {50, 200, 500, 1000, 3000}) {
      for (double dropout : rates) {
        for (double corruption : rates) {
          for (ThreatModel model : ThreatModel.values()) {
            GraphParameters p;
            try {
              p = GraphParameters.recommend(n, dropout, corruption, model, 40, 20);
            } catch (IllegalArgumentException infeasible) {
              continue;
            }
            GraphParameters.Search s =
                new GraphParameters.Search(n, p.maxCorrupted(), p.maxDropouts(), p.requirements());
            int limit = p.kind() == GraphKind.HARARY ? p.degree() : ((n - 2) & ~1) + 2;
            for (int k = 2; k < limit; k += 2) {
              assertNull(s.check(k), "k=" + k + " passes below the answer " + p);
            }
            checked++;
          }
        }
      }
    }
    assertTrue(checked > 200, "only " + checked + " feasible rows");
  }

  @Test
  void malicousServerThresholdExceedsHalfOfDegreePlusCorruptedNeighbours() {
    GraphParameters p = GraphParameters.recommend(10000, 0.1, 0.1);
    assertEquals(ThreatModel.MALICIOUS_SERVER, p.threatModel());
    assertTrue(2 * p.threshold() > p.degree(), p.toString());
    assertTrue(p.threshold() <= p.degree());
  }

  @Test
  void fallsBackToTheCompleteGraphForSmallPopulations() {
    GraphParameters p = GraphParameters.recommend(10, 0.33, 0.33, ThreatModel.SEMI_HONEST, 40, 20);
    assertEquals(GraphKind.COMPLETE, p.kind());
    assertEquals(9, p.degree());
    // C = ceil(3.3) = 4 corrupted; semi-honest threshold C + 1.
    assertEquals(4, p.maxCorrupted());
    assertEquals(5, p.threshold());
    assertEquals(Double.POSITIVE_INFINITY, p.securityBits());
    assertEquals(Double.POSITIVE_INFINITY, p.correctnessBits());
    assertInstanceOf(CompleteGraph.class, p.newGraph(new byte[32]));
  }

  @Test
  void completeGraphThresholdAgainstAMaliciousServerIsAboutTwoThirds() {
    // n = 3: no even k <= n - 2 = 1 exists, so the complete graph is the only choice.
    GraphParameters p = GraphParameters.recommend(3, 0, 0);
    assertEquals(GraphKind.COMPLETE, p.kind());
    assertEquals(2, p.threshold());
    // floor((n - 1 + C) / 2) + 1 with C = n / 3: n = 30 -> floor(39 / 2) + 1 = 20 = 2n/3.
    assertEquals(20, GraphParameters.minimumThreshold(29, 10, ThreatModel.MALICIOUS_SERVER));
    assertEquals(11, GraphParameters.minimumThreshold(29, 10, ThreatModel.SEMI_HONEST));
    assertEquals(2, GraphParameters.minimumThreshold(29, 0, ThreatModel.SEMI_HONEST));
  }

  private static GraphRequirements rates(double dropout, double corruption, ThreatModel model) {
    return GraphRequirements.builder().dropoutRate(dropout).corruptionRate(corruption).threatModel(model).build();
  }

  @Test
  void completeAppliesTheOneThresholdRuleAndRefusesAThresholdDropoutsWouldDefeat() {
    GraphParameters semi = GraphParameters.complete(100, rates(0.1, 0.1, ThreatModel.SEMI_HONEST));
    assertEquals(GraphKind.COMPLETE, semi.kind());
    assertEquals(99, semi.degree());
    assertEquals(GraphParameters.minimumThreshold(99, 10, ThreatModel.SEMI_HONEST), semi.threshold());
    assertEquals(11, semi.threshold());
    GraphParameters mal = GraphParameters.complete(100, rates(0.1, 0.1, ThreatModel.MALICIOUS_SERVER));
    assertEquals(55, mal.threshold()); // floor((99 + 10) / 2) + 1
    assertTrue(mal.meetsRequirements());
    // n = 10, 40% corrupted, malicious: t = floor((9 + 4) / 2) + 1 = 7 > 9 - 3 survivors.
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GraphParameters.complete(10, rates(0.3, 0.4, ThreatModel.MALICIOUS_SERVER)));
    assertTrue(e.getMessage().contains("t = 7") && e.getMessage().contains("only 6 neighbours"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> GraphParameters.complete(1, rates(0, 0, ThreatModel.SEMI_HONEST)));
    assertThrows(NullPointerException.class, () -> GraphParameters.complete(10, null));
  }

  @Test
  void completeLargestThresholdLeavesExactlyTheDropoutsAndRefusesAnInsecureOne() {
    // n = 10, D = 1: t = 8, so a completed session includes at least 9 clients.
    GraphParameters semi = GraphParameters.completeLargestThreshold(10, rates(0.1, 0.1, ThreatModel.SEMI_HONEST));
    assertEquals(GraphKind.COMPLETE, semi.kind());
    assertEquals(9, semi.degree());
    assertEquals(8, semi.threshold());
    assertEquals(1, semi.maxDropouts());
    assertTrue(semi.meetsRequirements());
    assertTrue(GraphParameters.evaluate(10, GraphKind.COMPLETE, 9, 8, semi.requirements()).meetsRequirements());
    // Malicious server, C = 6: 2t > 9 + 6 needs t >= 8, which D = 1 allows; C = 7 needs 9.
    assertEquals(8, GraphParameters.completeLargestThreshold(10, rates(0.1, 0.6, ThreatModel.MALICIOUS_SERVER))
        .threshold());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GraphParameters.completeLargestThreshold(10, rates(0.1, 0.7, ThreatModel.MALICIOUS_SERVER)));
    assertTrue(e.getMessage().contains("n - 1 - D = 8") && e.getMessage().contains("smallest secure one, 9"),
        e.getMessage());
    // D = 8 leaves t = 1, below the floor of 2 whatever the threat.
    assertThrows(IllegalArgumentException.class,
        () -> GraphParameters.completeLargestThreshold(10, rates(0.8, 0, ThreatModel.SEMI_HONEST)));
    assertThrows(NullPointerException.class, () -> GraphParameters.completeLargestThreshold(10, null));
    assertThrows(IllegalArgumentException.class,
        () -> GraphParameters.completeLargestThreshold(1, rates(0, 0, ThreatModel.SEMI_HONEST)));
  }

  @Test
  void hararyGivesTheSparseRulesThresholdForAChosenDegree() {
    GraphParameters rec = GraphParameters.recommend(1000, 0.1, 0.1);
    GraphParameters same = GraphParameters.harary(1000, rec.degree(), rec.requirements());
    assertEquals(rec.threshold(), same.threshold());
    assertEquals(GraphKind.HARARY, same.kind());
    assertTrue(same.meetsRequirements());
    // Without corrupted or dropped clients a malicious-server threshold is a bare majority.
    GraphRequirements none = rates(0, 0, ThreatModel.MALICIOUS_SERVER);
    assertEquals(2, GraphParameters.harary(5, 2, none).threshold());
    assertEquals(GraphParameters.minimumThreshold(8, 0, ThreatModel.MALICIOUS_SERVER),
        GraphParameters.harary(40, 8, none).threshold());
    assertEquals(10, GraphParameters.harary(11, 10, none).degree());
    // A degree too small for the rates is refused, not silently weakened.
    assertThrows(IllegalArgumentException.class,
        () -> GraphParameters.harary(1000, 4, rates(0.1, 0.1, ThreatModel.MALICIOUS_SERVER)));
    assertThrows(IllegalArgumentException.class, () -> GraphParameters.harary(10, 3, none));
    assertThrows(IllegalArgumentException.class, () -> GraphParameters.harary(10, 10, none));
    assertThrows(NullPointerException.class, () -> GraphParameters.harary(10, 4, null));
  }

  @Test
  void minimumThresholdIsAboveTheCorruptedNeighboursOrAboveHalfOfKPlusThem() {
    for (int k = 1; k <= 40; k++) {
      for (int c = 0; c <= k; c++) {
        int semi = GraphParameters.minimumThreshold(k, c, ThreatModel.SEMI_HONEST);
        assertTrue(semi > c && semi >= 2 && (semi == 2 || semi - 1 <= c), "semi k=" + k + " c=" + c);
        int mal = GraphParameters.minimumThreshold(k, c, ThreatModel.MALICIOUS_SERVER);
        assertTrue(2 * mal > k + c && mal >= 2 && (mal == 2 || 2 * (mal - 1) <= k + c), "mal k=" + k + " c=" + c);
      }
    }
    assertThrows(IllegalArgumentException.class, () -> GraphParameters.minimumThreshold(0, 0, ThreatModel.SEMI_HONEST));
    assertThrows(IllegalArgumentException.class, () -> GraphParameters.minimumThreshold(4, 5, ThreatModel.SEMI_HONEST));
    assertThrows(IllegalArgumentException.class, () -> GraphParameters.minimumThreshold(4, -1, ThreatModel.SEMI_HONEST));
  }

  @Test
  void countsCorruptedAndDroppedClientsRoundingUp() {
    GraphParameters p = GraphParameters.recommend(1000, 0.05, 0.05);
    assertEquals(50, p.maxCorrupted());
    assertEquals(50, p.maxDropouts());
    GraphParameters q = GraphParameters.recommend(101, 0.05, 0.05);
    assertEquals(6, q.maxCorrupted()); // 5.05 rounded up
  }

  @Test
  void newGraphBuildsTheHararyGraphOfTheSeed() {
    GraphParameters p = GraphParameters.recommend(10000, 0.05, 0.05);
    byte[] seed = new byte[32];
    seed[0] = 1;
    MaskingGraph g = p.newGraph(seed);
    assertEquals(MaskingGraph.randomHarary(10000, p.degree(), seed), g);
    assertThrows(IllegalArgumentException.class, () -> p.newGraph(new byte[16]));
    assertThrows(NullPointerException.class, () -> p.newGraph(null));
  }

  @Test
  void rejectsInfeasibleRates() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GraphParameters.recommend(1000, 0.45, 0.2));
    assertTrue(e.getMessage().contains("No masking graph"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> GraphParameters.recommend(2, 0, 0));
  }

  @Test
  void rejectsOutOfRangeArguments() {
    assertThrows(IllegalArgumentException.class, () -> GraphParameters.recommend(1, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> GraphParameters.recommend((1 << 20) + 1, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> GraphParameters.recommend(100, 1.0, 0));
    assertThrows(IllegalArgumentException.class, () -> GraphParameters.recommend(100, -0.1, 0));
    assertThrows(IllegalArgumentException.class, () -> GraphParameters.recommend(100, 0, Double.NaN));
    assertThrows(
        IllegalArgumentException.class,
        () -> GraphParameters.recommend(100, 0, 0, ThreatModel.SEMI_HONEST, 0, 20));
    assertThrows(
        IllegalArgumentException.class,
        () -> GraphParameters.recommend(100, 0, 0, ThreatModel.SEMI_HONEST, 40, 257));
    assertThrows(
        NullPointerException.class, () -> GraphParameters.recommend(100, 0, 0, null, 40, 20));
  }

  @Test
  void searchIsFastForTheLargestPopulationAndExtremeRates() {
    // Correctness, not timing: the doubling search must terminate with a valid answer.
    GraphParameters p =
        GraphParameters.recommend(1 << 20, 0.3, 0.3, ThreatModel.MALICIOUS_SERVER, 40, 20);
    assertEquals(GraphKind.HARARY, p.kind());
    assertTrue(p.degree() < (1 << 20) / 10);
  }
}
