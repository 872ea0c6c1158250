package io.secagg.transport.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.protocol.Dropout;
import io.secagg.core.protocol.LeaveReason;
import io.secagg.core.protocol.Round;
import io.secagg.core.session.GroupPlan;
import io.secagg.core.session.GroupedResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dropout without waiting: a participant whose stream breaks and is not resumed within the
 * resume grace is counted as gone at once. The round timeout is a day, so a round can only
 * complete because the departure was reported; no timing is asserted (the class timeout only
 * keeps a broken build from hanging).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DepartureTest {
  private static final int N = 5;
  @TempDir Path dir;

  private static List<Future<Participation>> joinFirstFour(Harness h) throws Exception {
    List<Future<Participation>> fs = new ArrayList<>();
    for (int id = 1; id < N; id++) {
      fs.add(h.join(id));
    }
    return fs;
  }

  @Test
  void aKilledParticipantCostsTheResumeGraceNotTheRoundTimeout() throws Exception {
    List<String> left = new CopyOnWriteArrayList<>();
    GroupPlan plan = GroupPlan.single(TestPki.config(N, 64));
    TestPki pki = TestPki.create(dir);
    SecAggGrpcServer.Builder b = SecAggGrpcServer.builder(plan, pki.serverTls(false)).host("127.0.0.1")
        .joinTimeout(Duration.ofDays(1)).roundTimeout(Duration.ofDays(1)).resumeGrace(Duration.ofMillis(200))
        .listener(new ServerListener() {
          @Override
          public void participantLeft(int participant, LeaveReason reason) {
            left.add(participant + " " + reason);
          }
        });
    try (Harness h = new Harness(pki, plan, false, b)) {
      List<Future<Participation>> fs = joinFirstFour(h);
      Future<Participation> killed = h.joinDyingAfter(5, 2); // after its ShareKeys message
      GroupedResult r = h.run();
      assertTrue(r.allGroupsCompleted());
      assertEquals(List.of(1, 2, 3, 4), r.includedParticipants());
      assertEquals(h.sumOf(List.of(1, 2, 3, 4)), r.sum());
      // Its last frame may or may not have left before the channel died, so it is counted gone
      // in round 1 or round 2; either way as a disconnection, not a missed deadline.
      List<Dropout> dropouts = r.groups().get(0).result().dropouts();
      assertEquals(1, dropouts.size(), dropouts::toString);
      Dropout d = dropouts.get(0);
      assertEquals(5, d.clientId());
      assertEquals(Dropout.Cause.DISCONNECTED, d.cause());
      assertEquals(LeaveReason.STREAM_CANCELLED, d.leaveReason());
      assertTrue(d.round() == Round.SHARE_KEYS || d.round() == Round.MASKED_INPUT_COLLECTION, d::toString);
      assertTrue(left.contains("5 STREAM_CANCELLED"), left::toString);
      assertThrows(ExecutionException.class, () -> killed.get(60, TimeUnit.SECONDS));
      for (Future<Participation> f : fs) {
        assertTrue(f.get(60, TimeUnit.SECONDS).completed());
      }
    }
  }

  @Test
  void aParticipantThatDeclinesIsDroppedAtOnceWithoutAnyDeadline() throws Exception {
    GroupPlan plan = GroupPlan.single(TestPki.config(N, 64));
    TestPki pki = TestPki.create(dir);
    SecAggGrpcServer.Builder b = SecAggGrpcServer.builder(plan, pki.serverTls(false)).host("127.0.0.1")
        .joinTimeout(Duration.ofDays(1)).roundTimeout(Duration.ofDays(1));
    try (Harness h = new Harness(pki, plan, false, b)) {
      List<Future<Participation>> fs = joinFirstFour(h);
      // Participant 5 refuses sessions of more than 4 clients: it declines and ends its stream.
      Future<Participation> declined = h.join(h.client(5).policy(
          io.secagg.core.session.ConfigPolicy.builder().maxClients(4).build()), 5);
      GroupedResult r = h.run();
      assertEquals(List.of(1, 2, 3, 4), r.includedParticipants());
      Dropout d = r.groups().get(0).result().dropouts().get(0);
      assertEquals(5, d.clientId());
      assertEquals(Dropout.Cause.CLIENT_ABORTED, d.cause());
      ExecutionException e = assertThrows(ExecutionException.class, () -> declined.get(60, TimeUnit.SECONDS));
      assertTrue(e.getCause() instanceof io.secagg.core.session.ConfigRejectedException, e.getCause()::toString);
      for (Future<Participation> f : fs) {
        assertTrue(f.get(60, TimeUnit.SECONDS).completed());
      }
    }
  }

  @Test
  void rejectsANegativeResumeGrace() throws Exception {
    GroupPlan plan = GroupPlan.single(TestPki.config(N, 64));
    SecAggGrpcServer.Builder b = SecAggGrpcServer.builder(plan, TestPki.create(dir).serverTls(false));
    assertThrows(IllegalArgumentException.class, () -> b.resumeGrace(Duration.ofMillis(-1)));
    assertThrows(NullPointerException.class, () -> b.resumeGrace(null));
  }
}
