package io.secagg.core.shamir;

/**
 * The bijection between 32-byte secrets and chunk tuples (c_0, ..., c_4) of field elements.
 *
 * <p>The secret is read as one 256-bit unsigned big-endian integer S, cut into groups of 16, 60,
 * 60, 60 and 60 bits from the most significant end: c_0 = S &gt;&gt; 240, c_1 = (S &gt;&gt; 180) mod 2^60,
 * c_2 = (S &gt;&gt; 120) mod 2^60, c_3 = (S &gt;&gt; 60) mod 2^60, c_4 = S mod 2^60. In hex the secret's 64
 * digits are c_0 (4 digits) || c_1 (15) || c_2 (15) || c_3 (15) || c_4 (15). Every chunk is below
 * 2^60 &lt; p, so every secret has exactly one tuple, and a tuple with a chunk at or above its
 * width's bound is the image of no secret and is rejected.
 */
final class SecretChunks {
  /** Bit width of each chunk, in order. */
  static final int[] WIDTHS = {16, 60, 60, 60, 60};

  private static final long M60 = (1L << 60) - 1;

  private SecretChunks() {}

  /** The chunks of a 32-byte secret (length checked by the caller). */
  static long[] split(byte[] secret) {
    long w0 = readLong(secret, 0);
    long w1 = readLong(secret, 8);
    long w2 = readLong(secret, 16);
    long w3 = readLong(secret, 24);
    long[] c = new long[Share.CHUNK_COUNT];
    c[0] = w0 >>> 48;
    c[1] = ((w0 << 12) | (w1 >>> 52)) & M60;
    c[2] = ((w1 << 8) | (w2 >>> 56)) & M60;
    c[3] = ((w2 << 4) | (w3 >>> 60)) & M60;
    c[4] = w3 & M60;
    return c;
  }

  /**
   * The secret whose chunks are {@code c}.
   *
   * @throws InvalidShareException with {@link InvalidShareException.Reason#CHUNK_OUT_OF_RANGE}
   *     if some c_i is negative or at least 2^{width_i}
   */
  static byte[] join(long[] c) throws InvalidShareException {
    for (int i = 0; i < Share.CHUNK_COUNT; i++) {
      if ((c[i] >>> WIDTHS[i]) != 0) {
        throw new InvalidShareException(
            InvalidShareException.Reason.CHUNK_OUT_OF_RANGE,
            "reconstructed chunk " + i + " exceeds " + WIDTHS[i] + " bits; the shares do not"
                + " encode any secret");
      }
    }
    byte[] out = new byte[ShamirScheme.SECRET_LENGTH];
    writeLong(out, 0, (c[0] << 48) | (c[1] >>> 12));
    writeLong(out, 8, (c[1] << 52) | (c[2] >>> 8));
    writeLong(out, 16, (c[2] << 56) | (c[3] >>> 4));
    writeLong(out, 24, (c[3] << 60) | c[4]);
    return out;
  }

  static long readLong(byte[] b, int off) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (b[off + i] & 0xff);
    }
    return v;
  }

  static void writeLong(byte[] b, int off, long v) {
    for (int i = 7; i >= 0; i--) {
      b[off + i] = (byte) v;
      v >>>= 8;
    }
  }
}
