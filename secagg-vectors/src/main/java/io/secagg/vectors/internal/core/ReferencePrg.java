package io.secagg.vectors.internal.core;

import io.secagg.core.vector.Modulus;
import java.security.GeneralSecurityException;

/**
 * A deliberately naive transcription of the specification's PRG ("Mask expansion"), independent
 * of the production code's chunking and kernels: the keystream is {@link ReferenceKeystream} (every
 * counter block encrypted on its own with AES-128 in ECB mode), every word is assembled byte by
 * byte, every candidate is compared as an unsigned integer. Slow; for tests and vector generation only.
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
    ReferenceKeystream ks = ReferenceKeystream.open("secagg/v1 keystream-mask", seed, context);
    int k = m.bits();
    int s = k <= 32 ? 4 : 8;
    long kMask = k == 64 ? -1L : (1L << k) - 1;
    long max = m.maxElement();

    long[] out = new long[length];
    long rejected = 0;
    int produced = 0;
    while (produced < length) {
      long candidate = ks.nextLittleEndian(s) & kMask;
      if (Long.compareUnsigned(candidate, max) <= 0) {
        out[produced++] = candidate;
      } else {
        rejected++;
      }
    }
    return new Result(ks.key(), ks.iv(), out, rejected);
  }
}
