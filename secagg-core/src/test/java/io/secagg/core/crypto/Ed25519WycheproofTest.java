package io.secagg.core.crypto;

import static io.secagg.core.testvectors.Vectors.bytes;
import static io.secagg.core.testvectors.Vectors.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SignatureException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Wycheproof {@code ed25519_test.json} (151 cases, the project's copy in {@code
 * test-vectors/third_party/wycheproof/}) against {@link Ed25519#verify}: a valid
 * signature must verify; every invalid one (malleated S, non-canonical R, truncated or padded
 * signatures, edge-case values) must throw {@link SignatureException}, never anything else.
 */
class Ed25519WycheproofTest {
  private static final Ed25519 ED = Ed25519.create(DeterministicRandom.forTestVectorsOnly(0));

  @Test
  void everyWycheproofCaseVerifiesOrIsRejected() {
    WycheproofCases.runAll(
        "ed25519_test.json",
        Map.of("valid, verified", 88, "invalid, rejected", 63),
        (group, test) -> {
          assertEquals("edwards25519", text(group.get("publicKey"), "curve"));
          byte[] pk = bytes(group.get("publicKey"), "pk");
          byte[] msg = bytes(test, "msg");
          byte[] sig = bytes(test, "sig");
          if (text(test, "result").equals("valid")) {
            ED.verify(pk, msg, sig);
            return "valid, verified";
          }
          assertThrows(SignatureException.class, () -> ED.verify(pk, msg, sig));
          return "invalid, rejected";
        });
  }
}
