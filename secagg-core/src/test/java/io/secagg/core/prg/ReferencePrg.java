package io.secagg.core.prg;

import io.secagg.core.crypto.Hkdf;
import io.secagg.core.vector.Modulus;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * A deliberately naive transcription of the specification's PRG ("Mask expansion"), independent
 * of the production code's chunking and kernels: every counter block is encrypted on its own with
 * AES-128 in ECB mode, every word is assembled byte by byte, every candidate is compared as an
 * unsigned integer. Slow; for tests and vector generation only.
 */
final class ReferencePrg {
  /** The outputs of one expansion, with the intermediate values the vector files record. */
  static final class Result {
    final byte[] key;
    final byte[] iv;
    final long[] elements;
    final long rejected;

    Result(byte[] key, byte[] iv, long[] elements, long rejected) {
      this.key = key;
      this.iv = iv;
      this.elements = elements;
      this.rejected = rejected;
    }
  }

  private ReferencePrg() {}

  static Result expand(byte[] seed, byte[] context, Modulus m, int length) throws GeneralSecurityException {
    if (seed.length != 32) {
      throw new IllegalArgumentException("seed must be 32 bytes");
    }
    byte[] label = "secagg/v1 prg".getBytes(StandardCharsets.US_ASCII);
    byte[] info = new byte[label.length + 1 + context.length];
    System.arraycopy(label, 0, info, 0, label.length);
    info[label.length] = 0;
    System.arraycopy(context, 0, info, label.length + 1, context.length);
    byte[] okm = Hkdf.derive(seed, new byte[0], info, 24);
    byte[] key = Arrays.copyOfRange(okm, 0, 16);
    byte[] iv = new byte[16];
    System.arraycopy(okm, 16, iv, 0, 8);

    Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
    aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
    int k = m.bits();
    int s = k <= 32 ? 4 : 8;
    long kMask = k == 64 ? -1L : (1L << k) - 1;
    long max = m.maxElement();

    long[] out = new long[length];
    long rejected = 0;
    long block = 0;
    byte[] buffer = new byte[0];
    int used = 0;
    int produced = 0;
    while (produced < length) {
      byte[] word = new byte[s];
      for (int i = 0; i < s; i++) {
        if (used == buffer.length) {
          byte[] counterBlock = iv.clone();
          for (int j = 0; j < 8; j++) {
            counterBlock[15 - j] = (byte) (block >>> (8 * j));
          }
          buffer = aes.doFinal(counterBlock);
          used = 0;
          block++;
        }
        word[i] = buffer[used++];
      }
      long w = 0;
      for (int i = s - 1; i >= 0; i--) {
        w = (w << 8) | (word[i] & 0xFF);
      }
      long candidate = w & kMask;
      if (Long.compareUnsigned(candidate, max) <= 0) {
        out[produced++] = candidate;
      } else {
        rejected++;
      }
    }
    return new Result(key, iv, out, rejected);
  }
}
