package io.secagg.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.secagg.core.testing.FuzzCorpus;
import io.secagg.core.testing.UntrustedInputContract;
import io.secagg.core.testing.UntrustedInputSurface.Target;
import io.secagg.core.testvectors.Vectors;
import io.secagg.dp.ddg.DdgServer;
import io.secagg.dp.ddg.DdgServerFuzzTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every exported decoder of secagg-dp has a Jazzer fuzz target, its corpus comes from the DDG
 * pipeline vectors, and malformed aggregates yield only {@code InvalidAggregateException}.
 */
class DpUntrustedInputCoverageTest implements UntrustedInputContract {
  static final List<Target> TARGETS =
      List.of(new Target(DdgServerFuzzTest.class, "aggregates", DdgServerFuzzTest::aggregate));

  static final Map<String, String> COVERED =
      Map.of("io.secagg.dp.ddg.DdgServer#decode", "DdgServerFuzzTest#aggregates");

  static final Map<String, String> EXEMPT = Map.of(
      "io.secagg.dp.sampling.Rational#parse",
      "parses the caller's own parameter text (\"n/d\"), not peer input: IllegalArgumentException");

  @Override
  public Surface surface() {
    return new Surface(DdgServer.class, COVERED, EXEMPT, TARGETS);
  }

  @Test
  void theCorpusIsWhatItsGeneratorWrites() throws Exception {
    List<byte[]> seeds = new ArrayList<>();
    JsonNode file = Vectors.read(Vectors.vectorDir().resolve("dp_ddg_pipeline_test.json"));
    int group = 0;
    for (JsonNode g : file.get("testGroups")) {
      for (JsonNode t : g.get("tests")) {
        for (String field : new String[] {"wrapped", "aggregate"}) {
          if (t.has(field)) {
            long[] words = new long[t.get(field).size()];
            for (int i = 0; i < words.length; i++) {
              words[i] = t.get(field).get(i).asLong();
            }
            seeds.add(DdgServerFuzzTest.seedOf(group, Vectors.bytes(t, "rotationSeed"), words));
          }
        }
      }
      group++;
    }
    assertEquals(List.of(), FuzzCorpus.check(DdgServerFuzzTest.class, "aggregates", seeds));
  }
}
