package io.secagg.core.crypto;

import static io.secagg.core.testvectors.Vectors.bytes;
import static io.secagg.core.testvectors.Vectors.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.InvalidKeyException;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Wycheproof {@code x25519_test.json} (518 cases, the project's copy in {@code
 * test-vectors/third_party/wycheproof/}) against {@link X25519#agree}.
 *
 * <p>Rules: every case whose expected shared secret is not all zero must agree and give exactly
 * that secret, including the {@code acceptable} ones (twist points and non-canonical public keys,
 * which RFC 7748 decodes by masking bit 255 and reducing mod p, as we do). Wycheproof marks the
 * all-zero results (small-order public keys) {@code acceptable}; our wrapper deliberately
 * rejects them (RFC 7748 section 6.1), so for those cases the test asserts {@link
 * InvalidKeyException}.
 */
class X25519WycheproofTest {
  private static final X25519 X = X25519.create(DeterministicRandom.forTestVectorsOnly(0));

  @Test
  void everyWycheproofCaseAgreesOrIsRejectedByOurZeroRule() {
    WycheproofCases.runAll(
        "x25519_test.json",
        Map.of(
            "valid, agreed", 264,
            "acceptable, agreed", 223,
            // Wycheproof accepts an all-zero shared secret; our wrapper rejects it (RFC 7748 6.1).
            "acceptable, rejected by our all-zero rule", 31),
        (group, test) -> {
          assertEquals("curve25519", text(group, "curve"));
          SecretBytes priv = SecretBytes.copyOf(bytes(test, "private"));
          byte[] pub = bytes(test, "public");
          byte[] shared = bytes(test, "shared");
          String result = text(test, "result");
          if (isAllZero(shared)) {
            assertTrue(WycheproofCases.hasFlag(test, "ZeroSharedSecret"), "unflagged zero");
            try {
              X.agree(priv, pub);
            } catch (InvalidKeyException expected) {
              return result + ", rejected by our all-zero rule";
            }
            throw new AssertionError("all-zero shared secret was not rejected");
          }
          assertTrue(result.equals("valid") || result.equals("acceptable"), result);
          assertEquals(
              HexFormat.of().formatHex(shared),
              HexFormat.of().formatHex(X.agree(priv, pub).toByteArray()));
          return result + ", agreed";
        });
  }

  private static boolean isAllZero(byte[] b) {
    for (byte x : b) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }
}
