package io.secagg.vdaf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.core.testvectors.AbstractKnownAnswerTest;
import io.secagg.core.testvectors.VectorChecker;
import io.secagg.core.testvectors.VectorFileGenerator;
import io.secagg.core.testvectors.Vectors;
import io.secagg.vdaf.internal.field.Field;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The project's own Prio3 known answers ({@code test-vectors/v1/vdaf_prio3_test.json}): the edge
 * cases the draft's vectors do not cover (lengths and chunk lengths at their boundaries, the
 * largest measurements, many aggregators) with every message of sharding, verification (general
 * and ping-pong) and unsharding, and malformed or forged messages with the step that must reject
 * them and the reason.
 */
final class Prio3Vectors implements VectorChecker, VectorFileGenerator {
  static final String ALGORITHM = "PRIO3";
  static final String SCHEMA = "vdaf_prio3_test_schema_v1.json";
  private static final Set<String> GROUP_FIELDS =
      Set.of("type", "variant", "shares", "maxMeasurement", "length", "chunkLength", "maxWeight", "field",
          "proofs", "verifyKey", "ctx", "tests");
  private static final Set<String> VALID_FIELDS =
      Set.of("measurement", "nonce", "rand", "publicShare", "inputShares", "verifierShares",
          "verifierMessage", "outputShares", "aggregateResult", "pingPong");
  private static final Set<String> INVALID_FIELDS =
      Set.of("nonce", "publicShare", "inputShares", "verifierShares", "verifierMessage", "inbound",
          "aggregateShare", "failsAt", "aggregatorId", "error", "reason");

  @Override
  public String algorithm() {
    return ALGORITHM;
  }

  @Override
  public String schema() {
    return SCHEMA;
  }

  @Override
  public String fileName() {
    return "vdaf_prio3_test.json";
  }

  // ---------------------------------------------------------------------------------------------
  // Instances from group parameters.

  static Prio3<?, ?> instance(JsonNode g) {
    String variant = Vectors.text(g, "variant");
    int shares = Vectors.integer(g, "shares");
    switch (variant) {
      case "Prio3Count":
        return Prio3Count.builder().shares(shares).build();
      case "Prio3Sum":
        return Prio3Sum.builder().shares(shares).maxMeasurement(g.get("maxMeasurement").asLong()).build();
      case "Prio3SumVec":
        return Prio3SumVec.builder().shares(shares).length(Vectors.integer(g, "length"))
            .maxMeasurement(g.get("maxMeasurement").asLong()).chunkLength(Vectors.integer(g, "chunkLength")).build();
      case "Prio3SumVecWithMultiproof":
        return Prio3SumVecWithMultiproof.builder().shares(shares).field(VdafField.valueOf(Vectors.text(g, "field")))
            .proofs(Vectors.integer(g, "proofs")).length(Vectors.integer(g, "length"))
            .maxMeasurement(g.get("maxMeasurement").asLong()).chunkLength(Vectors.integer(g, "chunkLength")).build();
      case "Prio3Histogram":
        return Prio3Histogram.builder().shares(shares).length(Vectors.integer(g, "length"))
            .chunkLength(Vectors.integer(g, "chunkLength")).build();
      case "Prio3MultihotCountVec":
        return Prio3MultihotCountVec.builder().shares(shares).length(Vectors.integer(g, "length"))
            .maxWeight(g.get("maxWeight").asLong()).chunkLength(Vectors.integer(g, "chunkLength")).build();
      default:
        throw new AssertionError("unknown variant " + variant);
    }
  }

  static Object measurement(Prio3<?, ?> p, JsonNode m) {
    return OfficialVectorsTest.measurement(p, m);
  }

  // ---------------------------------------------------------------------------------------------
  // Checker.

  @Override
  public void checkGroup(JsonNode group) {
    Vectors.onlyFields(group, GROUP_FIELDS);
    assertEquals("Prio3Test", Vectors.text(group, "type"), "group type");
    instance(group);
    VerifyKey.fromBytes(Vectors.bytes(group, "verifyKey"));
    Vectors.bytes(group, "ctx");
  }

