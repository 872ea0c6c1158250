package io.secagg.transport.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static io.secagg.transport.grpc.Harness.PATIENCE_SECONDS;
import static io.secagg.transport.grpc.Harness.due;

import io.grpc.Status;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.session.ConfigPolicy;
import io.secagg.core.session.ConfigRejectedException;
import io.secagg.core.session.GroupPlan;
import io.secagg.core.session.GroupedResult;
import io.secagg.transport.grpc.internal.proto.ClientEnvelope;
import io.secagg.transport.grpc.internal.proto.ServerEnvelope;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's rules for the start of a stream, and the client's configuration policy. Every
 * server here has generous deadlines (a slow machine cannot turn an expected refusal into a
 * timeout), except the one that checks the hello timeout itself.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class HelloRulesTest {
  @TempDir Path dir;

  private Harness harness() throws Exception {
    return new Harness(TestPki.create(dir), GroupPlan.single(TestPki.config(5, 16)), false);
  }

  private static Status statusAfter(RawClient<ClientEnvelope> raw, ClientEnvelope... sent) throws Exception {
    for (ClientEnvelope e : sent) {
      raw.send(e);
    }
    Status s = raw.status();
    assertNotNull(s, "the stream was not closed");
    return s;
  }

  /** Waits until the server's round is open, then joins participant 5 (used by no other check). */
  private static void awaitRoundOpen(Harness h) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
    while (h.server.currentRound() == null) {
      if (System.nanoTime() - end > 0) {
        throw new AssertionError("no round opened");
      }
      Thread.sleep(10);
    }
    try (RawClient<ClientEnvelope> probe = RawClient.envelopes(h.server.port(), h.pki.clientTls())) {
      probe.send(RawClient.hello(5, null, 0));
      ServerEnvelope welcome = assertInstanceOf(ServerEnvelope.class, probe.next());
      assertTrue(welcome.hasWelcome());
    }
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
        ServerEnvelope welcome = assertInstanceOf(ServerEnvelope.class, first.next());
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
        assertInstanceOf(ServerEnvelope.class, gap.next());
        assertEquals(Status.Code.FAILED_PRECONDITION, statusAfter(gap, RawClient.frame(2, new byte[4])).getCode());
      }
      h.server.close();
      assertNotNull(due(round));
    }
  }

  @Test
  void reportsEveryRefusedStreamButNotARetryBeforeTheRoundOpens() throws Exception {
    TestPki pki = TestPki.create(dir);
    GroupPlan plan = GroupPlan.single(TestPki.config(5, 16));
    java.util.List<String> refusals = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    SecAggGrpcServer.Builder server = Harness.server(pki, plan, false).listener(new ServerListener() {
      @Override
      public void streamRefused(int participant, String status, String reason) {
        refusals.add(participant + " " + status + " " + reason);
      }
    });
    try (Harness h = new Harness(pki, plan, false, server)) {
      ClientTls tls = h.pki.clientTls();
      try (RawClient<ClientEnvelope> early = RawClient.envelopes(h.server.port(), tls)) {
        assertEquals(Status.Code.UNAVAILABLE, statusAfter(early, RawClient.hello(1, null, 0)).getCode());
      }
      Future<GroupedResult> round = h.submit(h::run);
      awaitRoundOpen(h); // participant 5 joins
      try (RawClient<ClientEnvelope> raw = RawClient.envelopes(h.server.port(), tls)) {
        statusAfter(raw, RawClient.hello(99, null, 0));
      }
      try (RawClient<ClientEnvelope> raw = RawClient.envelopes(h.server.port(), tls)) {
        statusAfter(raw, RawClient.hello(5, null, 0));
      }
      h.server.close();
      due(round);
      assertEquals(java.util.List.of(
          "0 INVALID_ARGUMENT unknown participant 99; this server has 1..5",
          "5 ALREADY_EXISTS participant 5 has already joined this round"), refusals);
    }
  }

  @Test
  void closesAStreamThatSendsNoHelloWithinTheHelloTimeout() throws Exception {
    TestPki pki = TestPki.create(dir);
    GroupPlan plan = GroupPlan.single(TestPki.config(5, 16));
    try (Harness h = new Harness(pki, plan, false,
            Harness.server(pki, plan, false).helloTimeout(Duration.ofMillis(500)));
        RawClient<ClientEnvelope> silent = RawClient.envelopes(h.server.port(), pki.clientTls())) {
      Status s = silent.status();
      assertNotNull(s);
      assertEquals(Status.Code.DEADLINE_EXCEEDED, s.getCode());
    }
  }

  @Test
  void clientRejectsConfigurationThatBreaksItsPolicy() throws Exception {
    SecAggConfig minority = SecAggConfig.builder().clientCount(5).threshold(2).vectorLength(16).modulus(TestPki.M)
        .completeGraph().build();
    TestPki pki = TestPki.create(dir);
    GroupPlan plan = GroupPlan.single(minority);
    try (Harness h = new Harness(pki, plan, false)) {
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
      due(round);
    }
  }

  @Test
  void aDecliningClientTellsTheServerSoTheRoundNeedNotWaitForIt() throws Exception {
    TestPki pki = TestPki.create(dir);
    GroupPlan plan = GroupPlan.single(TestPki.config(5, 16));
    try (Harness h = new Harness(pki, plan, false)) {
      java.util.List<Future<Participation>> fs = new java.util.ArrayList<>();
      for (int p = 1; p <= 4; p++) {
        fs.add(h.join(p));
      }
      Future<Participation> declining = h.join(h.client(5).policy(ConfigPolicy.builder().vectorLength(17).build()), 5);
      GroupedResult r = h.run();
      java.util.concurrent.ExecutionException e =
          assertThrows(java.util.concurrent.ExecutionException.class, () -> due(declining));
      assertInstanceOf(ConfigRejectedException.class, e.getCause());
      assertEquals(java.util.List.of(1, 2, 3, 4), r.includedParticipants());
      java.util.List<io.secagg.core.protocol.Dropout> dropouts = r.groups().get(0).result().dropouts();
      assertEquals(1, dropouts.size(), dropouts.toString());
      assertEquals(5, dropouts.get(0).clientId());
      // Dropped on its notice (not for silence at the join deadline, minutes away).
      assertEquals(io.secagg.core.protocol.Dropout.Cause.CLIENT_ABORTED, dropouts.get(0).cause());
      for (Future<Participation> f : fs) {
        assertTrue(due(f).completed());
      }
    }
  }

  @Test
  void clientGivesUpWhenNoRoundOpensWithinItsConnectWindow() throws Exception {
    try (Harness h = harness();
        SecAggGrpcClient c = h.client(1).connectWindow(Duration.ofSeconds(2)).build()) {
      java.io.IOException e = assertThrows(java.io.IOException.class, () -> c.participate(h.inputs.get(0)));
      assertTrue(e.getMessage().startsWith("could not join within the connect window"), e.getMessage());
      // On a machine too slow to finish one handshake within the window no status has come back;
      // any status that did is the server's "no round is open".
      if (e.getMessage().contains("last status")) {
        assertTrue(e.getMessage().contains("UNAVAILABLE"), e.getMessage());
      }
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
      assertTrue(!due(round).allGroupsCompleted());
    }
  }
}
