package io.secagg.core.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.protocol.AbortReason;
import io.secagg.core.protocol.Round;
import io.secagg.core.protocol.SecurityMode;
import io.secagg.core.vector.Modulus;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorTest {
  @Test
  void completeGraphWithoutDropoutsSumsEveryone() {
    SimulationReport r =
        Simulator.run(
            SimulationSpec.builder()
                .clientCount(5).threshold(3).vectorLength(17).modulus(Modulus.powerOfTwo(16))
                .completeGraph().seed(3).build());
    assertTrue(r.completed(), r::summary);
    assertEquals(List.of(1, 2, 3, 4, 5), r.includedClients());
    assertTrue(r.sumVerified());
  }

  @Test
  void recoversPairMasksOfClientsDroppedBeforeMaskedInput() {
    SimulationReport r =
        Simulator.run(
            SimulationSpec.builder()
                .clientCount(6).threshold(3).vectorLength(10).modulus(Modulus.of(1_000_003))
                .completeGraph()
                .dropouts(DropoutSchedule.scripted().drop(Round.MASKED_INPUT_COLLECTION, 2, 5).build())
                .seed(4).build());
    assertTrue(r.completed(), r::summary);
    assertEquals(List.of(1, 3, 4, 6), r.includedClients());
    assertTrue(r.sumVerified());
  }

  @Test
  void maliciousModeCompletesAndVerifies() {
    SimulationReport r =
        Simulator.run(
            SimulationSpec.builder()
                .clientCount(7).threshold(4).vectorLength(9).modulus(Modulus.powerOfTwo(64))
                .completeGraph().securityMode(SecurityMode.MALICIOUS)
                .dropouts(DropoutSchedule.scripted().drop(Round.CONSISTENCY_CHECK, 7).drop(Round.MASKED_INPUT_COLLECTION, 1).build())
                .seed(5).build());
    assertTrue(r.completed(), r::summary);
    assertEquals(List.of(2, 3, 4, 5, 6, 7), r.includedClients());
    assertTrue(r.sumVerified());
  }

  @Test
  void abortsWhenTooFewSurvive() {
    SimulationReport r =
        Simulator.run(
            SimulationSpec.builder()
                .clientCount(5).threshold(3).vectorLength(4).modulus(Modulus.powerOfTwo(8))
                .completeGraph()
                .dropouts(DropoutSchedule.scripted().drop(Round.MASKED_INPUT_COLLECTION, 1, 2).build())
                .seed(6).build());
    assertFalse(r.completed(), r::summary);
    assertEquals(AbortReason.TOO_FEW_SURVIVORS, r.abortReason());
  }
}
