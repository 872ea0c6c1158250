package io.secagg.transport.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.transport.grpc.internal.proto.ClientEnvelope;
import io.secagg.transport.grpc.internal.proto.ServerEnvelope;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The server's rules for the start of a stream, and the client's configuration policy. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HelloRulesTest {
  @TempDir Path dir;

  private Harness harness() throws Exception {
    TestPki pki = TestPki.create(dir);
    GroupPlan plan = GroupPlan.single(TestPki.config(5, 16));
    return new Harness(pki, plan, false, SecAggGrpcServer.builder(plan, pki.serverTls(false)).host("127.0.0.1")
        .joinTimeout(Duration.ofSeconds(30)).helloTimeout(Duration.ofSeconds(1)));
  }

  private static Status statusAfter(RawClient<ClientEnvelope> raw, ClientEnvelope... sent) throws Exception {
    for (ClientEnvelope e : sent) {
      raw.send(e);
    }
    Status s = raw.status(10);
    assertNotNull(s, "the stream was not closed");
    return s;
  }

  private static void awaitRoundOpen(Harness h) throws Exception {
    // Probe with participant 5 (used by no other check): a Welcome means the round is open.
    for (int i = 0; i < 100; i++) {
      try (RawClient<ClientEnvelope> probe = RawClient.envelopes(h.server.port(), h.pki.clientTls())) {
        probe.send(RawClient.hello(5, null, 0));
        Object o = probe.next(10);
        if (o instanceof ServerEnvelope) {
          return;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no round opened");
  }

  @Test
  void refusesWhenNoRoundIsOpen() throws Exception {
    try (Harness h = harness(); RawClient<ClientEnvelope> raw = RawClient.envelopes(h.server.port(), h.pki.clientTls())) {
      assertEquals(Status.Code.UNAVAILABLE, statusAfter(raw, RawClient.hello(1, null, 0)).getCode());
    }
  }

  @Test
  void enforcesHelloRules() throws Exception {
    try (Harness h = harness()) {
      Future<GroupedResult> round = h.submit(h::run);
      awaitRoundOpen(h);
      int port = h.server.port();
      ClientTls tls = h.pki.clientTls();
      try (RawClient<ClientEnvelope> raw = RawClient.envelopes(port, tls)) {
        assertEquals(Status.Code.INVALID_ARGUMENT, statusAfter(raw, RawClient.hello(99, null, 0)).getCode());
      }
      try (RawClient<ClientEnvelope> raw = RawClient.envelopes(port, tls)) {
        assertEquals(Status.Code.INVALID_ARGUMENT, statusAfter(raw, RawClient.frame(1, new byte[4])).getCode());
      }
      try (RawClient<ClientEnvelope> raw = RawClient.envelopes(port, tls)) {
        assertEquals(Status.Code.INVALID_ARGUMENT, statusAfter(raw, ClientEnvelope.getDefaultInstance()).getCode());
      }
      try (RawClient<ClientEnvelope> first = RawClient.envelopes(port, tls)) {
        first.send(RawClient.hello(1, null, 0));
        ServerEnvelope welcome = assertInstanceOf(ServerEnvelope.class, first.next(10));
        assertTrue(welcome.hasWelcome());
        assertEquals(32, welcome.getWelcome().getResumeToken().size());
        assertEquals(16, welcome.getWelcome().getRoundId().size());
        try (RawClient<ClientEnvelope> again = RawClient.envelopes(port, tls)) {
          assertEquals(Status.Code.ALREADY_EXISTS, statusAfter(again, RawClient.hello(1, null, 0)).getCode());
        }
        try (RawClient<ClientEnvelope> thief = RawClient.envelopes(port, tls)) {
          assertEquals(Status.Code.PERMISSION_DENIED, statusAfter(thief, RawClient.hello(1, new byte[32], 0)).getCode());
        }
        try (RawClient<ClientEnvelope> shortToken = RawClient.envelopes(port, tls)) {
          assertEquals(Status.Code.INVALID_ARGUMENT, statusAfter(shortToken, RawClient.hello(1, new byte[7], 0)).getCode());
        }
        byte[] token = welcome.getWelcome().getResumeToken().toByteArray();
        try (RawClient<ClientEnvelope> ahead = RawClient.envelopes(port, tls)) {
          assertEquals(Status.Code.FAILED_PRECONDITION, statusAfter(ahead, RawClient.hello(1, token, 1000)).getCode());
        }
        try (RawClient<ClientEnvelope> never = RawClient.envelopes(port, tls)) {
          assertEquals(Status.Code.FAILED_PRECONDITION, statusAfter(never, RawClient.hello(2, new byte[32], 0)).getCode());
        }
        assertEquals(Status.Code.INVALID_ARGUMENT, statusAfter(first, RawClient.hello(1, null, 0)).getCode());
      }
      try (RawClient<ClientEnvelope> gap = RawClient.envelopes(port, tls)) {
        gap.send(RawClient.hello(3, null, 0));
        assertInstanceOf(ServerEnvelope.class, gap.next(10));
        assertEquals(Status.Code.FAILED_PRECONDITION, statusAfter(gap, RawClient.frame(2, new byte[4])).getCode());
      }
      try (RawClient<ClientEnvelope> silent = RawClient.envelopes(port, tls)) {
        Status s = silent.status(10);
        assertNotNull(s);
        assertEquals(Status.Code.DEADLINE_EXCEEDED, s.getCode());
      }
      h.server.close();
      assertNotNull(round.get(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void clientRejectsConfigurationThatBreaksItsPolicy() throws Exception {
    SecAggConfig minority = SecAggConfig.builder().clientCount(5).threshold(2).vectorLength(16).modulus(TestPki.M)
        .completeGraph().build();
    TestPki pki = TestPki.create(dir);
    GroupPlan plan = GroupPlan.single(minority);
    try (Harness h = new Harness(pki, plan, false, Duration.ofSeconds(30), Duration.ofSeconds(10))) {
      Future<GroupedResult> round = h.submit(h::run);
      try (SecAggGrpcClient c = h.client(1).build()) {
        ConfigRejectedException e = assertThrows(ConfigRejectedException.class, () -> c.participate(h.inputs.get(0)));
        assertTrue(e.getMessage().contains("majority"), e.getMessage());
      }
      try (SecAggGrpcClient c = h.client(2).policy(ConfigPolicy.builder().requireMajorityThreshold(false)
          .vectorLength(17).build()).build()) {
        ConfigRejectedException e = assertThrows(ConfigRejectedException.class, () -> c.participate(h.inputs.get(1)));
        assertTrue(e.getMessage().contains("length"), e.getMessage());
      }
      h.server.close();
      round.get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aDecliningClientTellsTheServerSoTheRoundNeedNotWaitForIt() throws Exception {
    TestPki pki = TestPki.create(dir);
    GroupPlan plan = GroupPlan.single(TestPki.config(5, 16));
    try (Harness h = new Harness(pki, plan, false, Duration.ofSeconds(30), Duration.ofSeconds(10))) {
      java.util.List<Future<Participation>> fs = new java.util.ArrayList<>();
      for (int p = 1; p <= 4; p++) {
        fs.add(h.join(p));
      }
      Future<Participation> declining = h.join(h.client(5).policy(ConfigPolicy.builder().vectorLength(17).build()), 5);
      GroupedResult r = h.run();
      java.util.concurrent.ExecutionException e =
          assertThrows(java.util.concurrent.ExecutionException.class, () -> declining.get(10, TimeUnit.SECONDS));
      assertInstanceOf(ConfigRejectedException.class, e.getCause());
      assertEquals(java.util.List.of(1, 2, 3, 4), r.includedParticipants());
      java.util.List<io.secagg.core.protocol.Dropout> dropouts = r.groups().get(0).result().dropouts();
      assertEquals(1, dropouts.size(), dropouts.toString());
      assertEquals(5, dropouts.get(0).clientId());
      // Dropped on its notice (not for silence at the 30 s join deadline).
      assertEquals(io.secagg.core.protocol.Dropout.Cause.CLIENT_ABORTED, dropouts.get(0).cause());
      for (Future<Participation> f : fs) {
        assertTrue(f.get(10, TimeUnit.SECONDS).completed());
      }
    }
  }

  @Test
  void clientGivesUpWhenNoRoundOpensWithinItsConnectWindow() throws Exception {
    try (Harness h = harness();
        SecAggGrpcClient c = h.client(1).connectWindow(Duration.ofMillis(700)).build()) {
      java.io.IOException e = assertThrows(java.io.IOException.class, () -> c.participate(h.inputs.get(0)));
      assertTrue(e.getMessage().contains("UNAVAILABLE"), e.getMessage());
    }
  }

  @Test
  void refusedClientSeesAlreadyExists() throws Exception {
    try (Harness h = harness()) {
      Future<GroupedResult> round = h.submit(h::run);
      awaitRoundOpen(h); // participant 5 has now joined
      try (SecAggGrpcClient c = h.client(5).build()) {
        SessionRefusedException e = assertThrows(SessionRefusedException.class, () -> c.participate(h.inputs.get(4)));
        assertEquals("ALREADY_EXISTS", e.status());
      }
      h.server.close();
      assertTrue(!round.get(10, TimeUnit.SECONDS).allGroupsCompleted());
    }
  }
}
