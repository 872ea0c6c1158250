package io.secagg.vectors.internal.core;

import static io.secagg.vectors.internal.Vectors.bytes;
import static io.secagg.vectors.internal.Vectors.hex;
import static io.secagg.vectors.internal.Vectors.integer;
import static io.secagg.vectors.internal.Vectors.isValid;
import static io.secagg.vectors.internal.Vectors.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.secagg.vectors.internal.NamedVectorChecker;
import io.secagg.vectors.internal.Mismatch;
import io.secagg.vectors.internal.Vectors;
import java.util.Set;
import io.secagg.core.crypto.Hkdf;
import io.secagg.core.crypto.KdfLabel;
import io.secagg.core.crypto.SecretBytes;

/**
 * Checker of {@code kdf_labels_test.json}: labelled HKDF-SHA256 for every protocol label, each with
 * the input shape and output length of the label table (spec/secagg.md 2.4.3), labelled HKDF with
 * test labels ({@code secagg/v1 test-...}, never used by the protocol) at other lengths, plus
 * invalid output lengths and malformed labels.
 */
public final class KdfLabelsChecker extends NamedVectorChecker {
  static final String ALGORITHM = "HKDF-SHA256-LABELLED";
  static final String SCHEMA = "kdf_labels_test_schema_v1.json";
  static final long SEED = 0x4b44464c4142454cL; // "KDFLABEL"
  static final Set<String> GROUP_FIELDS = Set.of("type", "tests");
  /** Any length. */
  static final int ANY = -1;
  /** 0 to 1024 bytes. */
  static final int UP_TO_1024 = -2;
  /**
   * Section 2.4.3, row by row: the ikm, salt and context lengths ({@link #ANY}, {@link
   * #UP_TO_1024} or exact) and the output length of each protocol label.
   */
  static final java.util.Map<String, int[]> TABLE =
      java.util.Map.ofEntries(
          java.util.Map.entry("secagg/v1 session-id", new int[] {ANY, 0, 0, 32}),
          java.util.Map.entry("secagg/v1 pairwise-mask-seed", new int[] {32, 32, 8, 32}),
          java.util.Map.entry("secagg/v1 share-encryption-key", new int[] {32, 32, 8, 16}),
          java.util.Map.entry("secagg/v1 config-digest", new int[] {ANY, 0, 0, 32}),
          java.util.Map.entry("secagg/v1 graph-seed", new int[] {32, 0, 0, 32}),
          java.util.Map.entry("secagg/v1 keystream-mask", new int[] {32, 0, UP_TO_1024, 24}),
          java.util.Map.entry("secagg/v1 keystream-graph", new int[] {32, 0, 8, 24}),
          java.util.Map.entry("secagg/v1 keystream-quant-rounding", new int[] {32, 0, 0, 24}),
          java.util.Map.entry("secagg/v1 keystream-dp-bits", new int[] {ANY, 0, 0, 24}),
          java.util.Map.entry("secagg/v1 keystream-dp-rotation-signs", new int[] {32, 0, 0, 24}),
          java.util.Map.entry("secagg/v1 keystream-deterministic-random", new int[] {ANY, 0, 0, 24}),
          java.util.Map.entry("secagg/v1 self-mask-commitment", new int[] {32, 32, 4, 32}));
  /** Labels of the KDF's own vectors: reserved by section 2.4.3, never used by the protocol. */
  static final String TEST_LABEL_PREFIX = "secagg/v1 test-";

  static final Set<String> TEST_FIELDS =
      VectorSupport.testFields("label", "ikm", "salt", "context", "length", "info", "okm");

  public KdfLabelsChecker() {
    super("kdf_labels_test.json", ALGORITHM, SCHEMA);
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
      Vectors.expectNamedError(
          test,
          () -> Hkdf.derive(ikm, salt, KdfLabel.of(label), context, length),
          IllegalArgumentException.class);
      return;
    }
    KdfLabel kdfLabel = KdfLabel.of(label);
    int[] shape = TABLE.get(label);
    if (KdfLabel.protocolLabels().contains(kdfLabel) != (shape != null)) {
      throw new Mismatch("the library's protocol labels and the spec's label table disagree on " + label);
    }
    if (shape != null) {
      // Section 2.4.3: a protocol label is never used with other input shapes or lengths.
      fits("ikm", ikm.length, shape[0]);
      fits("salt", salt.length, shape[1]);
      fits("context", context.length, shape[2]);
      fits("length", length, shape[3]);
    } else if (!label.startsWith(TEST_LABEL_PREFIX)) {
      throw new Mismatch("a valid case uses a protocol label or a test label: " + label);
    }
    expectHex("info", text(test, "info"), kdfLabel.info(context));
    expectHex("okm", text(test, "okm"), Hkdf.derive(ikm, salt, kdfLabel, context, length));
    expectHex(
        "okm (secret path)",
        text(test, "okm"),
        Hkdf.derive(SecretBytes.copyOf(ikm), salt, kdfLabel, context, length).toByteArray());
  }

  private static void fits(String what, int actual, int rule) {
    boolean ok = rule == ANY || (rule == UP_TO_1024 ? actual <= 1024 : actual == rule);
    if (!ok) {
      throw new Mismatch(what + " of " + actual + " bytes breaks the label table (section 2.4.3)");
    }
  }

  static void expectHex(String what, String expected, byte[] actual) {
    if (!expected.equals(hex(actual))) {
      throw new Mismatch(what + ": expected " + expected + " but computed " + hex(actual));
    }
  }
}
