package io.secagg.vdaf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secagg.core.testvectors.Vectors;
import io.secagg.vdaf.internal.field.Field;
import io.secagg.vdaf.internal.flp.HigherDegreeCircuit;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every official Prio3 vector of the draft ({@code test-vectors/third_party/vdaf/vdaf/}, the
 * project's copies): each file's {@code operations} are executed in order with the inputs the file
 * gives, every output is compared byte for byte, and a failing operation ({@code success: false})
 * must raise a {@link VdafException} at exactly that step. Files with two aggregators are run a
 * second time through the ping-pong topology. Failures are collected and reported together.
 */
class OfficialVectorsTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final Set<String> TOP_FIELDS =
      Set.of("agg_param", "agg_result", "agg_shares", "ctx", "operations", "reports", "shares",
          "verify_key", "max_measurement", "length", "chunk_length", "max_weight");
  private static final Set<String> REPORT_FIELDS =
      Set.of("input_shares", "measurement", "nonce", "out_shares", "public_share", "rand",
          "verifier_messages", "verifier_shares");

  /** The project's copy of the draft's {@code test_vec/} folder. */
  static Path thirdPartyDir() {
    return Vectors.vectorDir().getParent().resolve("third_party").resolve("vdaf");
  }

  static List<Path> vdafFiles() throws IOException {
    try (Stream<Path> s = Files.list(thirdPartyDir().resolve("vdaf"))) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void everyOfficialVectorPasses() throws IOException {
    List<Path> files = vdafFiles();
    assertEquals(18, files.size(), "the draft-20 set has 18 Prio3 vector files");
    List<String> failures = new ArrayList<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      try {
        JsonNode v = Vectors.read(file);
        Vectors.onlyFields(v, TOP_FIELDS);
        assertEquals("", v.get("agg_param").asText(), "Prio3 has no aggregation parameter");
        Prio3<?, ?> prio3 = instance(name, v);
        runOperations(prio3, v);
        if (prio3.shares() == 2) {
          runPingPong(prio3, v);
        }
      } catch (Exception | AssertionError e) {
        failures.add(name + ": " + e);
      }
    }
    assertTrue(failures.isEmpty(), failures.size() + " failing files:\n" + String.join("\n", failures));
  }

  /** The variant a file is for, from its name and parameters (as the draft's generator sets them). */
  static Prio3<?, ?> instance(String fileName, JsonNode v) {
    String variant = fileName.substring(0, fileName.indexOf('_'));
    if (variant.equals("Prio3HigherDegree")) {
      return higherDegree(v.get("shares").asInt());
    }
    // The draft's parameters under the names of the project's own vectors; the draft's generator
    // uses Field64 with three proofs for the multiproof variant (poc/gen_test_vec.py).
    ObjectNode g = Vectors.object();
    g.put("variant", variant);
    g.put("field", VdafField.FIELD64.name());
    g.put("proofs", 3);
    for (Map.Entry<String, JsonNode> e : v.properties()) {
      g.set(camelCase(e.getKey()), e.getValue());
    }
    return Prio3Vectors.instance(g);
  }

  /** {@code max_measurement} to {@code maxMeasurement}. */
  private static String camelCase(String snake) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  /** The draft repository's test-only {@code Prio3HigherDegree} (ID 0xFFFFFFFF, Field64). */
  static Prio3<Long, BigInteger> higherDegree(int shares) {
    Codec<Long, BigInteger> codec =
        new Codec<>() {
          @Override
          public long[] encode(Field f, Long measurement) {
            long[] x = f.newVector(1);
            f.set(x, 0, measurement);
            return x;
          }

          @Override
          public BigInteger decode(Field f, long[] aggregate, long numMeasurements) {
            return f.toBigInteger(aggregate, 0);
          }
        };
    return new Prio3<>("Prio3HigherDegree", 0xFFFFFFFF, new HigherDegreeCircuit(), shares, 1, codec);
  }

  /** The JSON measurement in the variant's Java type. */
  static Object measurement(Prio3<?, ?> prio3, JsonNode m) {
    switch (prio3.name()) {
      case "Prio3Count":
        return m.asInt() == 1;
      case "Prio3Sum":
      case "Prio3HigherDegree":
        return m.asLong();
      case "Prio3Histogram":
        return m.asInt();
      case "Prio3MultihotCountVec":
        boolean[] bits = new boolean[m.size()];
        for (int i = 0; i < bits.length; i++) {
          bits[i] = m.get(i).asBoolean();
        }
        return bits;
      default:
        long[] xs = new long[m.size()];
        for (int i = 0; i < xs.length; i++) {
          xs[i] = m.get(i).asLong();
        }
        return xs;
    }
  }

  /** The aggregate result as the JSON the draft writes (an integer or a list of integers). */
  static String resultJson(Object result) {
    if (result instanceof long[]) {
      long[] r = (long[]) result;
      return java.util.Arrays.stream(r).mapToObj(Long::toString).collect(Collectors.joining(",", "[", "]"));
    }
    if (result instanceof BigInteger[]) {
      return Stream.of((BigInteger[]) result).map(BigInteger::toString).collect(Collectors.joining(",", "[", "]"));
    }
    return result.toString();
  }

  private static byte[] hex(JsonNode node) {
    return HEX.parseHex(node.asText());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void runOperations(Prio3<?, ?> prio3, JsonNode v) throws Exception {
    byte[] ctx = hex(v.get("ctx"));
    VerifyKey key = VerifyKey.fromBytes(hex(v.get("verify_key")));
    JsonNode reports = v.get("reports");
    for (JsonNode r : reports) {
      Vectors.onlyFields(r, REPORT_FIELDS);
    }
    Map<String, VerifyState> states = new HashMap<>();
    Map<Integer, List<OutputShare>> outShares = new HashMap<>();
    List<AggregateShare> aggShares = new ArrayList<>();
    for (JsonNode op : v.get("operations")) {
      String kind = op.get("operation").asText();
      boolean success = op.get("success").asBoolean();
      int reportIndex = op.path("report_index").asInt(-1);
      int agg = op.path("aggregator_id").asInt(-1);
      JsonNode r = reportIndex >= 0 ? reports.get(reportIndex) : null;
      String where = kind + (reportIndex >= 0 ? " report " + reportIndex : "") + (agg >= 0 ? " aggregator " + agg : "");
      switch (kind) {
        case "shard": {
          assertTrue(success, "no failing shard operations are expected");
          Prio3Report report =
              ((Prio3) prio3).shardForTestVectorsOnly(ctx, measurement(prio3, r.get("measurement")), hex(r.get("nonce")), hex(r.get("rand")));
          assertArrayEquals(hex(r.get("public_share")), report.publicShare(), where + ": public share");
          for (int i = 0; i < prio3.shares(); i++) {
            assertArrayEquals(hex(r.get("input_shares").get(i)), report.inputShare(i), where + ": input share " + i);
          }
          break;
        }
        case "verify_init": {
          Exception error = null;
          VerifyInitResult res = null;
          try {
            res = prio3.verifyInit(key, ctx, agg, hex(r.get("nonce")), hex(r.get("public_share")), hex(r.get("input_shares").get(agg)));
          } catch (VdafException e) {
            error = e;
          }
          expect(success, error, where);
          if (success) {
            assertArrayEquals(hex(r.get("verifier_shares").get(0).get(agg)), res.verifierShare(), where + ": verifier share");
            states.put(reportIndex + "/" + agg, res.state());
          }
          break;
        }
        case "verifier_shares_to_message": {
          int round = op.get("round").asInt();
          List<byte[]> shares = new ArrayList<>();
          for (JsonNode s : r.get("verifier_shares").get(round)) {
            shares.add(hex(s));
          }
          Exception error = null;
          byte[] message = null;
          try {
            message = prio3.verifierSharesToMessage(ctx, shares);
          } catch (VdafException e) {
            error = e;
          }
          expect(success, error, where);
          if (success) {
            assertArrayEquals(hex(r.get("verifier_messages").get(round)), message, where + ": verifier message");
          }
          break;
        }
        case "verify_next": {
          int round = op.get("round").asInt();
          Exception error = null;
          OutputShare out = null;
          try {
            out = prio3.verifyNext(states.get(reportIndex + "/" + agg), hex(r.get("verifier_messages").get(round - 1)));
          } catch (VdafException e) {
            error = e;
          }
          expect(success, error, where);
          if (success) {
            assertArrayEquals(hex(r.get("out_shares").get(agg)), out.encode(), where + ": output share");
            outShares.computeIfAbsent(agg, k -> new ArrayList<>()).add(out);
          }
          break;
        }
        case "aggregate": {
          assertTrue(success);
          AggregateShare a = prio3.newAggregateShare();
          for (OutputShare o : outShares.getOrDefault(agg, List.of())) {
            a.add(o);
          }
          assertArrayEquals(hex(v.get("agg_shares").get(agg)), a.encode(), where + ": aggregate share");
          break;
        }
        case "unshard": {
          assertTrue(success);
          aggShares.clear();
          for (JsonNode s : v.get("agg_shares")) {
            aggShares.add(prio3.decodeAggregateShare(hex(s)));
          }
          Object result = prio3.unshard(aggShares, reports.size());
          assertEquals(v.get("agg_result").toString().replace(" ", ""), resultJson(result), where + ": aggregate result");
          break;
        }
        default:
          throw new AssertionError("unknown operation " + kind);
      }
    }
  }

  private static void expect(boolean success, Exception error, String where) {
    if (success && error != null) {
      throw new AssertionError(where + ": unexpected " + error, error);
    }
    if (!success && error == null) {
      throw new AssertionError(where + ": should have failed");
    }
  }

  /** The same reports through the ping-pong topology: both output shares, or the helper rejects. */
  private static void runPingPong(Prio3<?, ?> prio3, JsonNode v) throws Exception {
    byte[] ctx = hex(v.get("ctx"));
    VerifyKey key = VerifyKey.fromBytes(hex(v.get("verify_key")));
    PingPongLeader leader = prio3.leader(key, ctx);
    PingPongHelper helper = prio3.helper(key, ctx);
    boolean expectFailure = false;
    for (JsonNode op : v.get("operations")) {
      expectFailure |= !op.get("success").asBoolean();
    }
    int i = 0;
    for (JsonNode r : v.get("reports")) {
      byte[] nonce = hex(r.get("nonce"));
      byte[] pub = hex(r.get("public_share"));
      PingPongState.Continued l = leader.init(nonce, pub, hex(r.get("input_shares").get(0)));
      PingPongState h;
      try {
        h = helper.init(nonce, pub, hex(r.get("input_shares").get(1)), l.outbound().orElseThrow());
      } catch (ReportRejectedException e) {
        assertTrue(expectFailure, "ping-pong report " + i + ": unexpected " + e);
        continue;
      }
      assertFalse(expectFailure, "ping-pong report " + i + ": the helper should have rejected");
      assertTrue(h instanceof PingPongState.FinishedWithOutbound);
      PingPongState done = leader.continued(l, h.outbound().orElseThrow());
      assertTrue(done instanceof PingPongState.Finished);
      assertArrayEquals(hex(r.get("out_shares").get(0)), done.outputShare().orElseThrow().encode(), "ping-pong leader output share");
      assertArrayEquals(hex(r.get("out_shares").get(1)), h.outputShare().orElseThrow().encode(), "ping-pong helper output share");
      i++;
    }
  }
}
