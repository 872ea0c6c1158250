package io.secagg.vectors.internal.core;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.vectors.internal.CheckedFileGenerator;
import io.secagg.vectors.internal.VectorFiles;
import io.secagg.vectors.internal.Vectors;
import java.util.Arrays;
import io.secagg.core.graph.HararyGraph;
import io.secagg.core.graph.MaskingGraph;

/** Generates {@code graph_harary_test.json}. */
public final class HararyVectorGenerator extends CheckedFileGenerator {
  /** Ring orders are written out in full up to this n; larger ones only as a digest. */
  static final int FULL_RING_LIMIT = 1024;
  /** Neighbour lists of every client are written out up to this n. */
  static final int ALL_NEIGHBOURS_LIMIT = 64;

  public HararyVectorGenerator() {
    super(new HararyVectorChecker());
  }

  @Override
  public ObjectNode generate() throws Exception {
    ObjectNode file =
        newFile("Random Harary graphs H(n, k) on a ring order derived from a 32-byte public session"
                + " seed: the keystream of spec/secagg.md, section 2.4.4 with label"
                + " \"secagg/v1 keystream-graph\" and context BE32(n) || BE32(k) (key = OKM[0..16),"
                + " iv = OKM[16..24) || 00*8), read as little-endian 32-bit words; Fisher-Yates with"
                + " rejection sampling. See spec/secagg.md, section 4."
                + " ringOrder[p] is the client at ring position p; ringOrderSha256 hashes the ring"
                + " order as big-endian 32-bit integers; neighbours maps a client id to its sorted"
                + " neighbour list.");
    DeterministicRandom rnd = DeterministicRandom.forTestVectorsOnly(0x6772617068L);
    ObjectNode group = ((ArrayNode) file.get("testGroups")).addObject();
    group.put("type", "HararyGraphDerivation");
    ArrayNode tests = group.putArray("tests");

    byte[] shared = seed(rnd);
    valid(tests, "smallest graph", 3, 2, seed(rnd), "SmallestGraph");
    valid(tests, "n = 4, k = 2: a ring of four", 4, 2, seed(rnd), "Normal");
    valid(tests, "n = 10, k = 4", 10, 4, shared, "Normal");
    valid(tests, "n = 10, k = 6, seed of the previous test", 10, 6, shared, "DomainSeparation");
    valid(tests, "n = 11, k = 4, seed of the previous test", 11, 4, shared, "DomainSeparation");
    valid(tests, "n = 9, k = 8: complete", 9, 8, seed(rnd), "CompleteAsHarary");
    valid(tests, "n = 17, k = 2", 17, 2, seed(rnd), "Normal");
    valid(tests, "n = 64, k = 10", 64, 10, seed(rnd), "Normal");
    valid(tests, "all-zero seed", 32, 6, new byte[32], "Normal");
    valid(tests, "n = 257, k = 16", 257, 16, seed(rnd), "Normal");
    valid(tests, "n = 1000, k = 62", 1000, 62, seed(rnd), "Normal");
    valid(tests, "n = 100000, k = 134", 100_000, 134, seed(rnd), "Normal");
    valid(tests, "n = 2^20, k = 146: the largest population", MaskingGraph.MAX_CLIENTS, 146, seed(rnd), "Rejection");

    invalid(tests, "k = 3 is odd", 10, 3, seed(rnd), "OddDegree");
    invalid(tests, "k = 9 is odd and n - 1", 10, 9, seed(rnd), "OddDegree");
    invalid(tests, "k = n", 10, 10, seed(rnd), "DegreeOutOfRange");
    invalid(tests, "k > n", 10, 12, seed(rnd), "DegreeOutOfRange");
    invalid(tests, "k = 0", 10, 0, seed(rnd), "DegreeOutOfRange");
    invalid(tests, "k = -2", 10, -2, seed(rnd), "DegreeOutOfRange");
    invalid(tests, "n = 2 is below the minimum", 2, 2, seed(rnd), "ClientCountOutOfRange");
    invalid(tests, "n = 2^20 + 1 is above the maximum", MaskingGraph.MAX_CLIENTS + 1, 2, seed(rnd), "ClientCountOutOfRange");
    invalid(tests, "n = 2^31 - 1", Integer.MAX_VALUE, 2, seed(rnd), "ClientCountOutOfRange");
    invalid(tests, "31-byte seed", 10, 4, Arrays.copyOf(seed(rnd), 31), "BadSeedLength");
    invalid(tests, "33-byte seed", 10, 4, Arrays.copyOf(seed(rnd), 33), "BadSeedLength");
    invalid(tests, "empty seed", 10, 4, new byte[0], "BadSeedLength");
    return VectorFiles.finish(file);
  }

  private static byte[] seed(DeterministicRandom rnd) {
    byte[] s = new byte[32];
    rnd.nextBytes(s);
    return s;
  }

  private static void valid(ArrayNode tests, String comment, int n, int k, byte[] seed, String flag)
      throws Exception {
    HararyVectors.Derivation d = HararyVectors.derive(seed, n, k);
    HararyGraph g = MaskingGraph.randomHarary(n, k, seed);
    if (!Arrays.equals(d.ring, g.ringOrder())) {
      throw new IllegalStateException("reference derivation disagrees with HararyGraph: " + comment);
    }
    ObjectNode t = VectorFiles.newTest(tests, comment, flag);
    t.put("n", n);
    t.put("k", k);
    t.put("seed", Vectors.hex(seed));
    t.put("key", Vectors.hex(d.key));
    t.put("iv", Vectors.hex(d.iv));
    t.put("wordsDrawn", d.wordsDrawn);
    if (n <= FULL_RING_LIMIT) {
      ArrayNode ring = t.putArray("ringOrder");
      for (int id : d.ring) {
        ring.add(id);
      }
    }
    t.put("ringOrderSha256", Vectors.hex(HararyVectors.ringDigest(d.ring)));
    ObjectNode nb = t.putObject("neighbours");
    int[] ids = n <= ALL_NEIGHBOURS_LIMIT ? range(n) : new int[] {1, n};
    for (int id : ids) {
      ArrayNode list = nb.putArray(Integer.toString(id));
      for (int v : g.neighbours(id)) {
        list.add(v);
      }
    }
    t.put("result", "valid");
  }

  private static int[] range(int n) {
    int[] r = new int[n];
    for (int i = 0; i < n; i++) {
      r[i] = i + 1;
    }
    return r;
  }

  private static void invalid(ArrayNode tests, String comment, int n, int k, byte[] seed, String flag) {
    ObjectNode t = VectorFiles.newTest(tests, comment, flag);
    t.put("n", n);
    t.put("k", k);
    t.put("seed", Vectors.hex(seed));
    t.put("error", "IllegalArgumentException");
    t.put("result", "invalid");
  }
}
