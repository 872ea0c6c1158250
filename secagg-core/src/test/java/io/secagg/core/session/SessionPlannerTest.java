package io.secagg.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.graph.GraphKind;
import io.secagg.core.graph.GraphParameters;
import io.secagg.core.graph.GraphRequirements;
import io.secagg.core.graph.ThreatModel;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.vector.Modulus;
import org.junit.jupiter.api.Test;

/** The planner applies GraphParameters' rules and nothing of its own. */
class SessionPlannerTest {
  private static GraphRequirements rates(double dropout, double corruption, ThreatModel model) {
    return GraphRequirements.builder().dropoutRate(dropout).corruptionRate(corruption).threatModel(model).build();
  }

  private static SessionPlanner semiHonest() {
    return SessionPlanner.of(rates(0, 0, ThreatModel.SEMI_HONEST));
  }

  @Test
  void aSparseRequestTakesTheRecommendation() {
    SessionPlan p = SessionPlanner.of(rates(0.1, 0.1, ThreatModel.MALICIOUS_SERVER)).plan(1000);
    GraphParameters rec = GraphParameters.recommend(1000, 0.1, 0.1);
    assertEquals(GraphKind.HARARY, p.graphKind());
    assertEquals(rec.degree(), p.degree(1000));
    assertEquals(rec.threshold(), p.threshold());
    assertEquals(rec.toString(), p.derivedFrom().orElseThrow().toString());
    assertTrue(p.sparseRequested());
    assertFalse(p.fellBackToComplete());
    SecAggConfig c = p.configBuilder(1000).vectorLength(4).modulus(Modulus.powerOfTwo(16)).build();
    assertEquals(rec.degree(), c.degree());
    assertEquals(rec.threshold(), c.threshold());
  }

  @Test
  void aSparseRequestThatNoSparseGraphFitsFallsBackToTheCompleteRule() {
    // Three clients leave no even degree below n - 1.
    SessionPlan p = semiHonest().plan(3);
    assertEquals(GraphKind.COMPLETE, p.graphKind());
    assertTrue(p.fellBackToComplete());
    assertEquals(GraphParameters.complete(3, rates(0, 0, ThreatModel.SEMI_HONEST)).threshold(), p.threshold());
    assertEquals(2, p.degree(3));
  }

