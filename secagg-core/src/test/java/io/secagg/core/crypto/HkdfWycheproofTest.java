package io.secagg.core.crypto;

import static io.secagg.core.testvectors.Vectors.bytes;
import static io.secagg.core.testvectors.Vectors.integer;
import static io.secagg.core.testvectors.Vectors.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Wycheproof {@code hkdf_sha256_test.json} (86 cases, the project's copy in {@code
 * test-vectors/third_party/wycheproof/}) against {@link Hkdf#derive(byte[], byte[],
 * byte[], int)}: valid cases must reproduce {@code okm}; the invalid ones ask for more than
 * 255 * 32 bytes and must throw {@link IllegalArgumentException}.
 */
class HkdfWycheproofTest {
  @Test
  void everyWycheproofCaseMatches() {
    WycheproofCases.runAll(
        "hkdf_sha256_test.json",
        Map.of("valid, derived", 83, "invalid, rejected", 3),
        (group, test) -> {
          byte[] ikm = bytes(test, "ikm");
          byte[] salt = bytes(test, "salt");
          byte[] info = bytes(test, "info");
          int size = integer(test, "size");
          if (text(test, "result").equals("valid")) {
            assertEquals(
                text(test, "okm"), HexFormat.of().formatHex(Hkdf.derive(ikm, salt, info, size)));
            return "valid, derived";
          }
          assertThrows(IllegalArgumentException.class, () -> Hkdf.derive(ikm, salt, info, size));
          return "invalid, rejected";
        });
  }
}
