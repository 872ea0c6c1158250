package io.secagg.vectors.internal.core;

import static io.secagg.vectors.internal.Vectors.bytes;
import static io.secagg.vectors.internal.Vectors.integer;
import static io.secagg.vectors.internal.Vectors.isValid;
import static io.secagg.vectors.internal.Vectors.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.secagg.vectors.internal.NamedVectorChecker;
import io.secagg.vectors.internal.Mismatch;
import io.secagg.vectors.internal.ReplayRandom;
import io.secagg.vectors.internal.Vectors;
import java.security.InvalidKeyException;
import java.util.Arrays;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import io.secagg.core.crypto.AesGcm;
import io.secagg.core.crypto.SecretBytes;

/**
 * Generator and checker of {@code aead_aesgcm_test.json}: share encryption with associated data
 * in our framing {@code nonce || ciphertext || tag}, with tampered and truncated ciphertexts and an
 * unsupported key size as invalid cases.
 */
public final class AeadAesGcmChecker extends NamedVectorChecker {
  static final String ALGORITHM = "AES-GCM-SECAGG";
  static final String SCHEMA = "aead_aesgcm_secagg_test_schema_v1.json";
  static final long SEED = 0x41455347434d3031L; // "AESGCM01"
  static final Set<String> GROUP_FIELDS =
      Set.of("type", "keySize", "nonceSize", "tagSize", "tests");
  static final Set<String> TEST_FIELDS =
      VectorSupport.testFields("key", "nonce", "aad", "msg", "ct");

  public AeadAesGcmChecker() {
    super("aead_aesgcm_test.json", ALGORITHM, SCHEMA);
  }

  @Override
  public void checkGroup(JsonNode group) {
    Vectors.onlyFields(group, GROUP_FIELDS);
    if (!"AeadTest".equals(text(group, "type"))
        || integer(group, "nonceSize") != 96
        || integer(group, "tagSize") != 128) {
      throw new Mismatch("group parameters not understood: " + group.get("type"));
    }
    int keySize = integer(group, "keySize");
    if (keySize != 128 && keySize != 192 && keySize != 256) {
      throw new Mismatch("key size " + keySize + " not understood");
    }
  }

  @Override
  public void checkTest(JsonNode group, JsonNode test) throws Exception {
    Vectors.onlyFields(test, TEST_FIELDS);
    byte[] key = bytes(test, "key");
    byte[] nonce = bytes(test, "nonce");
    byte[] aad = bytes(test, "aad");
    byte[] msg = bytes(test, "msg");
    byte[] ct = bytes(test, "ct");
    if (key.length * 8 != integer(group, "keySize")) {
      throw new Mismatch("key length does not match keySize");
    }
    if (!Arrays.equals(nonce, Arrays.copyOf(ct, Math.min(ct.length, AesGcm.NONCE_LENGTH)))) {
      throw new Mismatch("'nonce' is not the start of 'ct'");
    }
    if (key.length == 24) {
      Vectors.expectNamedError(
          test, () -> AesGcm.create(SecretBytes.copyOf(key)), InvalidKeyException.class);
      if (isValid(test)) {
        throw new Mismatch("AES-192 cases must be invalid");
      }
      return;
    }
    // Replaying the recorded nonce as the random source re-runs the production encryption path.
    AesGcm aead = AesGcm.create(SecretBytes.copyOf(key), ReplayRandom.of(nonce));
    if (isValid(test)) {
      KdfLabelsChecker.expectHex("ct", text(test, "ct"), aead.encrypt(msg, aad));
      KdfLabelsChecker.expectHex("msg", text(test, "msg"), aead.decrypt(ct, aad));
    } else {
      if (msg.length != 0) {
        throw new Mismatch("invalid cases carry no message");
      }
      Vectors.expectNamedError(test, () -> aead.decrypt(ct, aad), AEADBadTagException.class);
    }
  }
}