  @Override
  public void checkTest(JsonNode group, JsonNode test) throws Exception {
    Prio3<?, ?> p = instance(group);
    VerifyKey key = VerifyKey.fromBytes(Vectors.bytes(group, "verifyKey"));
    byte[] ctx = Vectors.bytes(group, "ctx");
    Set<String> allowed = new HashSet<>(AbstractKnownAnswerTest.commonTestFields());
    allowed.addAll(Vectors.isValid(test) ? VALID_FIELDS : INVALID_FIELDS);
    Vectors.onlyFields(test, allowed);
    if (Vectors.isValid(test)) {
      checkValid(p, key, ctx, test);
    } else {
      checkInvalid(p, key, ctx, test);
    }
  }

  private static List<byte[]> hexList(JsonNode array) {
    List<byte[]> out = new ArrayList<>();
    for (JsonNode n : array) {
      out.add(Vectors.bytes(parent(n), "x"));
    }
    return out;
  }

  /** Wraps a text node so {@link Vectors#bytes} can read it. */
  private static JsonNode parent(JsonNode text) {
    ObjectNode o = Vectors.object();
    o.set("x", text);
    return o;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void checkValid(Prio3 p, VerifyKey key, byte[] ctx, JsonNode t) throws Exception {
    Prio3Report r = p.shardForTestVectorsOnly(ctx, measurement(p, t.get("measurement")), Vectors.bytes(t, "nonce"), Vectors.bytes(t, "rand"));
    assertArrayEquals(Vectors.bytes(t, "publicShare"), r.publicShare(), "public share");
    List<byte[]> inputs = hexList(t.get("inputShares"));
    List<byte[]> expectedVerifierShares = hexList(t.get("verifierShares"));
    List<byte[]> expectedOut = hexList(t.get("outputShares"));
    List<VerifyInitResult> inits = new ArrayList<>();
    List<byte[]> verifierShares = new ArrayList<>();
    for (int a = 0; a < p.shares(); a++) {
      assertArrayEquals(inputs.get(a), r.inputShare(a), "input share " + a);
      VerifyInitResult i = p.verifyInit(key, ctx, a, r.nonce(), r.publicShare(), inputs.get(a));
      assertArrayEquals(expectedVerifierShares.get(a), i.verifierShare(), "verifier share " + a);
      inits.add(i);
      verifierShares.add(i.verifierShare());
    }
    byte[] message = p.verifierSharesToMessage(ctx, verifierShares);
    assertArrayEquals(Vectors.bytes(t, "verifierMessage"), message, "verifier message");
    List<AggregateShare> aggs = new ArrayList<>();
    for (int a = 0; a < p.shares(); a++) {
      OutputShare out = p.verifyNext(inits.get(a).state(), message);
      assertArrayEquals(expectedOut.get(a), out.encode(), "output share " + a);
      aggs.add(p.newAggregateShare().add(out));
    }
    assertEquals(t.get("aggregateResult").toString(), OfficialVectorsTest.resultJson(p.unshard(aggs, 1)), "aggregate result");
    if (p.shares() == 2) {
      JsonNode pp = t.get("pingPong");
      PingPongState.Continued l = p.leader(key, ctx).init(r.nonce(), r.publicShare(), inputs.get(0));
      assertArrayEquals(Vectors.bytes(pp, "initialize"), l.outbound().orElseThrow(), "ping-pong initialize");
      PingPongState h = p.helper(key, ctx).init(r.nonce(), r.publicShare(), inputs.get(1), l.outbound().orElseThrow());
      assertArrayEquals(Vectors.bytes(pp, "finish"), h.outbound().orElseThrow(), "ping-pong finish");
      PingPongState done = p.leader(key, ctx).continued(l, h.outbound().orElseThrow());
      assertArrayEquals(expectedOut.get(0), done.outputShare().orElseThrow().encode(), "ping-pong leader output");
      assertArrayEquals(expectedOut.get(1), h.outputShare().orElseThrow().encode(), "ping-pong helper output");
    }
  }

  /** Runs the steps before {@code failsAt}, which must succeed, then expects the failure. */
  private static void checkInvalid(Prio3<?, ?> p, VerifyKey key, byte[] ctx, JsonNode t) throws Exception {
    String failsAt = Vectors.text(t, "failsAt");
    assertEquals("VdafException", Vectors.text(t, "error"), "error");
    VdafException.Reason reason = VdafException.Reason.valueOf(Vectors.text(t, "reason"));
    VdafException e = run(p, key, ctx, t, failsAt);
    if (e == null) {
      throw new AssertionError(failsAt + " should have failed with " + reason);
    }
    assertEquals(reason, e.reason(), "reason");
  }

  private static VdafException run(Prio3<?, ?> p, VerifyKey key, byte[] ctx, JsonNode t, String failsAt) throws Exception {
    if (failsAt.equals("decodeAggregateShare")) {
      return expectFailure(() -> p.decodeAggregateShare(Vectors.bytes(t, "aggregateShare")));
    }
    byte[] nonce = Vectors.bytes(t, "nonce");
    byte[] pub = Vectors.bytes(t, "publicShare");
    List<byte[]> inputs = hexList(t.get("inputShares"));
    switch (failsAt) {
      case "verifyInit": {
        int a = Vectors.integer(t, "aggregatorId");
        return expectFailure(() -> p.verifyInit(key, ctx, a, nonce, pub, inputs.get(a)));
      }
      case "verifierSharesToMessage":
      case "verifyNext": {
        List<VerifyInitResult> inits = new ArrayList<>();
        List<byte[]> shares = new ArrayList<>();
        for (int a = 0; a < p.shares(); a++) {
          VerifyInitResult i = p.verifyInit(key, ctx, a, nonce, pub, inputs.get(a));
          inits.add(i);
          shares.add(i.verifierShare());
        }
        if (t.has("verifierShares")) {
          shares = hexList(t.get("verifierShares"));
        }
        if (failsAt.equals("verifierSharesToMessage")) {
          List<byte[]> s = shares;
          return expectFailure(() -> p.verifierSharesToMessage(ctx, s));
        }
        byte[] message = t.has("verifierMessage") ? Vectors.bytes(t, "verifierMessage") : p.verifierSharesToMessage(ctx, shares);
        return expectFailure(() -> p.verifyNext(inits.get(0).state(), message));
      }
      case "helperInit": {
        PingPongState.Continued l = p.leader(key, ctx).init(nonce, pub, inputs.get(0));
        byte[] inbound = t.has("inbound") ? Vectors.bytes(t, "inbound") : l.outbound().orElseThrow();
        return expectFailure(() -> p.helper(key, ctx).init(nonce, pub, inputs.get(1), inbound));
      }
      case "leaderContinued": {
        PingPongState.Continued l = p.leader(key, ctx).init(nonce, pub, inputs.get(0));
        p.helper(key, ctx).init(nonce, pub, inputs.get(1), l.outbound().orElseThrow());
        byte[] inbound = Vectors.bytes(t, "inbound");
        return expectFailure(() -> p.leader(key, ctx).continued(l, inbound));
      }
      default:
        throw new AssertionError("unknown step " + failsAt);
    }
  }

  private interface Step {
    void run() throws VdafException;
  }

  private static VdafException expectFailure(Step step) {
    try {
      step.run();
      return null;
    } catch (VdafException e) {
      return e;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Generator.

  private static final byte[] CTX = "secagg-vdaf edge cases".getBytes(StandardCharsets.US_ASCII);

  @Override
  public ObjectNode generate() throws Exception {
    ObjectNode file = Vectors.newFile(ALGORITHM, SCHEMA,
        "Prio3 of draft-irtf-cfrg-vdaf-20 (spec/vdaf.md): edge cases beyond the draft's own vectors. Bytes are lowercase hex in the draft's encodings;"
            + " measurements and results are JSON as in the draft's vectors. Valid tests give every input (nonce, rand) and every message;"
            + " invalid tests give the messages and the step (failsAt) that must reject them with the given reason.",
        VectorNotes.load("vdaf_prio3_test_notes.json"));
    ArrayNode groups = (ArrayNode) file.get("testGroups");
    SecureRandom random = DeterministicRandom.forTestVectorsOnly("vdaf_prio3_test".getBytes(StandardCharsets.US_ASCII));

    ObjectNode count = group(groups, "Prio3Count", 2, Map.of(), random);
    valid(count, "count 1", JsonValue.of(1), random, "Normal");
    valid(count, "count 0", JsonValue.of(0), random, "Normal");
    invalidMeasurement(count, "encoded count of 2", 0, random);
    malformed(count, random);

    for (long max : new long[] {1, 2, 255, 256, Long.MAX_VALUE}) {
      ObjectNode sum = group(groups, "Prio3Sum", 2, Map.of("maxMeasurement", max), random);
      valid(sum, "sum at maxMeasurement " + max, JsonValue.of(max), random, "MaxMeasurement");
      valid(sum, "sum of 0", JsonValue.of(0), random, "MaxMeasurement");
      if (max > 2) {
        valid(sum, "sum just above 2^(bits-1) - 1", JsonValue.of(Long.highestOneBit(max)), random, "MaxMeasurement");
      }
    }
    ObjectNode sum3 = group(groups, "Prio3Sum", 3, Map.of("maxMeasurement", 1000L), random);
    valid(sum3, "three aggregators", JsonValue.of(999), random, "ManyAggregators");

    ObjectNode vec1 = group(groups, "Prio3SumVec", 2, Map.of("length", 1, "maxMeasurement", 1L, "chunkLength", 1), random);
    valid(vec1, "length 1, one bit", JsonValue.ofLongs(1), random, "LengthOne", "ChunkLengthOne");
    ObjectNode vecChunk1 = group(groups, "Prio3SumVec", 2, Map.of("length", 5, "maxMeasurement", 3L, "chunkLength", 1), random);
    valid(vecChunk1, "chunk length 1, 10 calls", JsonValue.ofLongs(3, 0, 1, 2, 3), random, "ChunkLengthOne");
    ObjectNode vecWide = group(groups, "Prio3SumVec", 2, Map.of("length", 4, "maxMeasurement", 100L, "chunkLength", 28), random);
    valid(vecWide, "chunk length = MEAS_LEN = 28", JsonValue.ofLongs(100, 99, 64, 63), random, "ChunkLengthIsMeasLen", "MaxMeasurement");
    ObjectNode vecPad = group(groups, "Prio3SumVec", 2, Map.of("length", 7, "maxMeasurement", 255L, "chunkLength", 9), random);
    valid(vecPad, "56 elements in calls of 9: 7 calls, the last with 2", JsonValue.ofLongs(255, 0, 128, 127, 1, 254, 255), random, "PaddedLastChunk", "WirePolyBoundary", "MaxMeasurement");
    invalidMeasurement(vecPad, "an element of 2 in the padded last call", 55, random);
    ObjectNode vec8 = group(groups, "Prio3SumVec", 2, Map.of("length", 8, "maxMeasurement", 1L, "chunkLength", 1), random);
    valid(vec8, "8 calls: wire polynomials of 16, half empty", JsonValue.ofLongs(1, 0, 1, 1, 0, 0, 1, 1), random, "WirePolyBoundary");
    ObjectNode vec7 = group(groups, "Prio3SumVec", 2, Map.of("length", 7, "maxMeasurement", 1L, "chunkLength", 1), random);
    valid(vec7, "7 calls: wire polynomials of 8, full", JsonValue.ofLongs(1, 1, 1, 1, 1, 1, 1), random, "WirePolyBoundary");
    ObjectNode vecBig = group(groups, "Prio3SumVec", 2, Map.of("length", 2, "maxMeasurement", Long.MAX_VALUE, "chunkLength", 11), random);
    valid(vecBig, "63-bit elements", JsonValue.ofLongs(Long.MAX_VALUE, 1L << 62), random, "MaxMeasurement", "PaddedLastChunk");
    forged(vecBig, random);
    ObjectNode vec5 = group(groups, "Prio3SumVec", 5, Map.of("length", 3, "maxMeasurement", 7L, "chunkLength", 2), random);
    valid(vec5, "five aggregators", JsonValue.ofLongs(7, 0, 5), random, "ManyAggregators", "PaddedLastChunk");

    ObjectNode mp64 = group(groups, "Prio3SumVecWithMultiproof", 2,
        Map.of("field", "FIELD64", "proofs", 4, "length", 3, "maxMeasurement", 15L, "chunkLength", 5), random);
    valid(mp64, "Field64, four proofs", JsonValue.ofLongs(15, 0, 9), random, "Multiproof", "PaddedLastChunk");
    invalidMeasurement(mp64, "an element of 2", 3, random);
    ObjectNode mp128 = group(groups, "Prio3SumVecWithMultiproof", 2,
        Map.of("field", "FIELD128", "proofs", 2, "length", 2, "maxMeasurement", 3L, "chunkLength", 2), random);
    valid(mp128, "Field128, two proofs", JsonValue.ofLongs(3, 1), random, "Multiproof");

    ObjectNode hist1 = group(groups, "Prio3Histogram", 2, Map.of("length", 1, "chunkLength", 1), random);
    valid(hist1, "one bucket", JsonValue.of(0), random, "LengthOne", "ChunkLengthOne");
    ObjectNode hist = group(groups, "Prio3Histogram", 2, Map.of("length", 10, "chunkLength", 4), random);
    valid(hist, "last bucket, in the padded call", JsonValue.of(9), random, "PaddedLastChunk");
    valid(hist, "first bucket", JsonValue.of(0), random, "PaddedLastChunk");
    invalidMeasurement(hist, "no bucket set", -1, random);
    malformed(hist, random);
    forged(hist, random);

    ObjectNode multi = group(groups, "Prio3MultihotCountVec", 2, Map.of("length", 6, "maxWeight", 6L, "chunkLength", 3), random);
    valid(multi, "every entry set, maxWeight = length", JsonValue.ofBools(true, true, true, true, true, true), random, "MaxWeight", "PaddedLastChunk");
    valid(multi, "no entry set", JsonValue.ofBools(false, false, false, false, false, false), random, "MaxWeight", "PaddedLastChunk");
    ObjectNode multi1 = group(groups, "Prio3MultihotCountVec", 3, Map.of("length", 1, "maxWeight", 1L, "chunkLength", 2), random);
    valid(multi1, "length 1, three aggregators", JsonValue.ofBools(true), random, "LengthOne", "MaxWeight", "ManyAggregators");
    // Invalid tests get their step-specific fields after creation; the result goes last.
    for (JsonNode g : groups) {
      for (JsonNode t : g.get("tests")) {
        if (!t.has("result")) {
          ((ObjectNode) t).put("result", "invalid");
        }
      }
    }
    return Vectors.finish(file);
  }

  /** A tiny JSON value for measurements. */
  static final class JsonValue {
    final Object value;

    private JsonValue(Object value) {
      this.value = value;
    }

    static JsonValue of(long x) {
      return new JsonValue(x);
    }

    static JsonValue ofLongs(long... xs) {
      return new JsonValue(xs);
    }

    static JsonValue ofBools(boolean... xs) {
      return new JsonValue(xs);
    }

    JsonNode node() {
      if (value instanceof Long) {
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.numberNode((Long) value);
      }
      ArrayNode a = Vectors.array();
      if (value instanceof long[]) {
        for (long x : (long[]) value) {
          a.add(x);
        }
      } else {
        for (boolean b : (boolean[]) value) {
          a.add(b);
        }
      }
      return a;
    }
  }

  private static ObjectNode group(ArrayNode groups, String variant, int shares, Map<String, Object> params, SecureRandom random) {
    ObjectNode g = groups.addObject();
    g.put("type", "Prio3Test");
    g.put("variant", variant);
    g.put("shares", shares);
    for (String k : List.of("field", "proofs", "length", "maxMeasurement", "maxWeight", "chunkLength")) {
      Object v = params.get(k);
      if (v instanceof Integer) {
        g.put(k, (Integer) v);
      } else if (v instanceof Long) {
        g.put(k, (Long) v);
      } else if (v instanceof String) {
        g.put(k, (String) v);
      }
    }
    byte[] key = new byte[VerifyKey.SIZE];
    random.nextBytes(key);
    g.put("verifyKey", Vectors.hex(key));
    g.put("ctx", Vectors.hex(CTX));
    g.putArray("tests");
    return g;
  }

  private static ArrayNode hexArray(List<byte[]> items) {
    ArrayNode a = Vectors.array();
    items.forEach(b -> a.add(Vectors.hex(b)));
    return a;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void valid(ObjectNode g, String comment, JsonValue m, SecureRandom random, String... flags) throws Exception {
    Prio3 p = instance(g);
    VerifyKey key = VerifyKey.fromBytes(Vectors.bytes(g, "verifyKey"));
    byte[] nonce = new byte[Prio3.NONCE_SIZE];
    random.nextBytes(nonce);
    byte[] rand = new byte[p.randSize()];
    random.nextBytes(rand);
    ObjectNode t = Vectors.newTest((ArrayNode) g.get("tests"), comment, flags);
    t.set("measurement", m.node());
    t.put("nonce", Vectors.hex(nonce));
    t.put("rand", Vectors.hex(rand));
    Prio3Report r = p.shardForTestVectorsOnly(CTX, measurement(p, m.node()), nonce, rand);
    t.put("publicShare", Vectors.hex(r.publicShare()));
    List<byte[]> inputs = new ArrayList<>();
    List<byte[]> shares = new ArrayList<>();
    List<VerifyInitResult> inits = new ArrayList<>();
    for (int a = 0; a < p.shares(); a++) {
      inputs.add(r.inputShare(a));
      VerifyInitResult i = p.verifyInit(key, CTX, a, nonce, r.publicShare(), r.inputShare(a));
      inits.add(i);
      shares.add(i.verifierShare());
    }
    byte[] message = p.verifierSharesToMessage(CTX, shares);
    List<byte[]> outs = new ArrayList<>();
    List<AggregateShare> aggs = new ArrayList<>();
    for (VerifyInitResult i : inits) {
      OutputShare o = p.verifyNext(i.state(), message);
      outs.add(o.encode());
      aggs.add(p.newAggregateShare().add(o));
    }
    t.set("inputShares", hexArray(inputs));
    t.set("verifierShares", hexArray(shares));
    t.put("verifierMessage", Vectors.hex(message));
    t.set("outputShares", hexArray(outs));
    t.set("aggregateResult", new com.fasterxml.jackson.databind.ObjectMapper().readTree(OfficialVectorsTest.resultJson(p.unshard(aggs, 1))));
    if (p.shares() == 2) {
      PingPongState.Continued l = p.leader(key, CTX).init(nonce, r.publicShare(), inputs.get(0));
      PingPongState h = p.helper(key, CTX).init(nonce, r.publicShare(), inputs.get(1), l.outbound().orElseThrow());
      ObjectNode pp = t.putObject("pingPong");
      pp.put("initialize", Vectors.hex(l.outbound().orElseThrow()));
      pp.put("finish", Vectors.hex(h.outbound().orElseThrow()));
    }
    t.put("result", "valid");
  }

  private static ObjectNode invalid(ObjectNode g, String comment, String failsAt, VdafException.Reason reason,
      byte[] nonce, byte[] pub, List<byte[]> inputs, String flag) {
    ObjectNode t = Vectors.newTest((ArrayNode) g.get("tests"), comment, flag);
    t.put("nonce", Vectors.hex(nonce));
    t.put("publicShare", Vectors.hex(pub));
    t.set("inputShares", hexArray(inputs));
    t.put("failsAt", failsAt);
    t.put("error", "VdafException");
    t.put("reason", reason.name());
    return t;
  }

  private static Prio3Report someReport(Prio3<?, ?> p, SecureRandom random) {
    long[] zero = p.field().newVector(p.measurementLength());
    if (p.name().equals("Prio3Histogram")) {
      p.field().set(zero, 0, 1);
    }
    byte[] nonce = new byte[Prio3.NONCE_SIZE];
    random.nextBytes(nonce);
    byte[] rand = new byte[p.randSize()];
    random.nextBytes(rand);
    return p.shardEncoded(CTX, zero, nonce, rand);
  }

  private static List<byte[]> inputs(Prio3Report r) {
    List<byte[]> out = new ArrayList<>();
    for (int a = 0; a < r.inputShareCount(); a++) {
      out.add(r.inputShare(a));
    }
    return out;
  }

  /**
   * Shares of an encoding with element {@code index} set to 2 (or, with index -1, the all-zero
   * encoding), made by the honest sharding algorithm.
   */
  private static void invalidMeasurement(ObjectNode g, String comment, int index, SecureRandom random) {
    Prio3<?, ?> p = instance(g);
    Field f = p.field();
    long[] enc = f.newVector(p.measurementLength());
    if (index >= 0) {
      f.set(enc, index, 2);
    }
    byte[] nonce = new byte[Prio3.NONCE_SIZE];
    random.nextBytes(nonce);
    byte[] rand = new byte[p.randSize()];
    random.nextBytes(rand);
    Prio3Report r = p.shardEncoded(CTX, enc, nonce, rand);
    invalid(g, comment, "verifierSharesToMessage", VdafException.Reason.PROOF_REJECTED, nonce, r.publicShare(), inputs(r), "InvalidMeasurement");
    if (p.shares() == 2) {
      invalid(g, comment + ", ping-pong", "helperInit", VdafException.Reason.PROOF_REJECTED, nonce, r.publicShare(), inputs(r), "InvalidMeasurement");
    }
  }

  private static byte[] resize(byte[] b, int delta) {
    return Arrays.copyOf(b, b.length + delta);
  }

  private static void malformed(ObjectNode g, SecureRandom random) throws Exception {
    Prio3<?, ?> p = instance(g);
    VerifyKey key = VerifyKey.fromBytes(Vectors.bytes(g, "verifyKey"));
    Prio3Report r = someReport(p, random);
    byte[] nonce = r.nonce();
    byte[] pub = r.publicShare();
    List<byte[]> in = inputs(r);
    VdafException.Reason len = VdafException.Reason.WRONG_LENGTH;
    invalid(g, "nonce of 15 bytes", "verifyInit", len, resize(nonce, -1), pub, in, "WrongLength").put("aggregatorId", 0);
    invalid(g, "public share one byte too long", "verifyInit", len, nonce, resize(pub, 1), in, "WrongLength").put("aggregatorId", 1);
    invalid(g, "leader input share one byte short", "verifyInit", len, nonce, pub, List.of(resize(in.get(0), -1), in.get(1)), "WrongLength").put("aggregatorId", 0);
    invalid(g, "leader input share one byte long", "verifyInit", len, nonce, pub, List.of(resize(in.get(0), 1), in.get(1)), "WrongLength").put("aggregatorId", 0);
    invalid(g, "helper input share without its last byte", "verifyInit", len, nonce, pub, List.of(in.get(0), resize(in.get(1), -1)), "WrongLength").put("aggregatorId", 1);
    int size = p.field().encodedSize();
    for (int element : new int[] {0, p.measurementLength()}) {
      byte[] bad = in.get(0).clone();
      byte[] pBytes = MalformedMessageTest.le(p.field().modulus().toByteArray(), size);
      System.arraycopy(pBytes, 0, bad, element * size, size);
      invalid(g, "leader element " + element + " encoded as p", "verifyInit", VdafException.Reason.NON_CANONICAL_FIELD_ELEMENT,
          nonce, pub, List.of(bad, in.get(1)), "NonCanonical").put("aggregatorId", 0);
    }
    byte[] ones = in.get(0).clone();
    Arrays.fill(ones, size, 2 * size, (byte) 0xFF);
    invalid(g, "leader element 1 encoded as 2^(8 size) - 1", "verifyInit", VdafException.Reason.NON_CANONICAL_FIELD_ELEMENT,
        nonce, pub, List.of(ones, in.get(1)), "NonCanonical").put("aggregatorId", 0);
    VerifyInitResult a = p.verifyInit(key, CTX, 0, nonce, pub, in.get(0));
    VerifyInitResult b = p.verifyInit(key, CTX, 1, nonce, pub, in.get(1));
    ArrayNode shortShares = hexArray(List.of(a.verifierShare(), resize(b.verifierShare(), -1)));
    invalid(g, "helper verifier share one byte short", "verifierSharesToMessage", len, nonce, pub, in, "WrongLength").set("verifierShares", shortShares);
    byte[] nc = a.verifierShare();
    Arrays.fill(nc, 0, size, (byte) 0xFF);
    invalid(g, "leader verifier share with a non-canonical element", "verifierSharesToMessage", VdafException.Reason.NON_CANONICAL_FIELD_ELEMENT,
        nonce, pub, in, "NonCanonical").set("verifierShares", hexArray(List.of(nc, b.verifierShare())));
    byte[] msg = p.verifierSharesToMessage(CTX, List.of(a.verifierShare(), b.verifierShare()));
    invalid(g, "verifier message one byte too long", "verifyNext", len, nonce, pub, in, "WrongLength").put("verifierMessage", Vectors.hex(resize(msg, 1)));
    byte[] init = PingPongMessage.encode(PingPongMessage.INITIALIZE, a.verifierShare());
    invalid(g, "ping-pong message of unknown type 3", "helperInit", VdafException.Reason.UNKNOWN_MESSAGE_TYPE, nonce, pub, in, "BadPingPong")
        .put("inbound", Vectors.hex(PingPongMessage.encode(3, a.verifierShare())));
    invalid(g, "ping-pong item length 2^32 - 1 over a short message", "helperInit", len, nonce, pub, in, "BadPingPong")
        .put("inbound", "00ffffffff0102");
    invalid(g, "ping-pong message with a trailing byte", "helperInit", len, nonce, pub, in, "BadPingPong").put("inbound", Vectors.hex(resize(init, 1)));
    invalid(g, "helper receives finish instead of initialize", "helperInit", VdafException.Reason.UNEXPECTED_MESSAGE_TYPE, nonce, pub, in, "BadPingPong")
        .put("inbound", Vectors.hex(PingPongMessage.encode(PingPongMessage.FINISH, msg)));
    invalid(g, "leader receives initialize instead of finish", "leaderContinued", VdafException.Reason.UNEXPECTED_MESSAGE_TYPE, nonce, pub, in, "BadPingPong")
        .put("inbound", Vectors.hex(init));
    invalid(g, "leader receives continue in the last round", "leaderContinued", VdafException.Reason.UNEXPECTED_MESSAGE_TYPE, nonce, pub, in, "BadPingPong")
        .put("inbound", Vectors.hex(PingPongMessage.encode(PingPongMessage.CONTINUE, msg, b.verifierShare())));
    invalid(g, "aggregate share one element short", "decodeAggregateShare", len, nonce, pub, in, "WrongLength")
        .put("aggregateShare", Vectors.hex(new byte[size * (p.outputLength() - 1)]));
    byte[] agg = new byte[size * p.outputLength()];
    Arrays.fill(agg, agg.length - size, agg.length, (byte) 0xFF);
    invalid(g, "aggregate share with a non-canonical last element", "decodeAggregateShare", VdafException.Reason.NON_CANONICAL_FIELD_ELEMENT,
        nonce, pub, in, "NonCanonical").put("aggregateShare", Vectors.hex(agg));
  }

  private static void forged(ObjectNode g, SecureRandom random) throws Exception {
    Prio3<?, ?> p = instance(g);
    VerifyKey key = VerifyKey.fromBytes(Vectors.bytes(g, "verifyKey"));
    Prio3Report r = someReport(p, random);
    List<byte[]> in = inputs(r);
    byte[] pub = r.publicShare();
    byte[] forgedPub = pub.clone();
    forgedPub[Prio3.SEED_SIZE] ^= 1; // the helper's joint randomness part
    invalid(g, "public share with a forged helper part", "verifierSharesToMessage", VdafException.Reason.PROOF_REJECTED,
        r.nonce(), forgedPub, in, "Forged");
    VerifyInitResult a = p.verifyInit(key, CTX, 0, r.nonce(), pub, in.get(0));
    VerifyInitResult b = p.verifyInit(key, CTX, 1, r.nonce(), pub, in.get(1));
    byte[] msg = p.verifierSharesToMessage(CTX, List.of(a.verifierShare(), b.verifierShare()));
    msg[31] ^= (byte) 0x80;
    invalid(g, "verifier message (joint randomness seed) altered", "verifyNext", VdafException.Reason.JOINT_RANDOMNESS_MISMATCH,
        r.nonce(), pub, in, "Forged").put("verifierMessage", Vectors.hex(msg));
  }
}