  @Test
  void theCompleteRuleChecksDropoutToleranceUnlessTheThresholdIsGiven() {
    SessionPlanner b = SessionPlanner.of(rates(0.3, 0.4, ThreatModel.MALICIOUS_SERVER)).completeGraph();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.plan(10));
    assertTrue(e.getMessage().contains("No threshold fits the complete graph of 10 clients"), e.getMessage());
    SessionPlan given = b.threshold(3).plan(10);
    assertEquals(3, given.threshold());
    assertTrue(given.thresholdGiven());
    assertTrue(given.derivedFrom().isEmpty());
  }

  @Test
  void aMaliciousServerWithNoCorruptionGetsABareMajorityAsParticipantsDemand() throws ConfigRejectedException {
    SessionPlanner majority = SessionPlanner.defaults().completeGraph();
    for (int n = 3; n <= 40; n++) {
      SessionPlan p = majority.plan(n);
      assertEquals((n - 1) / 2 + 1, p.threshold(), "n=" + n);
      ConfigPolicy.defaults().check(p.configBuilder(n).vectorLength(1).modulus(Modulus.powerOfTwo(8)).build());
    }
    SessionPlan sparse = SessionPlanner.defaults().hararyGraph(6).plan(20);
    assertEquals(4, sparse.threshold());
    assertEquals(6, sparse.degree(20));
  }

  @Test
  void theLargestThresholdRuleGuaranteesNMinusDIncludedClients() {
    SessionPlan p = SessionPlanner.of(rates(GraphRequirements.rateOf(2, 10), 0, ThreatModel.SEMI_HONEST))
        .completeGraphLargestThreshold().plan(10);
    assertEquals(GraphKind.COMPLETE, p.graphKind());
    assertEquals(7, p.threshold());
    assertEquals(8, p.minimumIncludedClients());
    assertFalse(p.sparseRequested());
    assertFalse(p.fellBackToComplete());
    assertEquals(GraphParameters.completeLargestThreshold(10, p.requirements()).toString(),
        p.derivedFrom().orElseThrow().toString());
    // The smallest secure threshold of the same requirements is far lower (t > C = 0: 2).
    assertEquals(2, SessionPlanner.of(p.requirements()).completeGraph().plan(10).threshold());
    // Too many dropouts for the threat: refused with GraphParameters' reason.
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SessionPlanner.of(rates(0.3, 0.4, ThreatModel.MALICIOUS_SERVER)).completeGraphLargestThreshold().plan(10));
    assertTrue(e.getMessage().contains("n - 1 - D"), e.getMessage());
    // A given threshold wins, as with every graph choice.
    assertEquals(3, SessionPlanner.defaults().completeGraphLargestThreshold().threshold(3).plan(5).threshold());
  }

  @Test
  void theLargestThresholdOfSeveralSizesIsTheSmallestSizesAndMustBeSecureAtTheLargest() {
    // delta = 0.2: sessions of 5 tolerate D = 1 (t = 3); sessions of 10 have D = 2 (t would be 7).
    SessionPlanner semi = SessionPlanner.of(rates(0.2, 0, ThreatModel.SEMI_HONEST)).completeGraphLargestThreshold();
    SessionPlan p = semi.plan(5, 10);
    assertEquals(3, p.threshold());
    assertEquals(4, p.minimumIncludedClients());
    // Against a malicious server, sessions of 10 need a majority of 9 neighbours, 5 > 3.
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SessionPlanner.of(rates(0.2, 0, ThreatModel.MALICIOUS_SERVER)).completeGraphLargestThreshold().plan(5, 10));
    assertTrue(e.getMessage().contains("need t >= 5"), e.getMessage());
  }

  @Test
  void oneThresholdServesEverySessionSize() {
    // Groups of 4 and 5: complete graphs of degree 3 and 4; a majority of 4 is 3, which 3 allows.
    SessionPlan p = SessionPlanner.defaults().completeGraph().plan(4, 5);
    assertEquals(3, p.threshold());
    assertEquals(3, p.degree(4));
    assertEquals(4, p.degree(5));
    assertThrows(IllegalArgumentException.class, () -> p.degree(6));
    assertThrows(IllegalArgumentException.class, () -> p.configBuilder(3));
    // A given threshold must fit the smallest session.
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SessionPlanner.defaults().completeGraph().threshold(4).plan(4, 5));
    assertEquals("threshold 4 exceeds the number of neighbours 3", e.getMessage());
    // A Harary degree must be below the smallest session.
    assertThrows(IllegalArgumentException.class, () -> SessionPlanner.defaults().hararyGraph(6).plan(5, 9));
  }

  @Test
  void theDropoutBudgetAddsFourStandardDeviations() {
    assertEquals(0, SessionPlanner.dropoutBudget(0, 100));
    // 0.1 + 4 sqrt(0.09 / 100) = 0.22 in exact arithmetic, 0.22000000000000003 in binary64:
    // rounded up to 4 decimals, never down.
    assertEquals(0.2201, SessionPlanner.dropoutBudget(0.1, 100));
    assertEquals(0.7, SessionPlanner.dropoutBudget(0.5, 100)); // 0.5 + 4 * 0.05, exact
    assertEquals(0.9999, SessionPlanner.dropoutBudget(0.99, 3));
    assertThrows(IllegalArgumentException.class, () -> SessionPlanner.dropoutBudget(1, 100));
    assertThrows(IllegalArgumentException.class, () -> SessionPlanner.dropoutBudget(0.1, 0));
  }

  @Test
  void rejectsBadRequests() {
    assertThrows(IllegalArgumentException.class, () -> SessionPlanner.defaults().hararyGraph(3));
    assertThrows(IllegalArgumentException.class, () -> SessionPlanner.defaults().threshold(1));
    assertThrows(NullPointerException.class, () -> SessionPlanner.of(null));
    assertThrows(IllegalArgumentException.class, () -> SessionPlanner.defaults().plan(2));
    assertThrows(IllegalArgumentException.class, () -> SessionPlanner.defaults().plan(5, 4));
  }
}
