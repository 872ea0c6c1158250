package io.secagg.federated;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.core.graph.GraphKind;
import io.secagg.core.testvectors.VectorChecker;
import io.secagg.core.testvectors.VectorFileGenerator;
import io.secagg.core.testvectors.Vectors;
import io.secagg.core.vector.Modulus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generator and checker of {@code federated_plan_test.json}: for stated parameters, the plan
 * (graph, threshold, vector length, quantization or DDG values), the digest input E and the
 * digest of spec/federated.md section 3, and a round's context and DP rotation seed (section 4);
 * and parameter sets that must be refused.
 */
final class FederatedPlanVectors implements VectorChecker, VectorFileGenerator {
  private static final String ALGORITHM = "SECAGG-FEDERATED-PLAN";
  private static final String SCHEMA = "federated_plan_test_schema_v1.json";
  private static final long SEED = 0x464544504c414eL; // "FEDPLAN"
  private static final Set<String> GROUP_FIELDS = Set.of("type", "tests");
  private static final Set<String> COMMON = Set.of("tcId", "comment", "flags", "result");
  private static final Set<String> PARAMETER_FIELDS = Set.of("clients", "dimension", "clipNorm",
      "coordinateBound", "modulus", "maxDropouts", "maxCorrupted", "context", "identityKeys",
      "dp");
  private static final Set<String> DP_FIELDS = Set.of("epsilon", "delta", "rounds");
  private static final Set<String> QUANT_PLAN_FIELDS = Set.of("scaleExponent", "offset");
  private static final Set<String> DP_PLAN_FIELDS = Set.of("epsilon", "delta", "rounds",
      "honestClients", "maximumClients", "paddedDimension", "scale", "beta", "localVariance", "noiseKind",
      "maxNormSquared");
  private static final HexFormat HEX = HexFormat.of();

  @Override
  public String fileName() {
    return "federated_plan_test.json";
  }

  @Override
  public String algorithm() {
    return ALGORITHM;
  }

  @Override
  public String schema() {
    return SCHEMA;
  }

  // ---- generation ----

