package io.secagg.vectors.internal.core;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * A second, deliberately plain implementation of the ring-order derivation of {@code
 * spec/secagg.md, section 4}, written from the spec over the naive {@link ReferenceKeystream}, so
 * that the vector files check the production code against the text rather than against itself.
 */
final class HararyVectors {
  static final String ALGORITHM = "SECAGG-HARARY-GRAPH";
  static final String SCHEMA = "graph_harary_test_schema_v1.json";
  static final String FILE = "graph_harary_test.json";

  private HararyVectors() {}

  /** The ring order, the number of 32-bit words drawn and the stream's key and counter block. */
  static final class Derivation {
    final byte[] key;
    final byte[] iv;
    final int[] ring;
    final long wordsDrawn;

    Derivation(byte[] key, byte[] iv, int[] ring, long wordsDrawn) {
      this.key = key;
      this.iv = iv;
      this.ring = ring;
      this.wordsDrawn = wordsDrawn;
    }
  }

  /** The keystream context: BE32(n) || BE32(k). */
  static byte[] context(int n, int k) {
    byte[] c = new byte[8];
    for (int i = 0; i < 4; i++) {
      c[i] = (byte) (n >>> (24 - 8 * i));
      c[4 + i] = (byte) (k >>> (24 - 8 * i));
    }
    return c;
  }

  static Derivation derive(byte[] seed, int n, int k) {
    ReferenceKeystream ks = ReferenceKeystream.open("secagg/v1 keystream-graph", seed, context(n, k));
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
        r = ks.nextLittleEndian(4);
        words++;
      } while (r >= limit);
      int j = (int) (r % bound);
      int t = ring[i];
      ring[i] = ring[j];
      ring[j] = t;
    }
    return new Derivation(ks.key(), ks.iv(), ring, words);
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
