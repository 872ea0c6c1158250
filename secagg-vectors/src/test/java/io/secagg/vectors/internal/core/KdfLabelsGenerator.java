package io.secagg.vectors.internal.core;

import static io.secagg.vectors.internal.core.KdfLabelsChecker.*;
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
import io.secagg.vectors.internal.VectorFileGenerator;
import io.secagg.vectors.internal.Vectors;
import java.util.Set;
import io.secagg.vectors.internal.VectorFiles;
import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.core.crypto.Hkdf;
import io.secagg.core.crypto.KdfLabel;

/** Generator of the file that {@link KdfLabelsChecker} checks (how each value was produced). */
final class KdfLabelsGenerator implements VectorFileGenerator {
  @Override
  public String fileName() {
    return new KdfLabelsChecker().fileName();
  }

  @Override
  public ObjectNode generate() {
    ObjectNode file =
        VectorFiles.newFile(
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
    t.put("result", "invalid");
  }
}