  @Override
  public ObjectNode generate() {
    Map<String, String> notes = new LinkedHashMap<>();
    notes.put("NoDp", "Rounds without DP: graph and threshold of GraphParameters.recommend,"
        + " quantization at the largest safe power-of-two scale (spec/federated.md 2.1, 2.2).");
    notes.put("Dp", "Rounds with distributed DP: the complete graph with t = n - 1 - D, the DDG"
        + " parameters of dp.md section 11 for n clients of which at least n - D - C honest ones"
        + " complete a round (spec/federated.md 2.3); the round has a rotation seed.");
    notes.put("Sparse", "The plan is a SecAgg+ (Harary) graph.");
    notes.put("CoordinateBound", "The bound is per coordinate, not an L2 clip norm.");
    notes.put("GeneralModulus", "The modulus is not a power of two.");
    notes.put("MaliciousServer", "Identity keys are given: malicious-server thresholds and the"
        + " keys in the digest.");
    notes.put("Context", "A caller context is bound into the digest.");
    notes.put("LargeRound", "A round number above 2^32.");
    notes.put("Refused", "The parameters cannot work; building them must throw the exception"
        + " named in 'error' (IllegalArgumentException or IllegalStateException).");
    ObjectNode file = Vectors.newFile(ALGORITHM, SCHEMA,
        "For each parameter set: the plan, the digest input E (hex), digest = HKDF-SHA256(E, salt"
            + " = empty, info = \"secagg/v1 federated-parameters\" || 0x00, 32), the fingerprint"
            + " (first 16 bytes of the digest), the round's protocol context digest || int64 round"
            + " and, with DP, its rotation seed HKDF-SHA256(digest, empty, \"secagg/v1"
            + " federated-rotation-seed\" || 0x00 || int64 round, 32) (spec/federated.md sections"
            + " 2 to 4). Identity keys are 32 bytes drawn from DeterministicRandom.forTestVectors"
            + "Only(" + SEED + "); they need not be valid points here.",
        notes);
    DeterministicRandom random = DeterministicRandom.forTestVectorsOnly(SEED);
    ArrayNode groups = (ArrayNode) file.get("testGroups");
    ObjectNode plans = groups.addObject();
    plans.put("type", "FederatedPlanTest");
    ArrayNode tests = plans.putArray("tests");
    valid(tests, "10 hospitals x 50,000, clip norm 1, one dropout", hospitals(), 0, "NoDp",
        "Sparse");
    ObjectNode dp = hospitals();
    dp(dp, 1.0, 1e-6, 100);
    valid(tests, "the same with (1, 1e-6)-DP over 100 rounds, round 0", dp, 0, "Dp");
    valid(tests, "the same with (1, 1e-6)-DP over 100 rounds, round 7", dp.deepCopy(), 7, "Dp");
    ObjectNode general = parameters(5, 8, null, 0.5, "1000003", 0, 1);
    general.put("context", HEX.formatHex("model-v3".getBytes(StandardCharsets.US_ASCII)));
    valid(tests, "coordinate bound, general modulus, a collusion budget and a context", general,
        3, "NoDp", "CoordinateBound", "GeneralModulus", "Context");
    ObjectNode malicious = parameters(7, 100, 2.0, null, "2^32", 1, 0);
    identityKeys(malicious, 7, random);
    valid(tests, "malicious server, 7 clients", malicious, 1, "NoDp", "MaliciousServer");
    ObjectNode maliciousDp = parameters(7, 100, 2.0, null, "2^40", 1, 1);
    identityKeys(maliciousDp, 7, random);
    dp(maliciousDp, 4.0, 1e-5, 10);
    valid(tests, "malicious server with DP", maliciousDp, 2, "Dp", "MaliciousServer");
    valid(tests, "2000 clients without DP", parameters(2000, 10, 1.0, null, "2^32", 200, 100), 0,
        "NoDp", "Sparse");
    valid(tests, "3 clients, 1 coordinate, m = 2^64, a large round number",
        parameters(3, 1, 1e-3, null, "2^64", 0, 0), 1L << 40, "NoDp", "LargeRound");

    ObjectNode refusedGroup = groups.addObject();
    refusedGroup.put("type", "FederatedRefusedTest");
    ArrayNode refused = refusedGroup.putArray("tests");
    ObjectNode coordinateDp = parameters(10, 100, null, 1.0, "2^32", 1, 0);
    dp(coordinateDp, 1, 1e-6, 10);
    refuse(refused, "DP with a coordinate bound", coordinateDp, "IllegalStateException");
    ObjectNode tooManyDropouts = parameters(10, 100, 1.0, null, "2^32", 8, 0);
    dp(tooManyDropouts, 1, 1e-6, 10);
    refuse(refused, "DP with t = n - 1 - D = 1", tooManyDropouts, "IllegalArgumentException");
    ObjectNode tooManyCorrupted = parameters(7, 100, 1.0, null, "2^32", 1, 4);
    identityKeys(tooManyCorrupted, 7, random);
    dp(tooManyCorrupted, 1, 1e-6, 10);
    refuse(refused, "malicious server with DP: 2t = 10 is not above k + C = 6 + 4",
        tooManyCorrupted, "IllegalArgumentException");
    ObjectNode missingKey = parameters(7, 100, 1.0, null, "2^32", 1, 0);
    identityKeys(missingKey, 6, random);
    refuse(refused, "6 identity keys for 7 clients", missingKey, "IllegalStateException");
    refuse(refused, "modulus 19 cannot hold the sum of 10 clients",
        parameters(10, 100, 1.0, null, "19", 1, 0), "IllegalArgumentException");
    ObjectNode bigModulus = parameters(10, 100, 1.0, null, "2^63", 1, 0);
    dp(bigModulus, 1, 1e-6, 10);
    refuse(refused, "DP with a modulus above 2^62", bigModulus, "IllegalArgumentException");
    ObjectNode longDp = parameters(10, (1 << 24) + 1, 1.0, null, "2^32", 1, 0);
    dp(longDp, 1, 1e-6, 10);
    refuse(refused, "DP with 2^24 + 1 coordinates", longDp, "IllegalArgumentException");
    refuse(refused, "9 dropouts of 10 clients", parameters(10, 100, 1.0, null, "2^32", 9, 0),
        "IllegalArgumentException");
    return Vectors.finish(file);
  }

  private static ObjectNode hospitals() {
    return parameters(10, 50_000, 1.0, null, "2^32", 1, 0);
  }

  private static ObjectNode parameters(int clients, int dimension, Double clipNorm,
      Double coordinateBound, String modulus, int dropouts, int corrupted) {
    ObjectNode p = Vectors.object();
    p.put("clients", clients);
    p.put("dimension", dimension);
    if (clipNorm != null) {
      p.put("clipNorm", clipNorm);
    } else {
      p.put("coordinateBound", coordinateBound);
    }
    p.put("modulus", modulus);
    p.put("maxDropouts", dropouts);
    p.put("maxCorrupted", corrupted);
    p.put("context", "");
    return p;
  }

  private static void dp(ObjectNode p, double epsilon, double delta, long rounds) {
    ObjectNode dp = p.putObject("dp");
    dp.put("epsilon", epsilon);
    dp.put("delta", delta);
    dp.put("rounds", rounds);
  }

