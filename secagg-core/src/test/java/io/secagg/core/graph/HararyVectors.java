package io.secagg.core.graph;

import io.secagg.core.crypto.Hkdf;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A second, deliberately plain implementation of the ring-order derivation of {@code
 * spec/secagg.md, section 4}, written from the spec with raw JCE calls, so that the vector
 * files check the production code against the text rather than against itself.
 */
final class HararyVectors {
  static final String ALGORITHM = "SECAGG-HARARY-GRAPH";
  static final String SCHEMA = "graph_harary_test_schema_v1.json";
  static final String FILE = "graph_harary_test.json";

  private HararyVectors() {}

  /** The ring order and the number of 32-bit words drawn. */
  static final class Derivation {
    final byte[] aesKey;
    final int[] ring;
    final long wordsDrawn;

    Derivation(byte[] aesKey, int[] ring, long wordsDrawn) {
      this.aesKey = aesKey;
      this.ring = ring;
      this.wordsDrawn = wordsDrawn;
    }
  }

  static byte[] aesKey(byte[] seed, int n, int k) {
    byte[] label = "secagg/v1 graph".getBytes(StandardCharsets.US_ASCII);
    byte[] info = new byte[label.length + 8];
    System.arraycopy(label, 0, info, 0, label.length);
    for (int i = 0; i < 4; i++) {
      info[label.length + i] = (byte) (n >>> (24 - 8 * i));
      info[label.length + 4 + i] = (byte) (k >>> (24 - 8 * i));
    }
    return Hkdf.derive(seed, new byte[0], info, 16);
  }

  static Derivation derive(byte[] seed, int n, int k) throws GeneralSecurityException {
    byte[] key = aesKey(seed, n, k);
    Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
    aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
    int[] ring = new int[n];
    for (int i = 0; i < n; i++) {
      ring[i] = i + 1;
    }
    long words = 0;
    for (int i = n - 1; i >= 1; i--) {
      long bound = i + 1L;
      long limit = (1L << 32) - (1L << 32) % bound;
      long r;
      do {
        byte[] b = aes.update(new byte[4]);
        r = ((b[0] & 0xffL) << 24) | ((b[1] & 0xffL) << 16) | ((b[2] & 0xffL) << 8) | (b[3] & 0xffL);
        words++;
      } while (r >= limit);
      int j = (int) (r % bound);
      int t = ring[i];
      ring[i] = ring[j];
      ring[j] = t;
    }
    return new Derivation(key, ring, words);
  }

  /** SHA-256 of the ring order written as big-endian 32-bit integers. */
  static byte[] ringDigest(int[] ring) throws GeneralSecurityException {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (int id : ring) {
      sha.update(new byte[] {(byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id});
    }
    return sha.digest();
  }
}
