package io.secagg.core.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.crypto.DeterministicRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HararyGraphTest {
  private static byte[] seed(long s) {
    byte[] b = new byte[32];
    DeterministicRandom.forTestVectorsOnly(s).nextBytes(b);
    return b;
  }

  @Test
  void everyClientHasItsRingNeighboursOnBothSides() {
    HararyGraph g = MaskingGraph.randomHarary(10, 4, seed(1));
    int[] ring = g.ringOrder();
    for (int p = 0; p < 10; p++) {
      int id = ring[p];
      int[] expected = {
        ring[(p + 1) % 10], ring[(p + 2) % 10], ring[(p + 9) % 10], ring[(p + 8) % 10]
      };
      Arrays.sort(expected);
      assertArrayEquals(expected, g.neighbours(id));
      assertEquals(p, g.positionOf(id));
    }
  }

  @Test
  void sameSeedGivesTheSameGraphAndADifferentSeedAnother() {
    HararyGraph a = MaskingGraph.randomHarary(1000, 20, seed(7));
    HararyGraph b = MaskingGraph.randomHarary(1000, 20, seed(7));
    HararyGraph c = MaskingGraph.randomHarary(1000, 20, seed(8));
    assertArrayEquals(a.ringOrder(), b.ringOrder());
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, c);
    // Two independent uniform permutations of 1000 agree everywhere with probability 1/1000!.
    assertFalse(Arrays.equals(a.ringOrder(), c.ringOrder()));
  }

  @Test
  void degreeAndClientCountAreBoundIntoTheDerivation() {
    // Same seed, different k: independent ring orders (the key binds n and k).
    int[] k4 = MaskingGraph.randomHarary(50, 4, seed(3)).ringOrder();
    int[] k6 = MaskingGraph.randomHarary(50, 6, seed(3)).ringOrder();
    assertFalse(Arrays.equals(k4, k6));
  }

  @Test
  void copiesTheSeedInAndOut() {
    byte[] s = seed(5);
    HararyGraph g = MaskingGraph.randomHarary(20, 4, s);
    byte[] before = g.ringOrder().clone().length == 20 ? s.clone() : null;
    s[0] ^= 1;
    assertArrayEquals(before, g.sessionSeed());
    g.sessionSeed()[1] ^= 1;
    assertArrayEquals(before, g.sessionSeed());
    g.ringOrder()[0] = -1;
    assertTrue(g.ringOrder()[0] >= 1);
  }

  @Test
  void completeWhenNIsOddAndKIsNMinusOne() {
    HararyGraph g = MaskingGraph.randomHarary(7, 6, seed(2));
    for (int u = 1; u <= 7; u++) {
      for (int v = 1; v <= 7; v++) {
        assertEquals(u != v, g.containsEdge(u, v));
      }
    }
  }

  @Test
  void rejectsOddDegree() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MaskingGraph.randomHarary(10, 3, seed(1)));
    assertTrue(e.getMessage().contains("even"), e.getMessage());
  }

  @Test
  void rejectsDegreeOutsideTwoToNMinusOne() {
    assertThrows(IllegalArgumentException.class, () -> MaskingGraph.randomHarary(10, 0, seed(1)));
    assertThrows(IllegalArgumentException.class, () -> MaskingGraph.randomHarary(10, -2, seed(1)));
    assertThrows(IllegalArgumentException.class, () -> MaskingGraph.randomHarary(10, 10, seed(1)));
    assertThrows(IllegalArgumentException.class, () -> MaskingGraph.randomHarary(10, 12, seed(1)));
  }

  @Test
  void rejectsClientCountsOutsideThreeToTwoToTheTwenty() {
    assertThrows(IllegalArgumentException.class, () -> MaskingGraph.randomHarary(2, 2, seed(1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> MaskingGraph.randomHarary(MaskingGraph.MAX_CLIENTS + 1, 2, seed(1)));
  }

  @Test
  void rejectsSeedsThatAreNot32Bytes() {
    assertThrows(NullPointerException.class, () -> MaskingGraph.randomHarary(10, 2, null));
    assertThrows(IllegalArgumentException.class, () -> MaskingGraph.randomHarary(10, 2, new byte[31]));
    assertThrows(IllegalArgumentException.class, () -> MaskingGraph.randomHarary(10, 2, new byte[33]));
  }

  @Test
  void rejectsIdsOutsideOneToN() {
    HararyGraph g = MaskingGraph.randomHarary(10, 2, seed(1));
    assertThrows(IllegalArgumentException.class, () -> g.neighbours(0));
    assertThrows(IllegalArgumentException.class, () -> g.neighbours(11));
    assertThrows(IllegalArgumentException.class, () -> g.containsEdge(1, 11));
    assertThrows(IllegalArgumentException.class, () -> g.positionOf(-1));
  }

  @Test
  void buildsTheLargestSupportedGraph() {
    HararyGraph g = MaskingGraph.randomHarary(MaskingGraph.MAX_CLIENTS, 200, seed(9));
    int[] ring = g.ringOrder();
    boolean[] seen = new boolean[ring.length + 1];
    for (int id : ring) {
      assertFalse(seen[id]);
      seen[id] = true;
    }
    assertEquals(200, g.neighbours(123456).length);
  }

  @Test
  void toStringShowsSizesOnly() {
    assertEquals("HararyGraph[n=10, k=4]", MaskingGraph.randomHarary(10, 4, seed(1)).toString());
  }
}
