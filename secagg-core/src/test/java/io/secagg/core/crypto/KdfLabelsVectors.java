package io.secagg.core.crypto;

import static io.secagg.core.crypto.VectorSupport.draw;
import static io.secagg.core.testvectors.Vectors.bytes;
import static io.secagg.core.testvectors.Vectors.hex;
import static io.secagg.core.testvectors.Vectors.integer;
import static io.secagg.core.testvectors.Vectors.isValid;
import static io.secagg.core.testvectors.Vectors.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secagg.core.testvectors.VectorChecker;
import io.secagg.core.testvectors.VectorFileGenerator;
import io.secagg.core.testvectors.Vectors;
import java.util.Set;

/**
 * Generator and checker of {@code kdf_labels_test.json}: labelled HKDF-SHA256 for every protocol
 * label, plus invalid output lengths and malformed labels.
 */
public final class KdfLabelsVectors implements VectorChecker, VectorFileGenerator {
  private static final String ALGORITHM = "HKDF-SHA256-LABELLED";
  private static final String SCHEMA = "kdf_labels_test_schema_v1";
  private static final long SEED = 0x4b44464c4142454cL; // "KDFLABEL"
  private static final Set<String> GROUP_FIELDS = Set.of("type", "tests");
  private static final Set<String> TEST_FIELDS =
      VectorSupport.testFields("label", "ikm", "salt", "context", "length", "info", "okm");

  @Override
  public String fileName() {
    return "kdf_labels_test.json";
  }

  @Override
  public String algorithm() {
    return ALGORITHM;
  }

  @Override
  public String schema() {
    return SCHEMA;
  }

  @Override
  public ObjectNode generate() {
    ObjectNode file =
        Vectors.newFile(
            ALGORITHM,
            SCHEMA,
            "okm = HKDF-SHA256(ikm, salt, info = ASCII(label) || 0x00 || context, length)"
                + " (RFC 5869; spec/secagg.md, section 2, 'Key derivation'). ikm, salt and"
                + " context are drawn in that order from DeterministicRandom.forTestVectorsOnly("
                + SEED + "); 'info' is the derived HKDF info string, given for review.",
            VectorSupport.notes(
                "ProtocolLabel",
                "The label is one of the protocol's labels from the spec's label table.",
                "EmptySalt",
                "The salt is empty, so HKDF-Extract uses 32 zero bytes as the HMAC key.",
                "EmptyContext",
                "The context is empty: info is the label followed by the single 0x00 separator.",
                "MultiBlock",
                "The output is longer than one HMAC-SHA256 block, exercising the expand counter.",
                "InvalidLength",
                "The output length is outside 1..8160 (255 HMAC blocks); derivation must throw"
                    + " IllegalArgumentException and produce nothing.",
                "InvalidLabel",
                "The label breaks the grammar 'secagg/v1 ' [a-z0-9][a-z0-9-]* with at most 64"
                    + " characters; KdfLabel.of must throw IllegalArgumentException."));
    DeterministicRandom r = DeterministicRandom.forTestVectorsOnly(SEED);
    ObjectNode group = ((ArrayNode) file.get("testGroups")).addObject();
    group.put("type", "KdfLabelTest");
    ArrayNode tests = group.putArray("tests");
    for (KdfLabel label : KdfLabel.protocolLabels()) {
      valid(tests, r, label, 32, 32, 16, 32, "random ikm, salt and context", "ProtocolLabel");
      valid(tests, r, label, 32, 0, 0, 16, "empty salt and context", "ProtocolLabel", "EmptySalt",
          "EmptyContext");
      valid(tests, r, label, 64, 32, 40, 100, "100-byte output", "ProtocolLabel", "MultiBlock");
    }
    for (int length : new int[] {0, -1, Hkdf.MAX_OUTPUT_LENGTH + 1}) {
      invalid(tests, r, KdfLabel.SESSION_ID.value(), length, "output length " + length,
          "InvalidLength");
    }
    String[][] badLabels = {
      {"secagg/v2 session-id", "wrong version prefix"},
      {"secagg/v1 Session-Id", "upper-case letters"},
      {"secagg/v1 ", "empty name"},
      {"secagg/v1 session id", "space inside the name"},
      {"secagg/v1 session\u0000id", "zero byte inside the name (would break the separator)"},
      {"session-id", "no prefix"},
      {"secagg/v1 " + "x".repeat(55), "65 characters, one more than the maximum"},
    };
    for (String[] bad : badLabels) {
      invalid(tests, r, bad[0], 32, "label with " + bad[1], "InvalidLabel");
    }
    return Vectors.finish(file);
  }

  private static void valid(
      ArrayNode tests, DeterministicRandom r, KdfLabel label, int ikmLength, int saltLength,
      int contextLength, int length, String comment, String... flags) {
    byte[] ikm = draw(r, ikmLength);
    byte[] salt = draw(r, saltLength);
    byte[] context = draw(r, contextLength);
    ObjectNode t = Vectors.newTest(tests, label.value() + ", " + comment, flags);
    t.put("label", label.value());
    t.put("ikm", hex(ikm));
    t.put("salt", hex(salt));
    t.put("context", hex(context));
    t.put("length", length);
    t.put("info", hex(label.info(context)));
    t.put("okm", hex(Hkdf.derive(ikm, salt, label, context, length)));
    t.put("result", "valid");
  }

  private static void invalid(
      ArrayNode tests, DeterministicRandom r, String label, int length, String comment,
      String flag) {
    ObjectNode t = Vectors.newTest(tests, comment, flag);
    t.put("label", label);
    t.put("ikm", hex(draw(r, 32)));
    t.put("salt", hex(draw(r, 32)));
    t.put("context", hex(draw(r, 16)));
    t.put("length", length);
    t.put("info", "");
    t.put("okm", "");
    t.put("result", "invalid");
  }

  @Override
  public void checkGroup(JsonNode group) {
    Vectors.onlyFields(group, GROUP_FIELDS);
    if (!"KdfLabelTest".equals(text(group, "type"))) {
      throw new AssertionError("unknown group type " + group.get("type"));
    }
  }

  @Override
  public void checkTest(JsonNode group, JsonNode test) {
    Vectors.onlyFields(test, TEST_FIELDS);
    String label = text(test, "label");
    byte[] ikm = bytes(test, "ikm");
    byte[] salt = bytes(test, "salt");
    byte[] context = bytes(test, "context");
    int length = integer(test, "length");
    if (!isValid(test)) {
      Vectors.expectInvalid(
          IllegalArgumentException.class,
          () -> Hkdf.derive(ikm, salt, KdfLabel.of(label), context, length));
      return;
    }
    KdfLabel kdfLabel = KdfLabel.of(label);
    if (!KdfLabel.protocolLabels().contains(kdfLabel)) {
      throw new AssertionError("valid case with a label outside the protocol table: " + label);
    }
    expectHex("info", text(test, "info"), kdfLabel.info(context));
    expectHex("okm", text(test, "okm"), Hkdf.derive(ikm, salt, kdfLabel, context, length));
    expectHex(
        "okm (secret path)",
        text(test, "okm"),
        Hkdf.derive(SecretBytes.copyOf(ikm), salt, kdfLabel, context, length).toByteArray());
  }

  static void expectHex(String what, String expected, byte[] actual) {
    if (!expected.equals(hex(actual))) {
      throw new AssertionError(what + ": expected " + expected + " but computed " + hex(actual));
    }
  }
}
