package io.secagg.vectors.internal.core;

import io.secagg.vectors.internal.Vectors;
import java.util.LinkedHashSet;
import java.util.Set;

/** Small helpers shared by this package's vector generators and checkers. */
final class VectorSupport {
  private VectorSupport() {}

  /** The common test fields plus {@code own}. */
  static Set<String> testFields(String... own) {
    Set<String> s = new LinkedHashSet<>(Vectors.COMMON_TEST_FIELDS);
    s.addAll(java.util.List.of(own));
    return s;
  }

  /** {@code bytes} with bit {@code bit} (0 = least significant bit of byte 0) flipped. */
  static byte[] flipBit(byte[] bytes, int bit) {
    byte[] out = bytes.clone();
    out[bit / 8] ^= (byte) (1 << (bit % 8));
    return out;
  }

  /** A uniformly random int in {@code [0, bound)} from {@code nextBytes} only (spec rule). */
  static int uniform(java.security.SecureRandom r, int bound) {
    byte[] b = new byte[4];
    r.nextBytes(b);
    long v = ((b[0] & 0xffL) << 24) | ((b[1] & 0xffL) << 16) | ((b[2] & 0xffL) << 8) | (b[3] & 0xffL);
    // Bias at most bound / 2^32: irrelevant for choosing which byte of a vector to tamper with.
    return (int) (v % bound);
  }

  /** {@code n} bytes drawn with one {@code nextBytes} call. */
  static byte[] draw(java.security.SecureRandom r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }
}
