package io.secagg.core.shamir;

import io.secagg.core.internal.Gf61;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Uniform elements of GF(2^61 - 1) from a {@link SecureRandom}, by rejection.
 *
 * <p>The source is read as a byte stream in 8-byte words; each word is a big-endian unsigned
 * integer whose top three bits are dropped, giving a uniform value in [0, 2^61); the single value
 * 2^61 - 1 (= p) is rejected and the next word is used. The result is exactly uniform on [0, p);
 * a rejection happens with probability 2^-61 per word.
 *
 * <p>Words are fetched in as few {@code nextBytes} calls as possible (one, unless a word is
 * rejected), which for a stream-like source such as {@code DeterministicRandom} yields the same
 * elements as reading word by word.
 */
final class FieldSampler {
  private FieldSampler() {}

  /** {@code count} independent uniform field elements, in stream order. */
  static long[] draw(SecureRandom random, int count) {
    long[] out = new long[count];
    int filled = 0;
    while (filled < count) {
      byte[] buf = new byte[8 * (count - filled)];
      random.nextBytes(buf);
      for (int off = 0; off < buf.length; off += 8) {
        long v = SecretChunks.readLong(buf, off) & Gf61.P;
        if (v != Gf61.P) {
          out[filled++] = v;
        }
      }
      Arrays.fill(buf, (byte) 0);
    }
    return out;
  }
}
