package io.secagg.transport.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static io.secagg.transport.grpc.Harness.due;
import static io.secagg.transport.grpc.Harness.expireWhenQueued;

import io.secagg.core.protocol.AbortReason;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.session.GroupOutcome;
import io.secagg.core.session.GroupPlan;
import io.secagg.core.session.GroupedResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Grouped aggregation: groups run concurrently and the server adds their sums. */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class GroupedRoundTest {
  @TempDir Path dir;

  private static GroupPlan twelveInThreeGroups() {
    return GroupPlan.split(12, 5, g -> SecAggConfig.builder().clientCount(g.size()).threshold(3)
        .vectorLength(40).modulus(TestPki.M).completeGraph().build());
  }

  private static List<Integer> range(int from, int to) {
    return IntStream.rangeClosed(from, to).boxed().collect(Collectors.toList());
  }

  @Test
  void addsTheSumsOfThreeGroupsOfFour() throws Exception {
    GroupPlan plan = twelveInThreeGroups();
    try (Harness h = new Harness(TestPki.create(dir), plan, false)) {
      List<Future<Participation>> fs = new ArrayList<>();
      for (int p = 1; p <= 12; p++) {
        fs.add(h.join(p));
      }
      GroupedResult r = h.run();
      assertTrue(r.allGroupsCompleted());
      assertEquals(range(1, 12), r.includedParticipants());
      assertEquals(h.sumOf(range(1, 12)), r.sum());
      assertEquals(3, r.groups().size());
      for (int g = 0; g < 3; g++) {
        GroupOutcome o = r.groups().get(g);
        assertEquals(g, o.group());
        assertEquals(4, o.size());
        assertEquals(4 * g + 1, o.firstParticipant());
        assertEquals(range(4 * g + 1, 4 * g + 4), o.includedParticipants());
        assertEquals(List.of(1, 2, 3, 4), o.result().includedClients());
        assertEquals(h.sumOf(o.includedParticipants()), o.result().sum());
        assertEquals(Optional.empty(), o.abortReason());
      }
      for (int p = 1; p <= 12; p++) {
        Participation part = due(fs.get(p - 1));
        assertTrue(part.completed());
        assertEquals(plan.groupOf(p), part.group());
        assertEquals(plan.clientIdOf(p), part.clientId());
        assertEquals(4, part.config().clientCount());
      }
    }
  }

  @Test
  void abortedGroupLeavesTheOtherGroupsSumsIntact() throws Exception {
    GroupPlan plan = twelveInThreeGroups();
    // Group 1 (participants 5..8) keeps 2 < t = 3: its join ends once 5 and 8 have joined.
    try (Harness h = new Harness(TestPki.create(dir), plan, false, expireWhenQueued(1, 5, 8))) {
      List<Integer> joined = new ArrayList<>();
      List<Future<Participation>> fs = new ArrayList<>();
      for (int p = 1; p <= 12; p++) {
        if (p != 6 && p != 7) {
          joined.add(p);
          fs.add(h.join(p));
        }
      }
      GroupedResult r = h.run();
      assertFalse(r.allGroupsCompleted());
      GroupOutcome aborted = r.groups().get(1);
      assertFalse(aborted.completed());
      assertEquals(Optional.of(AbortReason.TOO_FEW_SURVIVORS), aborted.abortReason());
      assertEquals(List.of(), aborted.includedParticipants());
      assertThrows(IllegalStateException.class, aborted::result);
      List<Integer> expected = new ArrayList<>(range(1, 4));
      expected.addAll(range(9, 12));
      assertEquals(expected, r.includedParticipants());
      assertEquals(h.sumOf(expected), r.sum());
      for (int i = 0; i < fs.size(); i++) {
        int p = joined.get(i);
        Participation part = due(fs.get(i));
        assertEquals(p != 5 && p != 8, part.completed(), part.toString());
      }
    }
  }
}
