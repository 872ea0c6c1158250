package io.secagg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.cli.SimulationPlan.DropoutRound;
import io.secagg.cli.SimulationPlan.GraphChoice;
import io.secagg.core.graph.GraphKind;
import io.secagg.core.graph.GraphParameters;
import io.secagg.core.graph.GraphRequirements;
import io.secagg.core.graph.ThreatModel;
import io.secagg.core.session.SessionPlanner;
import io.secagg.core.protocol.Round;
import io.secagg.session.DropoutSchedule;
import io.secagg.core.vector.Modulus;
import org.junit.jupiter.api.Test;

class SimulationPlanTest {
  private static SimulationPlan plan(int n, GraphChoice graph, double p, DropoutRound where) {
    return SimulationPlan.derive(
        n, 4, Modulus.powerOfTwo(32), graph, false, p, where, null, 0.1, null, 1, 9, true);
  }

  @Test
  void theCompleteGraphTakesThePlannersThresholdForTheOptionsThreatStatement() {
    // --corruption 0.1 of 100: C = 10; semi-honest t = C + 1, --malicious floor((n - 1 + C) / 2) + 1.
    SimulationPlan semi = SimulationPlan.derive(100, 4, Modulus.powerOfTwo(32), GraphChoice.COMPLETE, false, 0.2,
        DropoutRound.SPREAD, null, 0.1, null, 1, 9, true);
    assertEquals(GraphParameters.complete(100, GraphRequirements.builder().dropoutRate(0.2).corruptionRate(0.1)
        .threatModel(ThreatModel.SEMI_HONEST).build()).threshold(), semi.config().threshold());
    assertEquals(11, semi.config().threshold());
    SimulationPlan mal = SimulationPlan.derive(100, 4, Modulus.powerOfTwo(32), GraphChoice.COMPLETE, true, 0.2,
        DropoutRound.SPREAD, null, 0.1, null, 1, 9, true);
    assertEquals(55, mal.config().threshold());
    assertEquals(100, mal.identities().size());
  }

  @Test
  void aBudgetNoThresholdSurvivesIsRefusedWithAHintAtTheOptions() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SimulationPlan.derive(100, 4, Modulus.powerOfTwo(32), GraphChoice.COMPLETE, true, 0.1,
            DropoutRound.SPREAD, 0.5, 0.1, null, 1, 9, true));
    assertTrue(e.getMessage().contains("No threshold fits the complete graph of 100 clients"), e.getMessage());
    assertTrue(e.getMessage().contains("--threshold"), e.getMessage());
  }

  @Test
  void theDefaultBudgetSizesTheSparseGraph() {
    SimulationPlan p = plan(1000, GraphChoice.SPARSE, 0.1, DropoutRound.SPREAD);
    assertEquals(SessionPlanner.dropoutBudget(0.1, 1000), p.dropoutBudget());
    assertEquals(GraphParameters.recommend(1000, GraphRequirements.builder().dropoutRate(p.dropoutBudget())
        .corruptionRate(0.1).threatModel(ThreatModel.SEMI_HONEST).build()).degree(), p.config().degree());
  }

  @Test
  void sparseGraphUsesTheRecommendedHararyDegree() {
    SimulationPlan p = plan(1000, GraphChoice.SPARSE, 0.1, DropoutRound.SPREAD);
    assertEquals(GraphKind.HARARY, p.config().graphKind());
    assertTrue(p.config().degree() < 100, "logarithmic degree");
    assertFalse(p.fellBackToComplete());
  }

  @Test
  void spreadDropoutGivesEachClientProbabilityP() {
    // 20,000 clients, fixed seed: the fraction that ever drops is within 4 standard deviations
    // (0.0085) of 0.1; a correct schedule fails this with probability about 6e-5 per seed.
    int n = 20_000;
    DropoutSchedule s = plan(n, GraphChoice.COMPLETE, 0.1, DropoutRound.SPREAD).dropouts();
    Round[] answered = {
      Round.ADVERTISE_KEYS, Round.SHARE_KEYS, Round.MASKED_INPUT_COLLECTION, Round.UNMASKING
    };
    int dropped = 0;
    int[] perRound = new int[answered.length];
    for (int id = 1; id <= n; id++) {
      for (int i = 0; i < answered.length; i++) {
        if (s.dropsAt(answered[i], id)) {
          dropped++;
          perRound[i]++;
          break;
        }
      }
    }
    assertEquals(0.1, dropped / (double) n, 0.0085);
    for (int count : perRound) {
      assertTrue(count > 0, "every round sees dropouts");
    }
  }

  @Test
  void singleRoundDropoutHitsOnlyThatRound() {
    DropoutSchedule s =
        plan(200, GraphChoice.COMPLETE, 0.5, DropoutRound.MASKED_INPUT_COLLECTION).dropouts();
    int atRound = 0;
    for (int id = 1; id <= 200; id++) {
      assertFalse(s.dropsAt(Round.SHARE_KEYS, id));
      assertFalse(s.dropsAt(Round.UNMASKING, id));
      if (s.dropsAt(Round.MASKED_INPUT_COLLECTION, id)) {
        atRound++;
      }
    }
    assertTrue(atRound > 50 && atRound < 150, "about half: " + atRound);
  }

  @Test
  void zeroDropoutNeverDrops() {
    DropoutSchedule s = plan(10, GraphChoice.COMPLETE, 0, DropoutRound.SPREAD).dropouts();
    for (Round r : Round.values()) {
      for (int id = 1; id <= 10; id++) {
        assertFalse(s.dropsAt(r, id));
      }
    }
  }

  @Test
  void explicitThresholdWins() {
    SimulationPlan p = SimulationPlan.derive(
        10, 4, Modulus.powerOfTwo(8), GraphChoice.COMPLETE, false, 0.1, DropoutRound.SPREAD,
        null, 0.1, 7, 1, 1, true);
    assertEquals(7, p.config().threshold());
  }

  @Test
  void consistencyCheckDropoutNeedsMaliciousMode() {
    assertThrows(IllegalArgumentException.class,
        () -> plan(10, GraphChoice.COMPLETE, 0.1, DropoutRound.CONSISTENCY_CHECK));
  }
}
