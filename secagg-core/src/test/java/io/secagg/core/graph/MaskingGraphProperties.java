package io.secagg.core.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Graph laws: undirected, irreflexive, regular, sorted neighbour lists, consistent edges. */
class MaskingGraphProperties {
  @Provide
  Arbitrary<MaskingGraph> graphs() {
    Arbitrary<Integer> ns = Arbitraries.integers().between(3, 300);
    Arbitrary<byte[]> seeds = Arbitraries.bytes().array(byte[].class).ofSize(32);
    Arbitrary<MaskingGraph> harary =
        Combinators.combine(ns, Arbitraries.integers().between(1, 1000), seeds)
            .as((n, kRaw, seed) -> {
              int k = 2 + 2 * (kRaw % ((n - 1) / 2));
              return (MaskingGraph) MaskingGraph.randomHarary(n, k, seed);
            });
    Arbitrary<MaskingGraph> complete = Arbitraries.integers().between(2, 60).map(MaskingGraph::complete);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, harary), net.jqwik.api.Tuple.of(1, complete));
  }

  @Property(tries = 150)
  void neighbourListsAreSortedDistinctAndOfTheDegree(@ForAll("graphs") MaskingGraph g) {
    for (int u = 1; u <= g.clientCount(); u++) {
      int[] nb = g.neighbours(u);
      assertEquals(g.degree(), nb.length);
      for (int i = 1; i < nb.length; i++) {
        assertTrue(nb[i - 1] < nb[i], "not strictly ascending");
      }
      assertTrue(Arrays.binarySearch(nb, u) < 0, "self loop at " + u);
    }
  }

  @Property(tries = 150)
  void edgesAreSymmetricIrreflexiveAndMatchTheNeighbourLists(@ForAll("graphs") MaskingGraph g) {
    int n = g.clientCount();
    for (int u = 1; u <= n; u++) {
      int[] nb = g.neighbours(u);
      assertFalse(g.containsEdge(u, u));
      for (int v = 1; v <= n; v++) {
        boolean listed = Arrays.binarySearch(nb, v) >= 0;
        assertEquals(listed, g.containsEdge(u, v));
        assertEquals(g.containsEdge(u, v), g.containsEdge(v, u));
      }
    }
  }

  @Property(tries = 100)
  void hararyRingOrderIsAPermutationAndDerivationIsDeterministic(
      @ForAll("graphs") MaskingGraph g) {
    if (!(g instanceof HararyGraph)) {
      return;
    }
    HararyGraph h = (HararyGraph) g;
    int[] sorted = h.ringOrder();
    Arrays.sort(sorted);
    for (int i = 0; i < sorted.length; i++) {
      assertEquals(i + 1, sorted[i]);
    }
    HararyGraph again = MaskingGraph.randomHarary(h.clientCount(), h.degree(), h.sessionSeed());
    assertArrayEquals(h.ringOrder(), again.ringOrder());
  }
}
