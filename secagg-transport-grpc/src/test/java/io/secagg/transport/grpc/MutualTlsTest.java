package io.secagg.transport.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MutualTlsTest {
  @TempDir Path dir;

  @Test
  void takesParticipantIdsFromClientCertificates() throws Exception {
    Map<Integer, Integer> connected = new ConcurrentHashMap<>();
    TestPki pki = TestPki.create(dir);
    GroupPlan plan = GroupPlan.single(TestPki.config(5, 50));
    SecAggGrpcServer.Builder b = SecAggGrpcServer.builder(plan, pki.serverTls(true)).host("127.0.0.1")
        .joinTimeout(Duration.ofSeconds(20)).roundTimeout(Duration.ofSeconds(10))
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
        assertTrue(f.get(10, TimeUnit.SECONDS).completed());
      }
    }
  }

  @Test
  void refusesClientWhoseCertificateNamesAnotherParticipant() throws Exception {
    TestPki pki = TestPki.create(dir);
    GroupPlan plan = GroupPlan.single(TestPki.config(5, 50));
    try (Harness h = new Harness(pki, plan, true, Duration.ofSeconds(3), Duration.ofSeconds(10))) {
      List<Future<Participation>> fs = new ArrayList<>();
      for (int p = 1; p <= 4; p++) {
        fs.add(h.join(p));
      }
      // Claims to be participant 5 with a certificate for participant 4.
      Future<Participation> impostor = h.join(
          SecAggGrpcClient.builder("127.0.0.1", h.server.port(), pki.clientTls(4)).participantId(5)
              .connectWindow(Duration.ofSeconds(10)), 5);
      GroupedResult r = h.run();
      ExecutionException e = assertThrows(ExecutionException.class, () -> impostor.get(10, TimeUnit.SECONDS));
      SessionRefusedException refused = assertInstanceOf(SessionRefusedException.class, e.getCause());
      assertEquals("PERMISSION_DENIED", refused.status());
      assertTrue(r.allGroupsCompleted());
      assertEquals(List.of(1, 2, 3, 4), r.includedParticipants());
      assertEquals(h.sumOf(List.of(1, 2, 3, 4)), r.sum());
      for (Future<Participation> f : fs) {
        assertTrue(f.get(10, TimeUnit.SECONDS).completed());
      }
    }
  }

  @Test
  void clientWithoutCertificateFailsTheHandshake() throws Exception {
    TestPki pki = TestPki.create(dir);
    GroupPlan plan = GroupPlan.single(TestPki.config(5, 50));
    try (Harness h = new Harness(pki, plan, true, Duration.ofSeconds(3), Duration.ofSeconds(10));
        SecAggGrpcClient c = SecAggGrpcClient.builder("127.0.0.1", h.server.port(), pki.clientTls())
            .participantId(1).connectWindow(Duration.ofSeconds(1)).build()) {
      IOException e = assertThrows(IOException.class, () -> c.participate(h.inputs.get(0)));
      assertFalse(e instanceof SessionRefusedException, "a failed handshake is not a refusal: " + e);
    }
  }
}
