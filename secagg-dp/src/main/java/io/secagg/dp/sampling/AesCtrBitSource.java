package io.secagg.dp.sampling;

import io.secagg.core.crypto.Hkdf;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A fast cryptographically secure {@link BitSource}: the AES-128-CTR keystream, buffered.
 *
 * <p>Output: the keystream of AES-128 in counter mode (all-zero initial counter block, the whole
 * 128-bit block incremented big-endian), cut into 8-byte groups read as <b>little-endian</b>
 * 64-bit words. The keystream is produced in 8 KiB chunks (small enough for the JCE AES-CTR
 * intrinsic to engage quickly, see {@code PERFORMANCE.md}).
 *
 * <p>Keys:
 * <ul>
 *   <li>{@link #create()} / {@link #threadLocal()}: a fresh 16-byte key from {@link SecureRandom};
 *       the source rekeys itself from the same {@code SecureRandom} after every 2^30 words (8 GiB),
 *       far below the AES-CTR distinguishing bound.
 *   <li>{@link #forTestVectorsOnly(byte[])}: the key is {@code HKDF-SHA256(ikm = seed, salt = empty,
 *       info = "secagg/v1 dp bit source", L = 16)} and the stream never rekeys. Anyone who knows
 *       the seed knows every sample: use it only for known-answer vectors and simulations.
 * </ul>
 *
 * <p>Not thread-safe: one instance per thread. {@link #toString()} never shows key material.
 */
public final class AesCtrBitSource implements BitSource {
  private static final byte[] SEED_INFO =
      "secagg/v1 dp bit source".getBytes(StandardCharsets.US_ASCII);
  private static final int CHUNK_BYTES = 8192;
  private static final int CHUNK_WORDS = CHUNK_BYTES / 8;
  private static final long REKEY_CHUNKS = (1L << 30) / CHUNK_WORDS;
  private static final byte[] ZEROS = new byte[CHUNK_BYTES];
  private static final VarHandle LE_LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final ThreadLocal<AesCtrBitSource> PER_THREAD =
      ThreadLocal.withInitial(AesCtrBitSource::create);

  private final SecureRandom rekeySource;
  private final boolean deterministic;
  private final byte[] bytes = new byte[CHUNK_BYTES];
  private final long[] words = new long[CHUNK_WORDS];
  private Cipher cipher;
  private int next = CHUNK_WORDS;
  private long chunks;

  private AesCtrBitSource(byte[] key, SecureRandom rekeySource, boolean deterministic) {
    this.rekeySource = rekeySource;
    this.deterministic = deterministic;
    this.cipher = newCipher(key);
    Arrays.fill(key, (byte) 0);
  }

  /**
   * A new source keyed from a new {@link SecureRandom}.
   *
   * @return a fresh source, to be used by one thread
   */
  public static AesCtrBitSource create() {
    return create(new SecureRandom());
  }

  /**
   * A new source keyed (and later rekeyed) from {@code random}.
   *
   * @param random the entropy source; must be a real CSPRNG in production
   * @return a fresh source, to be used by one thread
   * @throws NullPointerException if {@code random} is null
   */
  public static AesCtrBitSource create(SecureRandom random) {
    Objects.requireNonNull(random, "random");
    byte[] key = new byte[16];
    random.nextBytes(key);
    return new AesCtrBitSource(key, random, false);
  }

  /**
   * The calling thread's own secure source (created on first use, keyed from {@link
   * SecureRandom}). Never share the returned object with another thread.
   *
   * @return this thread's source
   */
  public static AesCtrBitSource threadLocal() {
    return PER_THREAD.get();
  }

  /**
   * A <b>deterministic</b> source for known-answer vectors and simulations only: the same seed
   * always gives the same words (derivation in the class comment and {@code spec/dp.md}).
   *
   * @param seed any bytes (may be empty)
   * @return a reproducible source
   * @throws NullPointerException if {@code seed} is null
   */
  public static AesCtrBitSource forTestVectorsOnly(byte[] seed) {
    Objects.requireNonNull(seed, "seed");
    byte[] key = Hkdf.derive(seed, new byte[0], SEED_INFO, 16);
    return new AesCtrBitSource(key, null, true);
  }

  @Override
  public long nextLong() {
    int i = next;
    if (i == CHUNK_WORDS) {
      refill();
      i = 0;
    }
    next = i + 1;
    return words[i];
  }

  /**
   * Fills {@code out} with the next {@code out.length} words, in order.
   *
   * @param out the destination
   * @throws NullPointerException if {@code out} is null
   */
  public void nextLongs(long[] out) {
    for (int i = 0; i < out.length; i++) {
      out[i] = nextLong();
    }
  }

  private void refill() {
    if (!deterministic && ++chunks % REKEY_CHUNKS == 0) {
      byte[] key = new byte[16];
      rekeySource.nextBytes(key);
      cipher = newCipher(key);
      Arrays.fill(key, (byte) 0);
    }
    try {
      cipher.update(ZEROS, 0, CHUNK_BYTES, bytes, 0);
    } catch (ShortBufferException e) {
      throw new IllegalStateException("AES-CTR output buffer rejected", e);
    }
    toWords(bytes, words);
  }

  // Kept apart from the Cipher call so that C2 compiles it as its own small loop.
  private static void toWords(byte[] src, long[] dst) {
    for (int i = 0; i < dst.length; i++) {
      dst[i] = (long) LE_LONG.get(src, i << 3);
    }
  }

  private static Cipher newCipher(byte[] key) {
    try {
      Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
      return c;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-CTR unavailable", e);
    }
  }

  @Override
  public String toString() {
    return deterministic ? "AesCtrBitSource[deterministic, test vectors only]" : "AesCtrBitSource[secure]";
  }
}
