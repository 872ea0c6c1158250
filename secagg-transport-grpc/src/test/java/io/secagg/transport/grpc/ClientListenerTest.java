package io.secagg.transport.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static io.secagg.transport.grpc.Harness.due;
import static io.secagg.transport.grpc.Harness.expireWhenQueued;

import io.secagg.core.protocol.AbortReason;
import io.secagg.core.protocol.AdvertiseKeys;
import io.secagg.core.protocol.ClientAbort;
import io.secagg.core.protocol.Round;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.session.GroupPlan;
import io.secagg.core.session.GroupedResult;
import io.secagg.core.wire.WireCodec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The public observer of a participation: progress events, and stopping a client at a round. */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ClientListenerTest {
  @TempDir Path dir;

  @Test
  void reportsTheWelcomeThenEveryRoundTheClientAnswersInOrder() throws Exception {
    TestPki pki = TestPki.create(dir);
    GroupPlan plan = GroupPlan.single(TestPki.config(5, 50));
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    try (Harness h = new Harness(pki, plan, false)) {
      List<Future<Participation>> fs = new ArrayList<>();
      for (int p = 1; p <= 4; p++) {
        fs.add(h.join(p));
      }
      fs.add(h.join(h.client(5).listener(new ClientListener() {
        @Override
        public void welcomed(int group, int clientId, SecAggConfig config) {
          events.add("welcomed " + group + " " + clientId + " " + config.clientCount());
        }

        @Override
        public void answering(Round round) {
          events.add(round.name());
        }
      }), 5));
      GroupedResult r = h.run();
      assertEquals(List.of(1, 2, 3, 4, 5), r.includedParticipants());
      for (Future<Participation> f : fs) {
        assertTrue(due(f).completed());
      }
    }
    assertEquals(
        List.of("welcomed 0 5 5", "ADVERTISE_KEYS", "SHARE_KEYS", "MASKED_INPUT_COLLECTION", "UNMASKING"),
        events);
  }

  @Test
  void aClientHeldAtMaskedInputIsDroppedAndItsMasksRecovered() throws Exception {
    TestPki pki = TestPki.create(dir);
    GroupPlan plan = GroupPlan.single(TestPki.config(5, 50));
    // The masked-input round ends once participants 1..4 have sent theirs.
    try (Harness h = new Harness(pki, plan, false, expireWhenQueued(3, 1, 2, 3, 4))) {
      for (int p = 1; p <= 4; p++) {
        h.join(p);
      }
      Future<Participation> held = h.join(h.client(5).listener(new ClientListener() {
        @Override
        public void answering(Round round) throws InterruptedException {
          if (round == Round.MASKED_INPUT_COLLECTION) {
            new CountDownLatch(1).await(); // until the harness closes and interrupts it
          }
        }
      }), 5);
      GroupedResult r = h.run();
      assertTrue(r.allGroupsCompleted());
      assertEquals(List.of(1, 2, 3, 4), r.includedParticipants());
      assertEquals(h.sumOf(List.of(1, 2, 3, 4)), r.sum());
      assertFalse(held.isDone());
    }
  }

  @Test
  void readsTheAnsweredRoundFromTheCanonicalFrameHeader() {
    WireCodec codec = WireCodec.forConfig(TestPki.config(5, 50));
    byte[] advertise = codec.encode(new AdvertiseKeys(new byte[32], new byte[32], new byte[0]));
    assertEquals(Round.ADVERTISE_KEYS, ClientSession.answeredRound(advertise));
    assertNull(ClientSession.answeredRound(codec.encode(new ClientAbort(AbortReason.CANCELLED))));
    assertNull(ClientSession.answeredRound(new byte[2]));
  }
}
