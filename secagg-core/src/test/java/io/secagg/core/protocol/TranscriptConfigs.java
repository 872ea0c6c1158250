package io.secagg.core.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import io.secagg.core.graph.GraphKind;
import io.secagg.core.testvectors.Vectors;
import io.secagg.core.vector.Modulus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The configuration of a recorded transcript session (spec/secagg.md 6.2.1), for the tests that
 * seed their fuzz corpora from the transcript vectors. The vectors themselves are checked by
 * secagg-vectors.
 */
public final class TranscriptConfigs {
  private static final Set<String> CONFIG_FIELDS =
      Set.of("clientCount", "threshold", "vectorLength", "modulus", "graph", "degree",
          "securityMode", "identityKeys", "context");

  private TranscriptConfigs() {}

  /** The configuration a transcript's {@code config} object describes. */
  public static SecAggConfig parse(JsonNode o) {
    Vectors.onlyFields(o, CONFIG_FIELDS);
    SecAggConfig.Builder b = SecAggConfig.builder()
        .clientCount(Vectors.integer(o, "clientCount"))
        .threshold(Vectors.integer(o, "threshold"))
        .vectorLength(Vectors.integer(o, "vectorLength"))
        .modulus(Modulus.of(Vectors.bigInteger(o, "modulus")));
    GraphKind kind = GraphKind.valueOf(Vectors.text(o, "graph"));
    if (kind == GraphKind.COMPLETE) {
      b.completeGraph();
    } else {
      b.hararyGraph(Vectors.integer(o, "degree"));
    }
    SecurityMode mode = SecurityMode.valueOf(Vectors.text(o, "securityMode"));
    b.securityMode(mode);
    if (mode == SecurityMode.MALICIOUS) {
      List<byte[]> keys = new ArrayList<>();
      for (JsonNode k : o.get("identityKeys")) {
        keys.add(java.util.HexFormat.of().parseHex(k.asText()));
      }
      b.identityKeys(keys);
    } else if (o.has("identityKeys")) {
      throw new AssertionError("identityKeys in a semi-honest configuration");
    }
    byte[] context = Vectors.bytes(o, "context");
    if (context.length > 0) {
      b.context(context);
    }
    SecAggConfig c = b.build();
    if (c.degree() != Vectors.integer(o, "degree")) {
      throw new AssertionError("degree " + o.get("degree") + " disagrees with the graph: " + c.degree());
    }
    return c;
  }
}
