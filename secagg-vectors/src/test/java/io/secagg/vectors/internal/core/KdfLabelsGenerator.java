package io.secagg.vectors.internal.core;

import static io.secagg.vectors.internal.core.KdfLabelsChecker.*;
import static io.secagg.vectors.internal.core.VectorSupport.draw;
import static io.secagg.vectors.internal.Vectors.bytes;
import static io.secagg.vectors.internal.Vectors.hex;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secagg.vectors.internal.CheckedFileGenerator;
import io.secagg.vectors.internal.VectorFiles;
import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.core.crypto.Hkdf;
import io.secagg.core.crypto.KdfLabel;

/** Generator of the file that {@link KdfLabelsChecker} checks (how each value was produced). */
final class KdfLabelsGenerator extends CheckedFileGenerator {
  KdfLabelsGenerator() {
    super(new KdfLabelsChecker());
  }

  @Override
  public ObjectNode generate() {
    ObjectNode file =
        newFile("okm = HKDF-SHA256(ikm, salt, info = ASCII(label) || 0x00 || context, length)"
                + " (RFC 5869; spec/secagg.md, section 2, 'Key derivation'). ikm, salt and"
                + " context are drawn in that order from DeterministicRandom.forTestVectorsOnly("
                + SEED + "); 'info' is the derived HKDF info string, given for review.");
    DeterministicRandom r = DeterministicRandom.forTestVectorsOnly(SEED);
    ObjectNode group = ((ArrayNode) file.get("testGroups")).addObject();
    group.put("type", "KdfLabelTest");
    ArrayNode tests = group.putArray("tests");
    for (KdfLabel label : KdfLabel.protocolLabels()) {
      int[] shape = TABLE.get(label.value());
      int ikm = shape[0] == ANY ? 48 : shape[0];
      int context = shape[2] == UP_TO_1024 ? 40 : shape[2];
      String comment = "its table row: " + ikm + "-byte ikm, " + shape[1] + "-byte salt, "
          + context + "-byte context, " + shape[3] + "-byte output";
      if (shape[1] == 0 && context == 0) {
        valid(tests, r, label, ikm, 0, 0, shape[3], comment, "ProtocolLabel", "EmptySalt", "EmptyContext");
      } else if (shape[1] == 0) {
        valid(tests, r, label, ikm, 0, context, shape[3], comment, "ProtocolLabel", "EmptySalt");
      } else {
        valid(tests, r, label, ikm, shape[1], context, shape[3], comment, "ProtocolLabel");
      }
    }
    KdfLabel test = KdfLabel.of(TEST_LABEL_PREFIX + "kdf");
    KdfLabel prefix = KdfLabel.of(TEST_LABEL_PREFIX + "kdf-longer");
    valid(tests, r, test, 32, 32, 16, 32, "random ikm, salt and context", "TestLabel");
    valid(tests, r, test, 32, 0, 0, 16, "empty salt and context, 16-byte output", "TestLabel",
        "EmptySalt", "EmptyContext");
    valid(tests, r, test, 64, 32, 40, 100, "100-byte output", "TestLabel", "MultiBlock");
    valid(tests, r, test, 0, 0, 0, 1, "empty ikm, 1-byte output", "TestLabel", "EmptySalt",
        "EmptyContext");
    valid(tests, r, prefix, 32, 32, 16, 32, "a label that extends the other test label",
        "TestLabel");
    valid(tests, r, test, 32, 32, 0, Hkdf.MAX_OUTPUT_LENGTH, "the longest output, 8160 bytes",
        "TestLabel", "EmptyContext", "MultiBlock");
    for (int length : new int[] {0, -1, Hkdf.MAX_OUTPUT_LENGTH + 1}) {
      invalid(tests, r, test.value(), length, "output length " + length, "InvalidLength");
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
    return VectorFiles.finish(file);
  }

  private static void valid(
      ArrayNode tests, DeterministicRandom r, KdfLabel label, int ikmLength, int saltLength,
      int contextLength, int length, String comment, String... flags) {
    byte[] ikm = draw(r, ikmLength);
    byte[] salt = draw(r, saltLength);
    byte[] context = draw(r, contextLength);
    ObjectNode t = VectorFiles.newTest(tests, label.value() + ", " + comment, flags);
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
    ObjectNode t = VectorFiles.newTest(tests, comment, flag);
    t.put("label", label);
    t.put("ikm", hex(draw(r, 32)));
    t.put("salt", hex(draw(r, 32)));
    t.put("context", hex(draw(r, 16)));
    t.put("length", length);
    t.put("info", "");
    t.put("okm", "");
    t.put("error", "IllegalArgumentException");
    t.put("result", "invalid");
  }
}