package io.secagg.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.protocol.TranscriptConfigs;
import io.secagg.core.testing.FuzzCorpus;
import io.secagg.core.testing.UntrustedInputContract;
import io.secagg.core.testing.UntrustedInputSurface;
import io.secagg.core.testing.UntrustedInputSurface.Target;
import io.secagg.core.testvectors.Vectors;
import io.secagg.core.vector.Modulus;
import io.secagg.core.wire.ConfigCodec;
import io.secagg.core.wire.WireCodec;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every exported decoder of secagg-core has a Jazzer fuzz target, its corpus comes from the
 * known-answer vectors, and malformed inputs (the corpus and deterministic mutations of it)
 * yield only the documented {@link UntrustedInputException} subtypes.
 */
class UntrustedInputCoverageTest implements UntrustedInputContract {
  private static final HexFormat HEX = HexFormat.of();

  static final List<Target> TARGETS = List.of(
      new Target(io.secagg.core.wire.WireCodecFuzzTest.class, "serverFrames",
          io.secagg.core.wire.WireCodecFuzzTest::serverFrame),
      new Target(io.secagg.core.wire.WireCodecFuzzTest.class, "clientFrames",
          io.secagg.core.wire.WireCodecFuzzTest::clientFrame),
      new Target(io.secagg.core.wire.WireCodecFuzzTest.class, "configurations",
          io.secagg.core.wire.WireCodecFuzzTest::configuration),
      new Target(io.secagg.core.shamir.ShareFuzzTest.class, "shares", io.secagg.core.shamir.ShareFuzzTest::share),
      new Target(io.secagg.core.vector.ModVectorFuzzTest.class, "vectors",
          io.secagg.core.vector.ModVectorFuzzTest::vector));

  static final Map<String, String> COVERED = Map.of(
      "io.secagg.core.wire.WireCodec#decodeServerMessage", "WireCodecFuzzTest#serverFrames",
      "io.secagg.core.wire.WireCodec#decodeClientMessage", "WireCodecFuzzTest#clientFrames",
      "io.secagg.core.wire.ConfigCodec#decode", "WireCodecFuzzTest#configurations",
      "io.secagg.core.shamir.Share#decode", "ShareFuzzTest#shares",
      "io.secagg.core.vector.ModVector#decode", "ModVectorFuzzTest#vectors");

  static final Map<String, String> EXEMPT = Map.of(
      "io.secagg.core.vector.Modulus#parse",
      "parses the caller's own text (a command-line option), not peer input: IllegalArgumentException",
      "io.secagg.core.crypto.KeystreamPurpose#acceptsSeedLength",
      "a predicate on an int the caller chose; reads no bytes and throws nothing");

  @Override
  public Surface surface() {
    return new Surface(WireCodec.class, COVERED, EXEMPT, TARGETS);
  }

  @Test
  void everyFuzzedDecoderDeclaresOnlyCheckedUntrustedInputExceptions() throws Exception {
    assertEquals(List.of(), UntrustedInputSurface.declarationProblems(COVERED.keySet(), UntrustedInputException.class));
  }

  @Test
  void theCorpusIsWhatItsGeneratorWrites() throws Exception {
    Map<String, List<byte[]>> seeds = seeds();
    assertEquals(List.of(), FuzzCorpus.checkAll(TARGETS, t -> seeds.get(t.method())));
  }

  /**
   * The seeds, by target method: frames and configurations of the protocol transcripts (the
   * first frame of each kind per session, for eight sessions of both modes), the shares of the
   * Shamir vectors and the encodings of the vector-encoding vectors.
   */
  static Map<String, List<byte[]>> seeds() {
    Map<String, Set<String>> hex = new LinkedHashMap<>();
    for (String m : List.of("serverFrames", "clientFrames", "configurations", "shares", "vectors")) {
      hex.put(m, new LinkedHashSet<>());
    }
    JsonNode transcripts = Vectors.read(Vectors.vectorDir().resolve("secagg_transcript_test.json"));
    for (JsonNode group : transcripts.get("testGroups")) {
      int sessions = 0;
      for (JsonNode test : group.get("tests")) {
        SecAggConfig config = TranscriptConfigs.parse(test.get("config"));
        byte[] encoded = ConfigCodec.encode(config);
        hex.get("configurations").add(HEX.formatHex(encoded));
        if (sessions++ >= 4) {
          continue;
        }
        Set<String> kinds = new LinkedHashSet<>();
        for (JsonNode op : test.get("operations")) {
          if (!op.has("frame")) {
            continue;
          }
          String kind = op.get("op").asText() + "/" + op.path("round").asText();
          if (kinds.add(kind)) {
            byte[] seed = io.secagg.core.wire.WireCodecFuzzTest.seedOf(encoded, HEX.parseHex(op.get("frame").asText()));
            hex.get(op.get("op").asText().equals("serverToClient") ? "serverFrames" : "clientFrames")
                .add(HEX.formatHex(seed));
          }
        }
      }
    }
    JsonNode shamir = Vectors.read(Vectors.vectorDir().resolve("shamir_mersenne61_test.json"));
    for (JsonNode group : shamir.get("testGroups")) {
      for (JsonNode test : group.get("tests")) {
        for (JsonNode s : test.path("shares")) {
          hex.get("shares").add(s.asText());
        }
      }
    }
    JsonNode vectors = Vectors.read(Vectors.vectorDir().resolve("vector_encoding_test.json"));
    for (JsonNode group : vectors.get("testGroups")) {
      Modulus m = Modulus.of(new BigInteger(group.get("modulus").asText()));
      for (JsonNode test : group.get("tests")) {
        int length = test.get("length").asInt();
        if (length >= 0 && length <= io.secagg.core.vector.ModVectorFuzzTest.MAX_LENGTH) {
          byte[] seed = io.secagg.core.vector.ModVectorFuzzTest.seedOf(m, length, HEX.parseHex(test.get("encoded").asText()));
          hex.get("vectors").add(HEX.formatHex(seed));
        }
      }
    }
    Map<String, List<byte[]>> out = new LinkedHashMap<>();
    hex.forEach((k, v) -> out.put(k, v.stream().map(HEX::parseHex).toList()));
    return out;
  }
}