  private static void identityKeys(ObjectNode p, int count, DeterministicRandom random) {
    ArrayNode keys = p.putArray("identityKeys");
    for (int i = 0; i < count; i++) {
      byte[] k = new byte[32];
      random.nextBytes(k);
      keys.add(HEX.formatHex(k));
    }
  }

  private static void valid(ArrayNode tests, String comment, ObjectNode parameters, long round,
      String... flags) {
    AveragingParameters p = build(parameters);
    ObjectNode t = Vectors.newTest(tests, comment, flags);
    t.set("parameters", parameters);
    t.put("round", round);
    t.put("graph", p.graphKind().name());
    t.put("degree", p.degree());
    t.put("threshold", p.threshold());
    t.put("vectorLength", p.vectorLength());
    ObjectNode plan = t.putObject("plan");
    if (p.differentialPrivacy().isPresent()) {
      Planning.DpPlan d = Planning.DpPlan.of(p.differentialPrivacy().get());
      plan.put("epsilon", d.epsilon);
      plan.put("delta", d.delta);
      plan.put("rounds", d.rounds);
      plan.put("honestClients", d.honestClients);
      plan.put("maximumClients", d.maximumClients);
      plan.put("paddedDimension", d.paddedDimension);
      plan.put("scale", d.scale);
      plan.put("beta", d.beta);
      plan.put("localVariance", d.localVariance);
      plan.put("noiseKind", d.noiseKind);
      plan.put("maxNormSquared", d.maxNormSquared);
    } else {
      plan.put("scaleExponent", p.quantizerConfig().get().scaleExponent());
      plan.put("offset", p.quantizerConfig().get().offset());
    }
    byte[] encoding = encoding(t);
    byte[] digest = Planning.digest(encoding);
    t.put("encoding", HEX.formatHex(encoding));
    t.put("digest", HEX.formatHex(digest));
    t.put("fingerprint", p.fingerprint());
    t.put("roundContext", HEX.formatHex(Planning.roundContext(digest, round)));
    if (p.differentialPrivacy().isPresent()) {
      t.put("rotationSeed", HEX.formatHex(Planning.rotationSeed(digest, round)));
    }
    t.put("result", "valid");
  }

  private static void refuse(ArrayNode tests, String comment, ObjectNode parameters,
      String error) {
    ObjectNode t = Vectors.newTest(tests, comment, "Refused");
    t.set("parameters", parameters);
    t.put("error", error);
    t.put("result", "invalid");
  }

  // ---- reading ----

  /** The parameters of a test, built by the production builder (throws what it throws). */
  private static AveragingParameters build(JsonNode p) {
    Vectors.onlyFields(p, PARAMETER_FIELDS);
    AveragingParameters.Builder b = AveragingParameters.builder()
        .clients(Vectors.integer(p, "clients"))
        .dimension(Vectors.integer(p, "dimension"))
        .modulus(Modulus.parse(Vectors.text(p, "modulus")))
        .maxDropouts(Vectors.integer(p, "maxDropouts"))
        .maxCorruptedClients(Vectors.integer(p, "maxCorrupted"))
        .context(Vectors.bytes(p, "context"));
    if (p.has("clipNorm")) {
      b.clipNorm(p.get("clipNorm").asDouble());
    } else {
      b.coordinateBound(p.get("coordinateBound").asDouble());
    }
    if (p.has("identityKeys")) {
      b.maliciousServer(keys(p));
    }
    if (p.has("dp")) {
      JsonNode dp = p.get("dp");
      Vectors.onlyFields(dp, DP_FIELDS);
      b.differentialPrivacy(dp.get("epsilon").asDouble(), dp.get("delta").asDouble(),
          dp.get("rounds").asLong());
    }
    return b.build();
  }

  private static List<byte[]> keys(JsonNode p) {
    List<byte[]> keys = new ArrayList<>();
    for (JsonNode k : p.get("identityKeys")) {
      keys.add(HEX.parseHex(k.asText()));
    }
    return keys;
  }

