package io.secagg.core.crypto;

import static io.secagg.core.testvectors.Vectors.bytes;
import static io.secagg.core.testvectors.Vectors.integer;
import static io.secagg.core.testvectors.Vectors.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.InvalidKeyException;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;

/**
 * Wycheproof {@code aes_gcm_test.json} (316 cases, the project's copy in {@code
 * test-vectors/third_party/wycheproof/}) against {@link AesGcm}.
 *
 * <p>Rules: for 128- and 256-bit keys with 96-bit IVs and 128-bit tags, a valid case must
 * encrypt (with the IV replayed as our random nonce) to exactly {@code iv || ct || tag} and
 * decrypt back to {@code msg}; an invalid case must fail decryption with {@link
 * AEADBadTagException}. Cases outside what our wrapper supports are asserted rejected even when
 * Wycheproof calls them valid: 192-bit keys ({@link InvalidKeyException} at creation), and IVs
 * other than 96 bits or tags other than 128 bits (our framing has no way to carry them, so the
 * bytes {@code iv || ct || tag} must fail authentication with {@link AEADBadTagException}).
 */
class AesGcmWycheproofTest {
  @Test
  void everyWycheproofCaseMatchesOrIsRejectedByOurParameterRules() {
    WycheproofCases.runAll(
        "aes_gcm_test.json",
        Map.of(
            "valid, encrypted and decrypted", 79,
            "invalid, rejected", 54,
            // Our rules reject cases Wycheproof calls valid: AES-192 keys, and IVs of other than
            // 96 bits (the framing iv || ct || tag has no room for another length).
            "valid, 192-bit key rejected by our key-size rule", 74,
            "invalid, 192-bit key rejected by our key-size rule", 29,
            "valid, IV of other than 96 bits rejected by our framing rule", 76,
            "invalid, IV of other than 96 bits rejected by our framing rule", 4),
        (group, test) -> {
          int keySize = integer(group, "keySize");
          int ivSize = integer(group, "ivSize");
          int tagSize = integer(group, "tagSize");
          byte[] key = bytes(test, "key");
          byte[] iv = bytes(test, "iv");
          byte[] aad = bytes(test, "aad");
          byte[] msg = bytes(test, "msg");
          byte[] framed = concat(iv, bytes(test, "ct"), bytes(test, "tag"));
          String result = text(test, "result");
          if (keySize != 128 && keySize != 256) {
            assertThrows(
                InvalidKeyException.class,
                () -> AesGcm.create(SecretBytes.copyOf(key), FixedBytesRandom.of(new byte[0])));
            return result + ", " + keySize + "-bit key rejected by our key-size rule";
          }
          AesGcm aead = AesGcm.create(SecretBytes.copyOf(key), FixedBytesRandom.of(iv));
          if (ivSize != 96 || tagSize != 128) {
            assertThrows(AEADBadTagException.class, () -> aead.decrypt(framed, aad));
            return result + ", IV of other than 96 bits rejected by our framing rule";
          }
          if (result.equals("valid")) {
            assertArrayEquals(framed, aead.encrypt(msg, aad), "encryption");
            assertArrayEquals(msg, aead.decrypt(framed, aad), "decryption");
            return "valid, encrypted and decrypted";
          }
          assertThrows(AEADBadTagException.class, () -> aead.decrypt(framed, aad));
          return result + ", rejected";
        });
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int off = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, off, p.length);
      off += p.length;
    }
    return out;
  }
}
