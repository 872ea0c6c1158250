package io.secagg.transport.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static io.secagg.transport.grpc.Harness.PATIENCE_SECONDS;
import static io.secagg.transport.grpc.Harness.due;
import static io.secagg.transport.grpc.Harness.expireWhenQueued;

import io.secagg.core.session.GroupPlan;
import io.secagg.core.session.GroupedResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Mutual TLS: the participant's id comes from its certificate. */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class MutualTlsTest {
  @TempDir Path dir;

  @Test
  void takesParticipantIdsFromClientCertificates() throws Exception {
    Map<Integer, Integer> connected = new ConcurrentHashMap<>();
    TestPki pki = TestPki.create(dir);
    GroupPlan plan = GroupPlan.single(TestPki.config(5, 50));
    SecAggGrpcServer.Builder b = Harness.server(pki, plan, true)
        .listener(new ServerListener() {
          @Override
          public void participantConnected(int participant, int group, int clientId) {
            connected.put(participant, clientId);
          }
        });
    try (Harness h = new Harness(pki, plan, true, b)) {
      List<Future<Participation>> fs = new ArrayList<>();
      for (int p = 1; p <= 5; p++) {
        fs.add(h.join(p));
      }
      GroupedResult r = h.run();
      assertEquals(List.of(1, 2, 3, 4, 5), r.includedParticipants());
      assertEquals(h.sumOf(r.includedParticipants()), r.sum());
      assertEquals(Map.of(1, 1, 2, 2, 3, 3, 4, 4, 5, 5), connected);
      for (Future<Participation> f : fs) {
        assertTrue(due(f).completed());
      }
    }
  }

  @Test
  void refusesClientWhoseCertificateNamesAnotherParticipant() throws Exception {
    TestPki pki = TestPki.create(dir);
    GroupPlan plan = GroupPlan.single(TestPki.config(5, 50));
    List<String> refusals = Collections.synchronizedList(new ArrayList<>());
    // The join ends once participants 1..4 have joined: participant 5 never does.
    SecAggGrpcServer.Builder server = Harness.server(pki, plan, true).hooks(expireWhenQueued(1, 1, 2, 3, 4))
        .listener(new ServerListener() {
          @Override
          public void streamRefused(int participant, String status, String reason) {
            refusals.add(participant + " " + status + " " + reason);
          }
        });
    try (Harness h = new Harness(pki, plan, true, server)) {
      List<Future<Participation>> fs = new ArrayList<>();
      for (int p = 1; p <= 4; p++) {
        fs.add(h.join(p));
      }
      // Claims to be participant 5 with a certificate for participant 4.
      Future<Participation> impostor = h.join(
          SecAggGrpcClient.builder("127.0.0.1", h.server.port(), pki.clientTls(4)).participantId(5)
              .connectWindow(Harness.GENEROUS), 5);
      GroupedResult r = h.run();
      ExecutionException e = assertThrows(ExecutionException.class, () -> due(impostor));
      SessionRefusedException refused = assertInstanceOf(SessionRefusedException.class, e.getCause());
      assertEquals("PERMISSION_DENIED", refused.status());
      assertEquals(List.of("4 PERMISSION_DENIED the client certificate names participant 4, not 5"), refusals);
      assertTrue(r.allGroupsCompleted());
      assertEquals(List.of(1, 2, 3, 4), r.includedParticipants());
      assertEquals(h.sumOf(List.of(1, 2, 3, 4)), r.sum());
      for (Future<Participation> f : fs) {
        assertTrue(due(f).completed());
      }
    }
  }

  @Test
  void clientWithoutCertificateFailsTheHandshake() throws Exception {
    TestPki pki = TestPki.create(dir);
    GroupPlan plan = GroupPlan.single(TestPki.config(5, 50));
    try (Harness h = new Harness(pki, plan, true);
        // A connect window far longer than the test's timeout: only a refusal to retry ends it.
        SecAggGrpcClient c = SecAggGrpcClient.builder("127.0.0.1", h.server.port(), pki.clientTls())
            .participantId(1).connectWindow(Duration.ofMinutes(30)).build()) {
      TlsHandshakeException e = assertThrows(TlsHandshakeException.class, () -> c.participate(h.inputs.get(0)));
      assertEquals(TlsHandshakeException.Problem.CLIENT_CERTIFICATE_REQUIRED, e.problem(), e.getMessage());
      assertTrue(e.getMessage().contains("the server requires a client certificate"), e.getMessage());
    }
  }

  @Test
  void certificateFromAnotherAuthorityIsRefusedAndReportedOnBothSides(@TempDir Path otherDir) throws Exception {
    TestPki pki = TestPki.create(dir);
    TestPki other = TestPki.create(otherDir);
    GroupPlan plan = GroupPlan.single(TestPki.config(5, 50));
    List<String> refused = Collections.synchronizedList(new ArrayList<>());
    SecAggGrpcServer.Builder server = Harness.server(pki, plan, true).listener(new ServerListener() {
      @Override
      public void clientCertificateRefused(int participant, String reason) {
        refused.add(participant + " " + reason);
      }
    });
    // Trusts the right server, but its own certificate (for participant 1) is from another CA.
    Path[] files = other.participantFiles(1);
    ClientTls foreign = pki.clientTls().withClientCertificate(files[0], files[1]);
    try (Harness h = new Harness(pki, plan, true, server);
        SecAggGrpcClient c = SecAggGrpcClient.builder("127.0.0.1", h.server.port(), foreign)
            .participantId(1).connectWindow(Duration.ofMinutes(30)).build()) {
      TlsHandshakeException e = assertThrows(TlsHandshakeException.class, () -> c.participate(h.inputs.get(0)));
      assertEquals(TlsHandshakeException.Problem.CLIENT_CERTIFICATE_REFUSED, e.problem(), e.getMessage());
      assertFalse(refused.isEmpty(), "the server reported nothing");
      assertTrue(refused.get(0).startsWith("1 the client's certificate does not chain to the client authority ("),
          refused.toString());
    }
  }

  @Test
  void clientThatDoesNotTrustTheServerFailsAtOnceWithTheReason(@TempDir Path otherDir) throws Exception {
    TestPki pki = TestPki.create(dir);
    TestPki stranger = TestPki.create(otherDir);
    GroupPlan plan = GroupPlan.single(TestPki.config(5, 50));
    try (Harness h = new Harness(pki, plan, false);
        // A connect window far longer than the test's timeout: only a refusal to retry ends it.
        SecAggGrpcClient c = SecAggGrpcClient.builder("127.0.0.1", h.server.port(), stranger.clientTls())
            .participantId(1).connectWindow(Duration.ofMinutes(30)).build()) {
      TlsHandshakeException e = assertThrows(TlsHandshakeException.class, () -> c.participate(h.inputs.get(0)));
      assertEquals(TlsHandshakeException.Problem.SERVER_NOT_TRUSTED, e.problem(), e.getMessage());
      assertTrue(e.getMessage().startsWith("TLS handshake with 127.0.0.1:" + h.server.port() + " failed: the server's"
          + " certificate is not issued by the authority this client trusts"), e.getMessage());
    }
  }

  @Test
  void certifiedParticipantMayJoinAgainIfItLostItsStreamBeforeSendingAnything() throws Exception {
    TestPki pki = TestPki.create(dir);
    GroupPlan plan = GroupPlan.single(TestPki.config(5, 50));
    try (Harness h = new Harness(pki, plan, true)) {
      Future<GroupedResult> round = h.submit(h::run);
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
      while (h.server.currentRound() == null) {
        assertTrue(System.nanoTime() - end < 0, "no round opened");
        Thread.sleep(10);
      }
      // Participant 5 joins, receives its Welcome, then its connection dies before it answers:
      // it never learnt to keep its token, so it comes back with a first Hello.
      try (RawClient<io.secagg.transport.grpc.internal.proto.ClientEnvelope> lost =
          RawClient.envelopes(h.server.port(), pki.clientTls(5))) {
        lost.send(RawClient.hello(5, null, 0));
        Object o = lost.next();
        assertTrue(o instanceof io.secagg.transport.grpc.internal.proto.ServerEnvelope
            && ((io.secagg.transport.grpc.internal.proto.ServerEnvelope) o).hasWelcome(), String.valueOf(o));
      }
      List<Future<Participation>> fs = new ArrayList<>();
      for (int p = 1; p <= 5; p++) {
        fs.add(h.join(p));
      }
      GroupedResult r = due(round);
      assertEquals(List.of(1, 2, 3, 4, 5), r.includedParticipants());
      assertEquals(h.sumOf(r.includedParticipants()), r.sum());
      for (Future<Participation> f : fs) {
        assertTrue(due(f).completed());
      }
    }
  }
}
