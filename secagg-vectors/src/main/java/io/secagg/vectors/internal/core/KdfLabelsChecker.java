package io.secagg.vectors.internal.core;

import static io.secagg.vectors.internal.core.VectorSupport.draw;
import static io.secagg.vectors.internal.Vectors.bytes;
import static io.secagg.vectors.internal.Vectors.hex;
import static io.secagg.vectors.internal.Vectors.integer;
import static io.secagg.vectors.internal.Vectors.isValid;
import static io.secagg.vectors.internal.Vectors.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secagg.vectors.internal.VectorChecker;
import io.secagg.vectors.internal.Mismatch;
import io.secagg.vectors.internal.Vectors;
import java.util.Set;
import io.secagg.core.crypto.Hkdf;
import io.secagg.core.crypto.KdfLabel;
import io.secagg.core.crypto.SecretBytes;

/**
 * Generator and checker of {@code kdf_labels_test.json}: labelled HKDF-SHA256 for every protocol
 * label, plus invalid output lengths and malformed labels.
 */
public final class KdfLabelsChecker implements VectorChecker {
  static final String ALGORITHM = "HKDF-SHA256-LABELLED";
  static final String SCHEMA = "kdf_labels_test_schema_v1";
  static final long SEED = 0x4b44464c4142454cL; // "KDFLABEL"
  static final Set<String> GROUP_FIELDS = Set.of("type", "tests");
  static final Set<String> TEST_FIELDS =
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
  public void checkGroup(JsonNode group) {
    Vectors.onlyFields(group, GROUP_FIELDS);
    if (!"KdfLabelTest".equals(text(group, "type"))) {
      throw new Mismatch("unknown group type " + group.get("type"));
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
      throw new Mismatch("valid case with a label outside the protocol table: " + label);
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
      throw new Mismatch(what + ": expected " + expected + " but computed " + hex(actual));
    }
  }
}