  /** E computed from the test's stated parameters and plan alone (not from the builder). */
  private static byte[] encoding(JsonNode t) {
    JsonNode p = t.get("parameters");
    JsonNode plan = t.get("plan");
    boolean l2 = p.has("clipNorm");
    Planning.QuantPlan quant = null;
    Planning.DpPlan dp = null;
    if (p.has("dp")) {
      Vectors.onlyFields(plan, DP_PLAN_FIELDS);
      dp = new Planning.DpPlan(plan.get("epsilon").asDouble(), plan.get("delta").asDouble(),
          plan.get("rounds").asLong(), plan.get("honestClients").asLong(),
          plan.get("maximumClients").asLong(), Vectors.integer(plan, "paddedDimension"), plan.get("scale").asDouble(),
          plan.get("beta").asDouble(), Vectors.text(plan, "localVariance"),
          Vectors.text(plan, "noiseKind"), plan.get("maxNormSquared").asLong());
    } else {
      Vectors.onlyFields(plan, QUANT_PLAN_FIELDS);
      quant = new Planning.QuantPlan(Vectors.integer(plan, "scaleExponent"),
          plan.get("offset").asLong());
    }
    return Planning.encoding(Vectors.integer(p, "clients"), Vectors.integer(p, "dimension"), l2,
        p.get(l2 ? "clipNorm" : "coordinateBound").asDouble(),
        Modulus.parse(Vectors.text(p, "modulus")), Vectors.integer(p, "maxDropouts"),
        Vectors.integer(p, "maxCorrupted"), GraphKind.valueOf(Vectors.text(t, "graph")),
        Vectors.integer(t, "degree"), Vectors.integer(t, "threshold"), quant, dp,
        p.has("identityKeys") ? keys(p) : List.of(), Vectors.bytes(p, "context"));
  }

  // ---- checking ----

  @Override
  public void checkGroup(JsonNode group) {
    Vectors.onlyFields(group, GROUP_FIELDS);
    String type = Vectors.text(group, "type");
    if (!type.equals("FederatedPlanTest") && !type.equals("FederatedRefusedTest")) {
      throw new AssertionError("unknown group type " + type);
    }
  }

  @Override
  public void checkTest(JsonNode group, JsonNode test) throws Exception {
    Set<String> allowed = new java.util.HashSet<>(COMMON);
    allowed.add("parameters");
    if (!Vectors.isValid(test)) {
      allowed.add("error");
      Vectors.onlyFields(test, allowed);
      String error = Vectors.text(test, "error");
      Class<? extends Throwable> expected = error.equals("IllegalStateException")
          ? IllegalStateException.class : IllegalArgumentException.class;
      Vectors.expectInvalid(expected, () -> build(test.get("parameters")));
      return;
    }
    allowed.addAll(Set.of("round", "graph", "degree", "threshold", "vectorLength", "plan",
        "encoding", "digest", "fingerprint", "roundContext", "rotationSeed"));
    Vectors.onlyFields(test, allowed);
    AveragingParameters p = build(test.get("parameters"));
    long round = test.get("round").asLong();
    assertEquals(Vectors.text(test, "graph"), p.graphKind().name(), "graph");
    assertEquals(Vectors.integer(test, "degree"), p.degree(), "degree");
    assertEquals(Vectors.integer(test, "threshold"), p.threshold(), "threshold");
    assertEquals(Vectors.integer(test, "vectorLength"), p.vectorLength(), "vectorLength");
    JsonNode plan = test.get("plan");
    if (p.differentialPrivacy().isPresent()) {
      Planning.DpPlan d = Planning.DpPlan.of(p.differentialPrivacy().get());
      assertEquals(plan.get("honestClients").asLong(), d.honestClients, "honestClients");
      assertEquals(plan.get("scale").asDouble(), d.scale, "scale");
      assertEquals(Vectors.text(plan, "localVariance"), d.localVariance, "localVariance");
      assertEquals(plan.get("maxNormSquared").asLong(), d.maxNormSquared, "maxNormSquared");
    } else {
      assertEquals(Vectors.integer(plan, "scaleExponent"),
          p.quantizerConfig().get().scaleExponent(), "scaleExponent");
      assertEquals(plan.get("offset").asLong(), p.quantizerConfig().get().offset(), "offset");
    }
    byte[] encoding = encoding(test);
    assertEquals(Vectors.text(test, "encoding"), HEX.formatHex(encoding), "encoding");
    byte[] digest = Planning.digest(encoding);
    assertEquals(Vectors.text(test, "digest"), HEX.formatHex(digest), "digest");
    assertEquals(Vectors.text(test, "digest"), HEX.formatHex(p.digest()), "builder's digest");
    assertEquals(Vectors.text(test, "fingerprint"), p.fingerprint(), "fingerprint");
    assertEquals(Vectors.text(test, "roundContext"),
        HEX.formatHex(Planning.roundContext(digest, round)), "roundContext");
    assertEquals(Vectors.text(test, "roundContext"), HEX.formatHex(p.secAggConfig(round).context()),
        "the session's context");
    if (p.differentialPrivacy().isPresent()) {
      assertEquals(Vectors.text(test, "rotationSeed"),
          HEX.formatHex(Planning.rotationSeed(digest, round)), "rotationSeed");
      assertEquals(Vectors.text(test, "rotationSeed"), HEX.formatHex(p.rotationSeed(round)),
          "the client's rotation seed");
    } else if (test.has("rotationSeed")) {
      throw new AssertionError("a rotation seed without DP");
    }
  }
}
