package io.secagg.transport.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.vector.Modulus;
import org.junit.jupiter.api.Test;

class GroupPlanTest {
  private static SecAggConfig config(int n, int length, Modulus m) {
    return SecAggConfig.builder().clientCount(n).threshold(n / 2 + 1).vectorLength(length).modulus(m)
        .completeGraph().build();
  }

  private static GroupPlan split(int participants, int max) {
    return GroupPlan.split(participants, max, (g, size) -> config(size, 10, TestPki.M));
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
    assertEquals(TestPki.M, p.modulus());
  }

  @Test
  void singleIsOneGroupOfTheWholeConfig() {
    GroupPlan p = GroupPlan.single(config(7, 3, TestPki.M));
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
    assertThrows(IllegalArgumentException.class, () -> GroupPlan.split(12, 5, (g, size) -> config(5, 10, TestPki.M)));
  }

  @Test
  void rejectsGroupsThatDisagreeOnLengthOrModulus() {
    assertThrows(IllegalArgumentException.class,
        () -> GroupPlan.split(12, 5, (g, size) -> config(size, 10 + g, TestPki.M)));
    assertThrows(IllegalArgumentException.class,
        () -> GroupPlan.split(12, 5, (g, size) -> config(size, 10, g == 0 ? TestPki.M : Modulus.powerOfTwo(16))));
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
