package io.secagg.core.internal;

import io.secagg.core.crypto.Hkdf;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A labelled AES-128-CTR word stream for the {@code graph} and {@code quant} packages: the
 * keystream under the key {@code HKDF-SHA256(ikm = seed, salt = "", info = label || context,
 * L = 16)}, with an all-zero initial counter block that the JCE increments as a 128-bit
 * big-endian integer, read as big-endian unsigned words. The derivation is specified byte by byte
 * in {@code spec/secagg.md, section 4}.
 *
 * <p>Not thread-safe: one instance is used by one derivation and then dropped.
 */
public final class GqWordStream {
  /** The label of the Harary-graph permutation stream. */
  public static final String GRAPH_LABEL = "secagg/v1 graph";
  /** The label of the stochastic-rounding stream. */
  public static final String QUANT_LABEL = "secagg/v1 quant rounding";

  // Small enough that the JCE CTR intrinsic is reached quickly (PERFORMANCE.md: <= 256 KiB calls
  // warm up in seconds) and large enough that per-call overhead does not matter.
  private static final int CHUNK = 4096;

  private static final VarHandle BE_LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle BE_INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

  private final Cipher cipher;
  private final byte[] zeros = new byte[CHUNK];
  private final byte[] buffer = new byte[CHUNK];
  private int position = CHUNK;
  private long wordsRead;

  private GqWordStream(byte[] key) {
    try {
      cipher = Cipher.getInstance("AES/CTR/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/CTR/NoPadding is unavailable", e);
    }
  }

  /**
   * The 16-byte AES key of the stream: {@code HKDF-SHA256(seed, "", label || context, 16)}.
   *
   * @throws NullPointerException if an argument is null
   */
  public static byte[] deriveKey(byte[] seed, String label, byte[] context) {
    Objects.requireNonNull(seed, "seed");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(context, "context");
    byte[] l = label.getBytes(StandardCharsets.US_ASCII);
    byte[] info = Arrays.copyOf(l, l.length + context.length);
    System.arraycopy(context, 0, info, l.length, context.length);
    return Hkdf.derive(seed, new byte[0], info, 16);
  }

  /**
   * A stream keyed from {@code seed}, {@code label} and {@code context}; the derived key is wiped
   * once the cipher holds it.
   *
   * @throws NullPointerException if an argument is null
   */
  public static GqWordStream open(byte[] seed, String label, byte[] context) {
    byte[] key = deriveKey(seed, label, context);
    try {
      return new GqWordStream(key);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** The next 4 keystream bytes as a big-endian unsigned integer in [0, 2^32). */
  public long nextUint32() {
    refillIfBelow(4);
    long w = Integer.toUnsignedLong((int) BE_INT.get(buffer, position));
    position += 4;
    wordsRead++;
    return w;
  }

  /** The next 8 keystream bytes as a big-endian 64-bit word (read as unsigned by callers). */
  public long nextWord64() {
    refillIfBelow(8);
    long w = (long) BE_LONG.get(buffer, position);
    position += 8;
    wordsRead++;
    return w;
  }

  /**
   * Fills {@code out[from..to)} with consecutive 64-bit words; the same words {@link
   * #nextWord64()} would return one by one.
   */
  public void nextWords64(long[] out, int from, int to) {
    for (int i = from; i < to; i++) {
      out[i] = nextWord64();
    }
  }

  /** How many words (of either width) have been read so far. */
  public long wordsRead() {
    return wordsRead;
  }

  /**
   * A uniform integer in [0, bound) by rejection sampling on 32-bit words: draw {@code r} until
   * {@code r < 2^32 - (2^32 mod bound)}, then return {@code r mod bound}. Unbiased.
   *
   * @throws IllegalArgumentException if {@code bound} is outside 1..2^32
   */
  public long uniformBelow(long bound) {
    if (bound < 1 || bound > (1L << 32)) {
      throw new IllegalArgumentException("bound " + bound + " is outside 1..2^32");
    }
    long limit = (1L << 32) - ((1L << 32) % bound);
    while (true) {
      long r = nextUint32();
      if (r < limit) {
        return r % bound;
      }
    }
  }

  private void refillIfBelow(int need) {
    int left = CHUNK - position;
    if (left >= need) {
      return;
    }
    // Keep the unread tail so that words straddling a chunk boundary stay contiguous.
    System.arraycopy(buffer, position, buffer, 0, left);
    try {
      int produced = cipher.update(zeros, 0, CHUNK - left, buffer, left);
      if (produced != CHUNK - left) {
        throw new IllegalStateException("AES-CTR produced " + produced + " bytes");
      }
    } catch (ShortBufferException e) {
      throw new IllegalStateException(e);
    }
    position = 0;
  }
}
