package io.secagg.vectors.internal.core;

import static io.secagg.vectors.internal.Expect.assertArrayEquals;
import static io.secagg.vectors.internal.Expect.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.secagg.vectors.internal.NamedVectorChecker;
import io.secagg.vectors.internal.Vectors;
import java.util.Iterator;
import java.util.Set;
import io.secagg.core.graph.HararyGraph;
import io.secagg.core.graph.MaskingGraph;

/**
 * Checks {@code graph_harary_test.json}: valid cases against both the plain reference derivation
 * and {@link HararyGraph}; invalid cases must throw {@link IllegalArgumentException}, the
 * documented exception of {@link MaskingGraph#randomHarary}.
 */
public final class HararyVectorChecker extends NamedVectorChecker {
  static final Set<String> GROUP_FIELDS = Set.of("type", "tests");

  static final Set<String> TEST_FIELDS =
      Vectors.testFields("n", "k", "seed", "key", "iv", "wordsDrawn", "ringOrder", "ringOrderSha256", "neighbours");

  public HararyVectorChecker() {
    super("graph_harary_test.json", HararyVectors.ALGORITHM, HararyVectors.SCHEMA);
  }

  @Override
  public void checkGroup(JsonNode group) {
    Vectors.onlyFields(group, GROUP_FIELDS);
    assertEquals("HararyGraphDerivation", Vectors.text(group, "type"));
  }

  @Override
  public void checkTest(JsonNode group, JsonNode test) throws Exception {
    Vectors.onlyFields(test, TEST_FIELDS);
    int n = Vectors.integer(test, "n");
    int k = Vectors.integer(test, "k");
    byte[] seed = Vectors.bytes(test, "seed");
    if (!Vectors.isValid(test)) {
      Vectors.expectNamedError(test, () -> MaskingGraph.randomHarary(n, k, seed), IllegalArgumentException.class);
      return;
    }
    HararyVectors.Derivation reference = HararyVectors.derive(seed, n, k);
    HararyGraph graph = MaskingGraph.randomHarary(n, k, seed);
    assertEquals(Vectors.text(test, "key"), Vectors.hex(reference.key), "key");
    assertEquals(Vectors.text(test, "iv"), Vectors.hex(reference.iv), "iv");
    assertEquals(test.get("wordsDrawn").asLong(), reference.wordsDrawn, "wordsDrawn");
    assertArrayEquals(reference.ring, graph.ringOrder(), "reference and HararyGraph disagree");
    if (test.has("ringOrder")) {
      JsonNode ring = test.get("ringOrder");
      assertEquals(n, ring.size(), "ringOrder length");
      for (int p = 0; p < n; p++) {
        assertEquals(ring.get(p).asInt(), graph.ringOrder()[p], "ringOrder[" + p + "]");
      }
    }
    assertEquals(
        Vectors.text(test, "ringOrderSha256"), Vectors.hex(HararyVectors.ringDigest(graph.ringOrder())),
        "ringOrderSha256");
    for (Iterator<String> it = test.get("neighbours").fieldNames(); it.hasNext(); ) {
      String id = it.next();
      JsonNode expected = test.get("neighbours").get(id);
      int[] got = graph.neighbours(Integer.parseInt(id));
      assertEquals(expected.size(), got.length, "degree of " + id);
      for (int i = 0; i < got.length; i++) {
        assertEquals(expected.get(i).asInt(), got[i], "neighbours of " + id);
      }
    }
  }
}
