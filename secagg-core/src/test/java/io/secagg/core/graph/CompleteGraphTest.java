package io.secagg.core.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CompleteGraphTest {
  @Test
  void connectsEveryPairOfDistinctClients() {
    CompleteGraph g = MaskingGraph.complete(5);
    assertEquals(GraphKind.COMPLETE, g.kind());
    assertEquals(5, g.clientCount());
    assertEquals(4, g.degree());
    assertArrayEquals(new int[] {1, 2, 4, 5}, g.neighbours(3));
    assertTrue(g.containsEdge(1, 5));
    assertTrue(g.containsEdge(5, 1));
    assertFalse(g.containsEdge(2, 2));
  }

  @Test
  void rejectsClientCountsOutsideTwoToTwoToTheTwenty() {
    assertThrows(IllegalArgumentException.class, () -> MaskingGraph.complete(1));
    assertThrows(IllegalArgumentException.class, () -> MaskingGraph.complete(MaskingGraph.MAX_CLIENTS + 1));
    assertEquals(MaskingGraph.MAX_CLIENTS, MaskingGraph.complete(MaskingGraph.MAX_CLIENTS).clientCount());
  }

  @Test
  void rejectsIdsOutsideOneToN() {
    CompleteGraph g = MaskingGraph.complete(4);
    assertThrows(IllegalArgumentException.class, () -> g.neighbours(0));
    assertThrows(IllegalArgumentException.class, () -> g.neighbours(5));
    assertThrows(IllegalArgumentException.class, () -> g.containsEdge(1, 5));
    assertThrows(IllegalArgumentException.class, () -> g.containsEdge(0, 1));
  }

  @Test
  void equalityFollowsTheClientCount() {
    assertEquals(MaskingGraph.complete(7), MaskingGraph.complete(7));
    assertEquals(MaskingGraph.complete(7).hashCode(), MaskingGraph.complete(7).hashCode());
    assertNotEquals(MaskingGraph.complete(7), MaskingGraph.complete(8));
    assertEquals("CompleteGraph[n=7]", MaskingGraph.complete(7).toString());
  }
}
