package io.secagg.transport.grpc;

import static io.secagg.transport.grpc.Harness.PATIENCE_SECONDS;
import static io.secagg.transport.grpc.Harness.due;
import static io.secagg.transport.grpc.Harness.expireWhenQueued;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.secagg.core.protocol.Dropout;
import io.secagg.core.protocol.Round;
import io.secagg.core.session.GroupOutcome;
import io.secagg.core.session.GroupPlan;
import io.secagg.core.session.GroupedResult;
import io.secagg.transport.grpc.internal.SessionProtocol;
import io.secagg.transport.grpc.internal.proto.ClientEnvelope;
import io.secagg.transport.grpc.internal.proto.ServerEnvelope;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faulty and hostile participants: each is contained, and the round completes without it. A
 * participant that must miss a round is missed through {@link ServerHooks} once the others'
 * answers are queued, never by racing a short deadline.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class RobustnessTest {
  private static final int N = 5;
  @TempDir Path dir;

  private GroupPlan plan() {
    return GroupPlan.single(TestPki.config(N, 64));
  }

  private Harness harness() throws Exception {
    return new Harness(TestPki.create(dir), plan(), false);
  }

  private static List<Future<Participation>> joinAll(Harness h, int... ids) throws Exception {
    List<Future<Participation>> fs = new ArrayList<>();
    for (int id : ids) {
      fs.add(h.join(id));
    }
    return fs;
  }

  private static void assertCompleted(List<Future<Participation>> fs) throws Exception {
    for (Future<Participation> f : fs) {
      assertTrue(due(f).completed());
    }
  }

  @Test
  void recoversFromClientKilledAfterSharingKeys() throws Exception {
    // The masked-input round ends once participants 1..4 have answered it.
    try (Harness h = new Harness(TestPki.create(dir), plan(), false, expireWhenQueued(3, 1, 2, 3, 4))) {
      List<Future<Participation>> fs = joinAll(h, 1, 2, 3, 4);
      // Frame 3 would be the client's masked input: it dies with its ShareKeys message delivered.
      Future<Participation> killed = h.join(h.client(5).hooks(new ClientHooks() {
        @Override
        public boolean dieBeforeSend(long seq) {
          return seq == 3;
        }
      }), 5);
      GroupedResult r = h.run();
      assertTrue(r.allGroupsCompleted());
      assertEquals(List.of(1, 2, 3, 4), r.includedParticipants());
      assertEquals(h.sumOf(List.of(1, 2, 3, 4)), r.sum());
      List<Dropout> dropouts = r.groups().get(0).result().dropouts();
      assertEquals(1, dropouts.size(), dropouts.toString());
      assertEquals(5, dropouts.get(0).clientId());
      assertEquals(Round.MASKED_INPUT_COLLECTION, dropouts.get(0).round());
      assertThrows(ExecutionException.class, () -> due(killed));
      assertCompleted(fs);
    }
  }

  @Test
  void dropsClientPastTheDeadline() throws Exception {
    CountDownLatch groupOver = new CountDownLatch(1);
    TestPki pki = TestPki.create(dir);
    SecAggGrpcServer.Builder server = Harness.server(pki, plan(), false)
        .hooks(expireWhenQueued(3, 1, 2, 3, 4))
        .listener(new ServerListener() {
          @Override
          public void groupFinished(GroupOutcome outcome) {
            groupOver.countDown();
          }
        });
    try (Harness h = new Harness(pki, plan(), false, server)) {
      List<Future<Participation>> fs = joinAll(h, 1, 2, 3, 4);
      Future<Participation> late = h.join(h.client(5).hooks(new ClientHooks() {
        @Override
        public void beforeSend(long seq) throws InterruptedException {
          if (seq == 3) { // the masked input, held back until the round is over
            groupOver.await();
          }
        }
      }), 5);
      GroupedResult r = h.run();
      assertEquals(List.of(1, 2, 3, 4), r.includedParticipants());
      assertEquals(h.sumOf(List.of(1, 2, 3, 4)), r.sum());
      assertFalse(due(late).completed());
      assertCompleted(fs);
    }
  }

  @Test
  void closesStreamOfGarbageBytesAndCompletesTheRound() throws Exception {
    try (Harness h = harness(); CapturedLog grpcLog = CapturedLog.of("io.grpc")) {
      List<Future<Participation>> fs = joinAll(h, 1, 2, 3, 4, 5);
      Future<GroupedResult> round = h.submit(h::run);
      try (RawClient<byte[]> raw = RawClient.bytes(h.server.port(), h.pki.clientTls())) {
        raw.send(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07, 0x00, 0x13});
        Status s = raw.status();
        assertNotNull(s);
        // Refused by the server's own check (spec/transport.md 7.8), not failed inside gRPC.
        assertEquals(Status.Code.INVALID_ARGUMENT, s.getCode(), s.toString());
      }
      GroupedResult r = due(round);
      assertEquals(List.of(1, 2, 3, 4, 5), r.includedParticipants());
      assertEquals(h.sumOf(r.includedParticipants()), r.sum());
      assertCompleted(fs);
      assertEquals("", grpcLog.text(), "gRPC logged the refusal");
    }
  }

  @Test
  void excludesParticipantWhosePayloadIsNotASecaggFrame() throws Exception {
    try (Harness h = harness()) {
      List<Future<Participation>> fs = joinAll(h, 1, 2, 3, 4);
      Future<GroupedResult> round = h.submit(h::run);
      try (RawClient<ClientEnvelope> raw = RawClient.envelopes(h.server.port(), h.pki.clientTls())) {
        raw.send(RawClient.hello(5, null, 0));
        assertInstanceOf(ServerEnvelope.class, raw.next());
        raw.send(RawClient.frame(1, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
        GroupedResult r = due(round);
        assertTrue(r.allGroupsCompleted());
        assertEquals(List.of(1, 2, 3, 4), r.includedParticipants());
        assertEquals(h.sumOf(r.includedParticipants()), r.sum());
      }
      assertCompleted(fs);
    }
  }

  @Test
  void rejectsOversizedMessageWithoutAffectingTheRound() throws Exception {
    // gRPC's transport logs a warning for the message it refuses: expected here, so captured.
    try (Harness h = harness(); CapturedLog grpcLog = CapturedLog.of("io.grpc")) {
      List<Future<Participation>> fs = joinAll(h, 1, 2, 3, 4, 5);
      Future<GroupedResult> round = h.submit(h::run);
      try (RawClient<ClientEnvelope> raw = RawClient.envelopes(h.server.port(), h.pki.clientTls())) {
        raw.send(RawClient.frame(1, new byte[h.server.maxInboundMessageSize() + 1]));
        Status s = raw.status();
        assertNotNull(s);
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, s.getCode());
      }
      GroupedResult r = due(round);
      assertEquals(List.of(1, 2, 3, 4, 5), r.includedParticipants());
      assertEquals(h.sumOf(r.includedParticipants()), r.sum());
      assertCompleted(fs);
      for (String line : grpcLog.text().lines().toList()) {
        assertTrue(line.contains("RESOURCE_EXHAUSTED"), "unexpected gRPC log: " + line);
      }
    }
  }

  @Test
  void refusesPlaintextConnectionAndKeepsWorking() throws Exception {
    try (Harness h = harness()) {
      ManagedChannel plain = ManagedChannelBuilder.forAddress("127.0.0.1", h.server.port()).usePlaintext().build();
      try {
        LinkedBlockingQueue<Status> closed = new LinkedBlockingQueue<>();
        ClientCall<ClientEnvelope, ServerEnvelope> call =
            plain.newCall(SessionProtocol.JOIN, CallOptions.DEFAULT.withDeadlineAfter(PATIENCE_SECONDS, TimeUnit.SECONDS));
        call.start(new ClientCall.Listener<>() {
          @Override
          public void onClose(Status status, Metadata trailers) {
            closed.add(status);
          }
        }, new Metadata());
        call.request(1);
        call.sendMessage(RawClient.hello(1, null, 0));
        call.halfClose();
        Status s = closed.poll(2 * PATIENCE_SECONDS, TimeUnit.SECONDS);
        assertNotNull(s);
        assertNotEquals(Status.Code.OK, s.getCode());
      } finally {
        plain.shutdownNow();
      }
      List<Future<Participation>> fs = joinAll(h, 1, 2, 3, 4, 5);
      GroupedResult r = h.run();
      assertEquals(List.of(1, 2, 3, 4, 5), r.includedParticipants());
      assertCompleted(fs);
    }
  }
}
