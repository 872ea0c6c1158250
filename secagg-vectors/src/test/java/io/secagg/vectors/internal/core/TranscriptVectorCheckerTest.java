package io.secagg.vectors.internal.core;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secagg.vectors.internal.Mismatch;
import io.secagg.vectors.internal.VectorFiles;
import io.secagg.vectors.internal.Vectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The transcript checker must reject any change to a recorded session, not just accept it. */
class TranscriptVectorCheckerTest {
  private static JsonNode group;
  private static JsonNode honest;
  private static JsonNode tampered;
  private final TranscriptVectorChecker checker = new TranscriptVectorChecker();

  @BeforeAll
  static void load() {
    JsonNode file = VectorFiles.read(VectorFiles.vectorDir().resolve(TranscriptVectorChecker.FILE));
    group = file.get("testGroups").get(0);
    for (JsonNode t : group.get("tests")) {
      if (honest == null && Vectors.isValid(t)) {
        honest = t;
      }
      if (tampered == null && t.toString().contains("producedFrame")) {
        tampered = t;
      }
    }
  }

  private static ObjectNode copy(JsonNode t) {
    return (ObjectNode) t.deepCopy();
  }

  private static ObjectNode firstOp(ObjectNode test, String kind) {
    for (JsonNode op : test.get("operations")) {
      if (op.get("op").asText().equals(kind)) {
        return (ObjectNode) op;
      }
    }
    throw new AssertionError("no " + kind);
  }

  private static String flipHex(String hex) {
    char c = hex.charAt(hex.length() - 1);
    return hex.substring(0, hex.length() - 1) + (c == '0' ? '1' : '0');
  }

  @Test
  void acceptsTheRecordedSessions() throws Exception {
    checker.checkTest(group, honest);
    checker.checkTest(group, tampered);
  }

  @Test
  void rejectsAFrameTheHonestPartyDidNotProduce() {
    ObjectNode t = copy(honest);
    ObjectNode op = firstOp(t, "clientToServer");
    op.put("frame", flipHex(op.get("frame").asText()));
    assertThrows(Mismatch.class, () -> checker.checkTest(group, t));
  }

  @Test
  void rejectsAWrongSum() {
    ObjectNode t = copy(honest);
    ArrayNode sum = (ArrayNode) t.get("serverOutcome").get("sum");
    sum.set(0, sum.get(0).longValue() ^ 1);
    assertThrows(Mismatch.class, () -> checker.checkTest(group, t));
  }

  @Test
  void rejectsADifferentServerSeed() {
    ObjectNode t = copy(honest);
    t.put("serverSeed", flipHex(t.get("serverSeed").asText()));
    assertThrows(Mismatch.class, () -> checker.checkTest(group, t));
  }

  @Test
  void rejectsADroppedOperation() {
    ObjectNode t = copy(honest);
    ArrayNode ops = (ArrayNode) t.get("operations");
    ops.remove(ops.size() - 1);
    assertThrows(Mismatch.class, () -> checker.checkTest(group, t));
  }

  @Test
  void rejectsAWrongAbortReason() {
    ObjectNode t = copy(tampered);
    for (JsonNode c : t.get("clientOutcomes")) {
      if (c.has("reasonCode")) {
        ((ObjectNode) c).put("reasonCode", 0);
      }
    }
    assertThrows(Mismatch.class, () -> checker.checkTest(group, t));
  }

  @Test
  void rejectsATamperedFrameMarkedAsHonest() {
    ObjectNode t = copy(tampered);
    for (JsonNode op : t.get("operations")) {
      ((ObjectNode) op).remove("producedFrame");
    }
    assertThrows(Mismatch.class, () -> checker.checkTest(group, t));
  }
}
