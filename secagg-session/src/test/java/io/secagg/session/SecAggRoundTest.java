package io.secagg.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.crypto.Ed25519KeyPair;
import io.secagg.core.graph.GraphKind;
import io.secagg.core.graph.GraphRequirements;
import io.secagg.core.graph.ThreatModel;
import io.secagg.core.protocol.AbortReason;
import io.secagg.core.protocol.Dropout;
import io.secagg.core.protocol.LeaveReason;
import io.secagg.core.protocol.Round;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.protocol.SecurityMode;
import io.secagg.core.session.SessionPlanner;
import io.secagg.core.vector.Modulus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SecAggRoundTest {
  private static SecAggConfig.Builder complete(int n, int t, int length, Modulus m) {
    return SecAggConfig.builder().clientCount(n).threshold(t).vectorLength(length).modulus(m).completeGraph();
  }

  /** The round completed with exactly {@code included} in its sum, verified against their inputs. */
  private static void assertVerified(SecAggReport r, List<Integer> included) {
    assertTrue(r.completed(), r::summary);
    assertEquals(included, r.includedClients());
    assertTrue(r.sumVerified(), r::summary);
  }

  @Test
  void completeGraphWithoutDropoutsSumsEveryone() throws Exception {
    SecAggReport r = SecAggRound.builder(complete(5, 3, 17, Modulus.powerOfTwo(16)).build()).seed(3).build().run();
    assertVerified(r, List.of(1, 2, 3, 4, 5));
    assertEquals(List.of(), r.dropouts());
  }

  @Test
  void recoversPairMasksOfClientsThatCrashBeforeTheirMaskedInput() throws Exception {
    SecAggReport r = SecAggRound.builder(complete(6, 3, 10, Modulus.of(1_000_003)).build())
        .dropouts(DropoutSchedule.scripted().drop(Round.MASKED_INPUT_COLLECTION, 2, 5).build())
        .seed(4).build().run();
    assertVerified(r, List.of(1, 3, 4, 6));
    // The crashes are reported by the network, so the server records them as disconnections.
    assertEquals(List.of(
        Dropout.disconnected(2, Round.MASKED_INPUT_COLLECTION, LeaveReason.CONNECTION_CLOSED),
        Dropout.disconnected(5, Round.MASKED_INPUT_COLLECTION, LeaveReason.CONNECTION_CLOSED)), r.dropouts());
  }

  /**
   * The measurement: a crashed client used to cost a whole round timeout. With a
   * deadline of a day the round can only end because the crash was reported; no timing is
   * asserted.
   */
  @Test
  void aCrashAfterSharingKeysCostsNoRoundTimeout() throws Exception {
    SecAggReport r = SecAggRound.builder(complete(10, 6, 100, Modulus.powerOfTwo(32)).build())
        .dropouts(DropoutSchedule.scripted().drop(Round.MASKED_INPUT_COLLECTION, 4).build())
        .roundTimeout(Duration.ofDays(1)).seed(12).build().run();
    assertTrue(r.sumVerified(), r::summary);
    assertEquals(9, r.includedClients().size());
    assertFalse(r.includedClients().contains(4));
  }

  @Test
  void maliciousModeCompletesAndVerifies() throws Exception {
    List<Ed25519KeyPair> ids = SecAggRound.simulatedIdentityKeys(7, 5);
    SecAggConfig c = complete(7, 4, 9, Modulus.powerOfTwo(64)).securityMode(SecurityMode.MALICIOUS)
        .identityKeys(ids.stream().map(Ed25519KeyPair::publicKey).collect(Collectors.toList())).build();
    SecAggReport r = SecAggRound.builder(c).identityKeys(ids)
        .dropouts(DropoutSchedule.scripted().drop(Round.CONSISTENCY_CHECK, 7).drop(Round.MASKED_INPUT_COLLECTION, 1).build())
        .seed(5).build().run();
    assertVerified(r, List.of(2, 3, 4, 5, 6, 7));
    assertThrows(IllegalStateException.class, () -> SecAggRound.builder(c).build());
    assertThrows(IllegalArgumentException.class,
        () -> SecAggRound.builder(c).identityKeys(SecAggRound.simulatedIdentityKeys(7, 6)));
    assertThrows(IllegalArgumentException.class,
        () -> SecAggRound.builder(complete(7, 4, 9, Modulus.powerOfTwo(8)).build()).identityKeys(ids));
  }

  @Test
  void abortsWhenTooFewSurvive() throws Exception {
    SecAggReport r = SecAggRound.builder(complete(5, 3, 4, Modulus.powerOfTwo(8)).build())
        .dropouts(DropoutSchedule.scripted().drop(Round.MASKED_INPUT_COLLECTION, 1, 2).build())
        .seed(6).build().run();
    assertFalse(r.completed(), r::summary);
    assertEquals(Optional.of(AbortReason.TOO_FEW_SURVIVORS), r.abortReason());
    assertTrue(r.sum().isEmpty());
    assertFalse(r.sumVerified());
  }

  @Test
  void reportsBytesPhasesMemoryAndDropoutsConsistently() throws Exception {
    SecAggReport r = SecAggRound.builder(SecAggConfig.builder().clientCount(8).hararyGraph(4).threshold(2)
            .vectorLength(50).modulus(Modulus.powerOfTwo(32)).build())
        .dropouts(DropoutSchedule.scripted().drop(Round.SHARE_KEYS, 3).drop(Round.UNMASKING, 6).build())
        .threads(2).seed(8).build().run();
    assertTrue(r.completed(), r::summary);
    assertTrue(r.sumVerified());
    assertEquals(List.of("ADVERTISE_KEYS", "SHARE_KEYS", "MASKED_INPUT_COLLECTION", "UNMASKING"),
        r.phases().stream().map(PhaseReport::name).collect(Collectors.toList()));
    long clientsSent = 0;
    for (int id = 1; id <= 8; id++) {
      clientsSent += r.clientBytesSent(id);
    }
    assertEquals(r.serverBytesReceived(), clientsSent);
    long clientsReceived = 0;
    for (int id = 1; id <= 8; id++) {
      clientsReceived += r.clientBytesReceived(id);
    }
    assertTrue(r.serverBytesSent() >= clientsReceived, "frames to crashed clients count as sent only");
    // Client 1 sent a masked input of 50 four-byte elements, so at least 200 bytes.
    assertTrue(r.clientBytesSent(1) > 200);
    assertEquals(List.of(3), r.scheduledDropouts().get(Round.SHARE_KEYS));
    assertEquals(List.of(6), r.scheduledDropouts().get(Round.UNMASKING));
    assertEquals(List.of(3), r.phases().get(1).dropouts().stream().map(Dropout::clientId).toList());
    assertEquals(List.of(6), r.phases().get(3).dropouts().stream().map(Dropout::clientId).toList());
    assertEquals(7, r.phases().get(1).answers());
    assertTrue(r.includedClients().contains(6), "a client lost in unmasking is in the sum");
    assertTrue(r.serverPeakLiveVectors() <= 3);
    assertEquals(r.serverPeakLiveVectors() * 50L * 4, r.serverPeakVectorBytes());
    assertTrue(r.summary().contains("sum verified"));
    assertThrows(IllegalArgumentException.class, () -> r.clientBytesSent(9));
  }

  @Test
  void theSameSeedGivesTheSameSumAndDropouts() throws Exception {
    SecAggConfig c = complete(9, 5, 30, Modulus.powerOfTwo(24)).build();
    DropoutSchedule d = DropoutSchedule.perRound(0.1, 3);
    SecAggReport a = SecAggRound.builder(c).dropouts(d).seed(21).build().run();
    SecAggReport b = SecAggRound.builder(c).dropouts(d).seed(21).build().run();
    assertEquals(a.sum(), b.sum());
    assertEquals(a.dropouts(), b.dropouts());
    assertEquals(a.includedClients(), b.includedClients());
    SecAggReport secure = SecAggRound.builder(c).build().run();
    assertTrue(secure.sumVerified(), "SecureRandom inputs are kept and checked too");
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
    assertThrows(IllegalArgumentException.class, () -> DropoutSchedule.perRound(1.5, 1));
  }

  @Test
  void aPlannedSparseSessionRuns() throws Exception {
    SecAggConfig c = SessionPlanner.of(GraphRequirements.builder().threatModel(ThreatModel.SEMI_HONEST)
            .dropoutRate(0.1).corruptionRate(0.05).build())
        .plan(200)
        .configBuilder(200).vectorLength(4).modulus(Modulus.powerOfTwo(16)).build();
    assertEquals(GraphKind.HARARY, c.graphKind());
    SecAggReport r = SecAggRound.builder(c).dropouts(DropoutSchedule.perRound(0.02, 1)).seed(2).build().run();
    assertTrue(r.sumVerified(), r::summary);
  }

  /**
   * Every log record of a session, down to DEBUG, carries public information only: the inputs
   * (distinctive values here) never appear, and there are records for the start, the end and
   * the crash with its reason.
   */
  @Test
  void theLogsTellStartEndAndCrashesAndNeverAnInput() throws Exception {
    long secret = 987_654_321_123L;
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("io.secagg");
    List<java.util.logging.LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.logging.Handler capture = new java.util.logging.Handler() {
      @Override
      public void publish(java.util.logging.LogRecord r) {
        records.add(r);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    java.util.logging.Level level = root.getLevel();
    boolean parents = root.getUseParentHandlers();
    root.setLevel(java.util.logging.Level.ALL);
    root.setUseParentHandlers(false);
    root.addHandler(capture);
    try {
      SecAggConfig c = complete(5, 3, 4, Modulus.powerOfTwo(48)).build();
      SecAggReport r = SecAggRound.builder(c)
          .inputs(id -> io.secagg.core.vector.ModVector.of(c.modulus(), new long[] {secret + id, secret, secret, secret}))
          .dropouts(DropoutSchedule.scripted().drop(Round.MASKED_INPUT_COLLECTION, 2).build())
          .seed(13).build().run();
      assertTrue(r.sumVerified(), r::summary);
    } finally {
      root.removeHandler(capture);
      root.setUseParentHandlers(parents);
      root.setLevel(level);
    }
    List<String> messages = records.stream()
        .map(x -> new java.util.logging.SimpleFormatter().formatMessage(x)).collect(Collectors.toList());
    assertTrue(messages.stream().anyMatch(m -> m.contains("session starting")), messages::toString);
    assertTrue(messages.stream().anyMatch(m -> m.contains("session completed")), messages::toString);
    assertTrue(messages.stream().anyMatch(m -> m.contains("client 2 left at MASKED_INPUT_COLLECTION: DISCONNECTED")),
        messages::toString);
    for (String m : messages) {
      assertFalse(m.contains(Long.toString(secret).substring(0, 9)), m);
      assertFalse(m.toLowerCase(java.util.Locale.ROOT).contains(Long.toHexString(secret)), m);
    }
  }

  @Test
  void rejectsBadSettings() {
    SecAggConfig c = complete(4, 2, 3, Modulus.powerOfTwo(8)).build();
    assertThrows(NullPointerException.class, () -> SecAggRound.builder(null));
    assertThrows(IllegalArgumentException.class, () -> SecAggRound.builder(c).threads(0));
    assertThrows(IllegalArgumentException.class, () -> SecAggRound.builder(c).threads(65));
    assertThrows(IllegalArgumentException.class, () -> SecAggRound.builder(c).roundTimeout(Duration.ZERO));
    assertThrows(NullPointerException.class, () -> SecAggRound.builder(c).listener(null));
    assertThrows(NullPointerException.class, () -> SecAggRound.builder(c).dropouts(null));
  }
}
