package io.secagg.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.protocol.AbortReason;
import io.secagg.core.protocol.AggregationResult;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupPlanTest {
  private static final Modulus M = Modulus.powerOfTwo(32);

  private static SecAggConfig config(int n, int length, Modulus m) {
    return SecAggConfig.builder().clientCount(n).threshold(n / 2 + 1).vectorLength(length).modulus(m)
        .completeGraph().build();
  }

  private static GroupPlan split(int participants, int max) {
    return GroupPlan.split(participants, max, g -> config(g.size(), 10, M));
  }

  @Test
  void splitsIntoBalancedContiguousGroupsLargerFirst() {
    GroupPlan p = split(13, 5);
    assertEquals(3, p.groupCount());
    assertEquals(5, p.groupSize(0));
    assertEquals(4, p.groupSize(1));
    assertEquals(4, p.groupSize(2));
    assertEquals(1, p.firstParticipant(0));
    assertEquals(6, p.firstParticipant(1));
    assertEquals(10, p.firstParticipant(2));
    assertEquals(4, p.groupConfig(1).clientCount());
  }

  @Test
  void mapsParticipantsToGroupsAndBack() {
    GroupPlan p = split(12, 5);
    for (int participant = 1; participant <= 12; participant++) {
      int g = p.groupOf(participant);
      assertEquals((participant - 1) / 4, g);
      assertEquals((participant - 1) % 4 + 1, p.clientIdOf(participant));
      assertEquals(participant, p.participantOf(g, p.clientIdOf(participant)));
    }
    assertEquals(10, p.vectorLength());
    assertEquals(M, p.modulus());
  }

  @Test
  void singleIsOneGroupOfTheWholeConfig() {
    GroupPlan p = GroupPlan.single(config(7, 3, M));
    assertEquals(1, p.groupCount());
    assertEquals(7, p.participantCount());
    assertEquals(7, p.clientIdOf(7));
    assertEquals(0, p.groupOf(7));
  }

  @Test
  void rejectsGroupsSmallerThanThree() {
    assertThrows(IllegalArgumentException.class, () -> split(10, 3)); // 4 groups of 2 or 3
    assertThrows(IllegalArgumentException.class, () -> split(2, 5));
    assertThrows(IllegalArgumentException.class, () -> split(10, 2));
  }

  @Test
  void rejectsConfigWhoseClientCountIsNotTheGroupSize() {
    assertThrows(IllegalArgumentException.class, () -> GroupPlan.split(12, 5, g -> config(5, 10, M)));
  }

  @Test
  void rejectsGroupsThatDisagreeOnLengthOrModulus() {
    assertThrows(IllegalArgumentException.class,
        () -> GroupPlan.split(12, 5, g -> config(g.size(), 10 + g.index(), M)));
    assertThrows(IllegalArgumentException.class,
        () -> GroupPlan.split(12, 5, g -> config(g.size(), 10, g.index() == 0 ? M : Modulus.powerOfTwo(16))));
  }

  @Test
  void theFactorySeesEachGroupsIndexFirstParticipantAndSizeAsLayoutStatesThem() {
    List<GroupPlan.Group> seen = new ArrayList<>();
    GroupPlan p = GroupPlan.split(13, 5, g -> {
      seen.add(g);
      return config(g.size(), 10, M);
    });
    assertEquals(GroupPlan.layout(13, 5), seen);
    assertEquals(List.of(new GroupPlan.Group(0, 1, 5), new GroupPlan.Group(1, 6, 4), new GroupPlan.Group(2, 10, 4)), seen);
    for (GroupPlan.Group g : seen) {
      assertEquals(g, p.group(g.index()));
      assertEquals(g.firstParticipant(), p.firstParticipant(g.index()));
      assertEquals(g.lastParticipant(), p.participantOf(g.index(), g.size()));
    }
    assertThrows(IllegalArgumentException.class, () -> GroupPlan.layout(10, 3));
    assertThrows(IllegalArgumentException.class, () -> p.group(3));
  }

  @Test
  void aGroupedResultAddsTheCompletedGroupsSumsOnlyAndNamesGlobalIds() {
    GroupPlan p = split(10, 5);
    ModVector ones = ModVector.of(M, new long[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1});
    AggregationResult r0 = new AggregationResult(ones, List.of(1, 2, 4), List.of());
    GroupOutcome done = GroupOutcome.completed(p.group(0), r0);
    GroupOutcome failed = GroupOutcome.aborted(p.group(1), AbortReason.TOO_FEW_SURVIVORS, "too few");
    GroupedResult result = GroupedResult.of(p, List.of(done, failed));
    assertEquals(ones, result.sum());
    assertEquals(List.of(1, 2, 4), result.includedParticipants());
    assertFalse(result.allGroupsCompleted());
    GroupOutcome second = GroupOutcome.completed(p.group(1), new AggregationResult(ones, List.of(1, 5), List.of()));
    assertEquals(List.of(6, 10), second.includedParticipants());
    GroupedResult both = GroupedResult.of(p, List.of(done, second));
    assertEquals(List.of(1, 2, 4, 6, 10), both.includedParticipants());
    assertEquals(2, both.sum().get(0));
    assertTrue(both.allGroupsCompleted());
    assertThrows(IllegalArgumentException.class, () -> GroupedResult.of(p, List.of(done)));
    assertThrows(IllegalArgumentException.class, () -> GroupedResult.of(p, List.of(second, done)));
    assertThrows(IllegalArgumentException.class,
        () -> GroupOutcome.completed(p.group(1), new AggregationResult(ones, List.of(6), List.of())));
    assertThrows(IllegalStateException.class, failed::result);
  }

  @Test
  void rejectsOutOfRangeQueries() {
    GroupPlan p = split(12, 5);
    assertThrows(IllegalArgumentException.class, () -> p.groupOf(0));
    assertThrows(IllegalArgumentException.class, () -> p.groupOf(13));
    assertThrows(IllegalArgumentException.class, () -> p.groupConfig(3));
    assertThrows(IllegalArgumentException.class, () -> p.participantOf(0, 5));
    assertThrows(NullPointerException.class, () -> GroupPlan.split(12, 5, null));
  }
}
