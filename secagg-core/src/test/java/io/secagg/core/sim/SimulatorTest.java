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

  @Test
  void reportsBytesPhasesMemoryAndDropoutsConsistently() {
    SimulationReport r =
        Simulator.run(
            SimulationSpec.builder()
                .clientCount(8).hararyGraph(4).threshold(2).vectorLength(50).modulus(Modulus.powerOfTwo(32))
                .dropouts(DropoutSchedule.scripted().drop(Round.SHARE_KEYS, 3).drop(Round.UNMASKING, 6).build())
                .unmaskingThreads(2).seed(8).build());
    assertTrue(r.completed(), r::summary);
    assertTrue(r.sumVerified());
    assertEquals(List.of(Round.ADVERTISE_KEYS, Round.SHARE_KEYS, Round.MASKED_INPUT_COLLECTION, Round.UNMASKING),
        r.phases().stream().map(PhaseReport::round).collect(java.util.stream.Collectors.toList()));
    long clientsSent = 0;
    for (int id = 1; id <= 8; id++) {
      clientsSent += r.clientBytesSent(id);
    }
    assertEquals(r.serverBytesReceived(), clientsSent);
    // Client 1 sent a masked input of 50 four-byte elements, so at least 200 bytes.
    assertTrue(r.clientBytesSent(1) > 200);
    assertEquals(List.of(3), r.scheduledDropouts().get(Round.SHARE_KEYS));
    assertEquals(List.of(6), r.scheduledDropouts().get(Round.UNMASKING));
    assertTrue(r.dropouts().stream().anyMatch(d -> d.clientId() == 3));
    assertTrue(r.serverPeakLiveVectors() <= 3);
    assertEquals(r.serverPeakLiveVectors() * 50L * 4, r.serverPeakVectorBytes());
    assertTrue(r.summary().contains("sum verified"));
  }

  @Test
  void randomSchedulesAreReproducible() {
    DropoutSchedule a = DropoutSchedule.perRound(0.3, 99);
    DropoutSchedule b = DropoutSchedule.perRound(0.3, 99);
    int drops = 0;
    for (Round round : Round.values()) {
      for (int id = 1; id <= 200; id++) {
        assertEquals(a.dropsAt(round, id), b.dropsAt(round, id));
        drops += a.dropsAt(round, id) ? 1 : 0;
      }
    }
    // 1000 fair-ish coins at p = 0.3: mean 300, sd ~14.5; [200, 400] fails with probability < 1e-11.
    assertTrue(drops > 200 && drops < 400, "drops=" + drops);
    assertTrue(DropoutSchedule.atRound(Round.UNMASKING, 1.0, 1).dropsAt(Round.UNMASKING, 5));
    assertFalse(DropoutSchedule.atRound(Round.UNMASKING, 1.0, 1).dropsAt(Round.SHARE_KEYS, 5));
  }

  @Test
  void sparseGraphTakesTheRecommendedParameters() {
    SimulationSpec spec =
        SimulationSpec.builder().clientCount(200).vectorLength(4).modulus(Modulus.powerOfTwo(16))
            .sparseGraph(0.1, 0.05).build();
    assertEquals(io.secagg.core.graph.GraphKind.HARARY, spec.config().graphKind());
    assertTrue(spec.config().threshold() <= spec.config().degree());
  }
}
