package io.secagg.transport.grpc;

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
import io.secagg.transport.grpc.internal.SessionProtocol;
import io.secagg.transport.grpc.internal.proto.ClientEnvelope;
import io.secagg.transport.grpc.internal.proto.ServerEnvelope;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Faulty and hostile participants: each is contained, and the round completes without it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RobustnessTest {
  private static final int N = 5;
  @TempDir Path dir;

  private Harness harness(Duration join, Duration round) throws Exception {
    return new Harness(TestPki.create(dir), GroupPlan.single(TestPki.config(N, 64)), false, join, round);
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
      assertTrue(f.get(20, TimeUnit.SECONDS).completed());
    }
  }

  @Test
  void recoversFromClientKilledAfterSharingKeys() throws Exception {
    try (Harness h = harness(Duration.ofSeconds(20), Duration.ofSeconds(2))) {
      List<Future<Participation>> fs = joinAll(h, 1, 2, 3, 4);
      // Frame 2 is the client's ShareKeys message: it dies before its masked input.
      Future<Participation> killed = h.join(h.client(5).hooks(new ClientHooks() {
        @Override
        public boolean dieAfterSend(long seq) {
          return seq == 2;
        }
      }), 5);
      GroupedResult r = h.run();
      assertTrue(r.allGroupsCompleted());
      assertEquals(List.of(1, 2, 3, 4), r.includedParticipants());
      assertEquals(h.sumOf(List.of(1, 2, 3, 4)), r.sum());
      assertEquals(1, r.groups().get(0).result().dropouts().size());
      assertThrows(ExecutionException.class, () -> killed.get(10, TimeUnit.SECONDS));
      assertCompleted(fs);
    }
  }

  @Test
  void dropsClientPastTheDeadline() throws Exception {
    try (Harness h = harness(Duration.ofSeconds(20), Duration.ofSeconds(2))) {
      List<Future<Participation>> fs = joinAll(h, 1, 2, 3, 4);
      Future<Participation> late = h.join(h.client(5).hooks(new ClientHooks() {
        @Override
        public void beforeSend(long seq) throws InterruptedException {
          if (seq == 3) { // the masked input, held back beyond the round timeout
            Thread.sleep(3_500);
          }
        }
      }), 5);
      GroupedResult r = h.run();
      assertEquals(List.of(1, 2, 3, 4), r.includedParticipants());
      assertEquals(h.sumOf(List.of(1, 2, 3, 4)), r.sum());
      assertFalse(late.get(20, TimeUnit.SECONDS).completed());
      assertCompleted(fs);
    }
  }

  @Test
  void closesStreamOfGarbageBytesAndCompletesTheRound() throws Exception {
    try (Harness h = harness(Duration.ofSeconds(20), Duration.ofSeconds(10))) {
      List<Future<Participation>> fs = joinAll(h, 1, 2, 3, 4, 5);
      Future<GroupedResult> round = h.submit(h::run);
      try (RawClient<byte[]> raw = RawClient.bytes(h.server.port(), h.pki.clientTls())) {
        raw.send(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07, 0x00, 0x13});
        Status s = raw.status(10);
        assertNotNull(s);
        assertNotEquals(Status.Code.OK, s.getCode());
      }
      GroupedResult r = round.get(30, TimeUnit.SECONDS);
      assertEquals(List.of(1, 2, 3, 4, 5), r.includedParticipants());
      assertEquals(h.sumOf(r.includedParticipants()), r.sum());
      assertCompleted(fs);
    }
  }

  @Test
  void excludesParticipantWhosePayloadIsNotASecaggFrame() throws Exception {
    try (Harness h = harness(Duration.ofSeconds(20), Duration.ofSeconds(10))) {
      List<Future<Participation>> fs = joinAll(h, 1, 2, 3, 4);
      Future<GroupedResult> round = h.submit(h::run);
      try (RawClient<ClientEnvelope> raw = RawClient.envelopes(h.server.port(), h.pki.clientTls())) {
        raw.send(RawClient.hello(5, null, 0));
        assertInstanceOf(ServerEnvelope.class, raw.next(10));
        raw.send(RawClient.frame(1, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
        GroupedResult r = round.get(30, TimeUnit.SECONDS);
        assertTrue(r.allGroupsCompleted());
        assertEquals(List.of(1, 2, 3, 4), r.includedParticipants());
        assertEquals(h.sumOf(r.includedParticipants()), r.sum());
      }
      assertCompleted(fs);
    }
  }

  @Test
  void rejectsOversizedMessageWithoutAffectingTheRound() throws Exception {
    try (Harness h = harness(Duration.ofSeconds(20), Duration.ofSeconds(10))) {
      List<Future<Participation>> fs = joinAll(h, 1, 2, 3, 4, 5);
      Future<GroupedResult> round = h.submit(h::run);
      try (RawClient<ClientEnvelope> raw = RawClient.envelopes(h.server.port(), h.pki.clientTls())) {
        raw.send(RawClient.frame(1, new byte[h.server.maxInboundMessageSize() + 1]));
        Status s = raw.status(10);
        assertNotNull(s);
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, s.getCode());
      }
      GroupedResult r = round.get(30, TimeUnit.SECONDS);
      assertEquals(List.of(1, 2, 3, 4, 5), r.includedParticipants());
      assertEquals(h.sumOf(r.includedParticipants()), r.sum());
      assertCompleted(fs);
    }
  }

  @Test
  void refusesPlaintextConnectionAndKeepsWorking() throws Exception {
    try (Harness h = harness(Duration.ofSeconds(20), Duration.ofSeconds(10))) {
      ManagedChannel plain = ManagedChannelBuilder.forAddress("127.0.0.1", h.server.port()).usePlaintext().build();
      try {
        LinkedBlockingQueue<Status> closed = new LinkedBlockingQueue<>();
        ClientCall<ClientEnvelope, ServerEnvelope> call =
            plain.newCall(SessionProtocol.JOIN, CallOptions.DEFAULT.withDeadlineAfter(5, TimeUnit.SECONDS));
        call.start(new ClientCall.Listener<>() {
          @Override
          public void onClose(Status status, Metadata trailers) {
            closed.add(status);
          }
        }, new Metadata());
        call.request(1);
        call.sendMessage(RawClient.hello(1, null, 0));
        call.halfClose();
        Status s = closed.poll(10, TimeUnit.SECONDS);
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
