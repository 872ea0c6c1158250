package io.secagg.vectors.internal.core;

import static io.secagg.vectors.internal.core.AeadAesGcmChecker.*;
import static io.secagg.vectors.internal.core.VectorSupport.draw;
import static io.secagg.vectors.internal.core.VectorSupport.flipBit;
import static io.secagg.vectors.internal.core.VectorSupport.uniform;
import static io.secagg.vectors.internal.Vectors.bytes;
import static io.secagg.vectors.internal.Vectors.hex;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secagg.vectors.internal.CheckedFileGenerator;
import java.security.InvalidKeyException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import io.secagg.vectors.internal.VectorFiles;
import io.secagg.core.crypto.AesGcm;
import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.core.crypto.SecretBytes;

/** Generator of the file that {@link AeadAesGcmChecker} checks (how each value was produced). */
final class AeadAesGcmGenerator extends CheckedFileGenerator {
  AeadAesGcmGenerator() {
    super(new AeadAesGcmChecker());
  }

  @Override
  public ObjectNode generate() throws Exception {
    ObjectNode file =
        newFile("AES-GCM as secagg frames it (spec/secagg.md, section 2, 'Authenticated"
                + " encryption'): ct = nonce (12 bytes) || AES-GCM ciphertext || 16-byte tag, the"
                + " nonce being the next 12 bytes of the caller's random source; 'nonce' repeats"
                + " the first 12 bytes of 'ct' for review. Keys, messages, associated data,"
                + " nonces and tamper positions were drawn from DeterministicRandom"
                + ".forTestVectorsOnly(" + SEED + "); every one is recorded in its test (a"
                + " tamper position in the comment). Invalid cases must fail decryption with"
                + " AEADBadTagException (or, for an unsupported key size, creation with"
                + " InvalidKeyException); 'msg' is then empty.");
    DeterministicRandom r = DeterministicRandom.forTestVectorsOnly(SEED);
    ArrayNode groups = (ArrayNode) file.get("testGroups");
    for (int keySize : new int[] {128, 256}) {
      ObjectNode group = newGroup(groups, keySize);
      ArrayNode tests = group.putArray("tests");
      byte[] key = draw(r, keySize / 8);
      AesGcm aead = AesGcm.create(SecretBytes.copyOf(key), r);
      valid(tests, aead, key, draw(r, 100), draw(r, 48), "100-byte share, 48-byte AD", "Normal");
      valid(tests, aead, key, draw(r, 33), draw(r, 48), "33-byte share", "Normal");
      valid(tests, aead, key, new byte[0], draw(r, 48), "empty message", "EmptyMessage");
      valid(tests, aead, key, draw(r, 16), new byte[0], "empty associated data", "EmptyAad");
      byte[] msg = draw(r, 100);
      byte[] aad = draw(r, 48);
      byte[] ct = aead.encrypt(msg, aad);
      valid(tests, key, msg, aad, ct, "the ciphertext tampered with below", "Normal");
      int bodyBit = 8 * AesGcm.NONCE_LENGTH + uniform(r, 8 * msg.length);
      invalid(tests, key, aad, flipBit(ct, bodyBit), "bit " + bodyBit + " of ct flipped",
          "ModifiedCiphertext");
      int tagBit = 8 * (ct.length - AesGcm.TAG_LENGTH) + uniform(r, 8 * AesGcm.TAG_LENGTH);
      invalid(tests, key, aad, flipBit(ct, tagBit), "bit " + tagBit + " of ct (tag) flipped",
          "ModifiedTag");
      int nonceBit = uniform(r, 8 * AesGcm.NONCE_LENGTH);
      invalid(tests, key, aad, flipBit(ct, nonceBit), "bit " + nonceBit + " of ct (nonce) flipped",
          "ModifiedNonce");
      int aadBit = uniform(r, 8 * aad.length);
      invalid(tests, key, flipBit(aad, aadBit), ct, "bit " + aadBit + " of the AD flipped",
          "ModifiedAad");
      invalid(tests, key, aad, Arrays.copyOf(ct, ct.length - 1), "last byte removed",
          "Truncated");
      invalid(tests, key, aad, Arrays.copyOf(ct, ct.length - AesGcm.TAG_LENGTH),
          "tag removed", "Truncated");
      invalid(tests, key, aad, Arrays.copyOf(ct, AesGcm.OVERHEAD - 1), "27 bytes", "TooShort");
      invalid(tests, key, aad, new byte[0], "empty ct", "TooShort");
    }
    ObjectNode group = newGroup(groups, 192);
    ArrayNode tests = group.putArray("tests");
    byte[] key = draw(r, 24);
    byte[] aad = draw(r, 48);
    // A ciphertext made with a real AES-192 GCM would not matter: the key is refused first.
    invalid(tests, key, aad, draw(r, 60), "AES-192 key", "UnsupportedKeySize");
    return VectorFiles.finish(file);
  }

  private static ObjectNode newGroup(ArrayNode groups, int keySize) {
    ObjectNode group = groups.addObject();
    group.put("type", "AeadTest");
    group.put("keySize", keySize);
    group.put("nonceSize", 8 * AesGcm.NONCE_LENGTH);
    group.put("tagSize", 8 * AesGcm.TAG_LENGTH);
    return group;
  }

  private static void valid(ArrayNode tests, AesGcm aead, byte[] key, byte[] msg, byte[] aad,
      String comment, String... flags) {
    valid(tests, key, msg, aad, aead.encrypt(msg, aad), comment, flags);
  }

  private static void valid(ArrayNode tests, byte[] key, byte[] msg, byte[] aad, byte[] ct,
      String comment, String... flags) {
    ObjectNode t = VectorFiles.newTest(tests, comment, flags);
    t.put("key", hex(key));
    t.put("nonce", hex(Arrays.copyOf(ct, AesGcm.NONCE_LENGTH)));
    t.put("aad", hex(aad));
    t.put("msg", hex(msg));
    t.put("ct", hex(ct));
    t.put("result", "valid");
  }

  private static void invalid(
      ArrayNode tests, byte[] key, byte[] aad, byte[] ct, String comment, String flag) {
    ObjectNode t = VectorFiles.newTest(tests, comment, flag);
    t.put("key", hex(key));
    t.put("nonce", hex(Arrays.copyOf(ct, Math.min(ct.length, AesGcm.NONCE_LENGTH))));
    t.put("aad", hex(aad));
    t.put("msg", "");
    t.put("ct", hex(ct));
    t.put("error", flag.equals("UnsupportedKeySize") ? "InvalidKeyException" : "AEADBadTagException");
    t.put("result", "invalid");
  }
}