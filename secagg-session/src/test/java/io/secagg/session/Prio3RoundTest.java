package io.secagg.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.vdaf.BoundedVector;
import io.secagg.vdaf.VdafException.Reason;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Prio3 rounds over the in-memory transport: every kind of malicious report is rejected with its
 * reason, every honest one aggregated, the sum verified, with and without noise.
 */
class Prio3RoundTest {
  private static final BoundedVector FL =
      BoundedVector.builder().dimension(30).clipBound(0.1).bits(8).maxClients(100).build();

  @Test
  void rejectsEveryMaliciousReportAndAggregatesEveryHonestOne() {
    List<String> events = new ArrayList<>();
    RoundListener listener = new RoundListener() {
      @Override
      public void phaseStarted(String phase, int participants) {
        events.add("start " + phase);
      }

      @Override
      public void phaseEnded(PhaseReport report) {
        events.add("end " + report.name());
      }
    };
    Prio3RoundReport r = Prio3Round.builder(FL).clients(40).maliciousFraction(0.25).jobSize(7).threads(2).seed(5)
        .listener(listener).build().run();
    assertEquals(Map.of(MaliciousKind.OUT_OF_RANGE, 2, MaliciousKind.BAD_PROOF, 2, MaliciousKind.TRUNCATED, 2,
        MaliciousKind.GARBLED, 2, MaliciousKind.REPLAYED_NONCE, 2), r.maliciousByKind());
    assertEquals(r.maliciousByKind(), r.rejectedByKind());
    assertEquals(30, r.honestAccepted());
    assertEquals(0, r.maliciousAccepted());
    assertEquals(Map.of(Reason.PROOF_REJECTED, 4L, Reason.WRONG_LENGTH, 2L, Reason.NON_CANONICAL_FIELD_ELEMENT, 2L,
        Reason.REPLAYED_NONCE, 2L), r.rejectedByReason());
    assertTrue(r.sumVerified());
    assertTrue(r.verified());
    assertEquals(30, r.result().reports());
    assertEquals(List.of("start SHARD_AND_UPLOAD", "start VERIFY", "end SHARD_AND_UPLOAD", "end VERIFY",
        "start COLLECT", "end COLLECT"), events);
    assertEquals(List.of("SHARD_AND_UPLOAD", "VERIFY", "COLLECT"), r.phases().stream().map(PhaseReport::name).toList());
    assertTrue(r.bytesPerClient() > FL.prio3().inputShareLength(0));
    assertTrue(r.aggregatorBytes() > 0);
  }

  @Test
  void theSameSeedGivesTheSameRound() {
    Prio3Round round = Prio3Round.builder(FL).clients(12).maliciousFraction(0.2).seed(8).build();
    assertArrayEquals(round.run().result().integerSum(), round.run().result().integerSum());
  }

  @Test
  void aNoisedRoundIsVerifiedWithinTheNoiseBound() {
    BoundedVector noised = BoundedVector.builder().dimension(30).clipBound(0.1).bits(8).maxClients(100)
        .privacy(4, 1e-6).build();
    Prio3RoundReport r = Prio3Round.builder(noised).clients(10).maliciousFraction(0.1)
        .maliciousKinds(Set.of(MaliciousKind.OUT_OF_RANGE)).seed(3).build().run();
    assertTrue(r.verified(), r.toString());
    assertEquals(Map.of(MaliciousKind.OUT_OF_RANGE, 1), r.rejectedByKind());
    assertTrue(r.result().noiseStddev() > 0);
  }

  @Test
  void aRoundWithoutMaliciousClientsAcceptsEveryone() {
    Prio3RoundReport r = Prio3Round.builder(FL).clients(9).maliciousFraction(0).jobSize(4).build().run();
    assertEquals(9, r.honestAccepted());
    assertEquals(Map.of(), r.rejectedByReason());
    assertTrue(r.verified());
  }

  @Test
  void theBuilderRejectsImpossibleRounds() {
    assertThrows(IllegalArgumentException.class, () -> Prio3Round.builder(FL).clients(1));
    assertThrows(IllegalArgumentException.class, () -> Prio3Round.builder(FL).clients(101));
    assertThrows(IllegalArgumentException.class, () -> Prio3Round.builder(FL).maliciousFraction(1));
    assertThrows(IllegalArgumentException.class, () -> Prio3Round.builder(FL).maliciousKinds(EnumSet.noneOf(MaliciousKind.class)));
    assertThrows(IllegalArgumentException.class, () -> Prio3Round.builder(FL).jobSize(0));
    assertThrows(IllegalArgumentException.class, () -> Prio3Round.builder(FL).clients(2).maliciousFraction(0.9).build());
    assertThrows(IllegalArgumentException.class,
        () -> Prio3Round.builder(FL).clients(2).inputs(id -> new float[3]).build().run());
  }
}
