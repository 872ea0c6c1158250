package io.secagg.core.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one pseudorandom keystream of secagg: AES-128 in counter mode under a key derived with the
 * labelled HKDF-SHA256 of a {@link KeystreamPurpose}. Masks, the SecAgg+ graph, quantization
 * rounding, the differential-privacy bit source, the Hadamard rotation signs and {@link
 * DeterministicRandom} all read their randomness from a stream of this class, so they share one
 * derivation, one counter layout and one word order ({@code spec/secagg.md}, section 2.4.4).
 *
 * <p><b>Derivation</b>: {@code OKM = HKDF-SHA256(IKM = seed, salt = empty, info =
 * ASCII(purpose.label()) || 0x00 || context, 24 bytes)}; the AES-128 key is {@code OKM[0..16)} and
 * the initial counter block is {@code OKM[16..24) || 0^8}, an 8-byte nonce then a 64-bit
 * big-endian block counter from 0. The keystream is {@code AES(key, nonce || BE64(0)) || AES(key,
 * nonce || BE64(1)) || ...}, the encryption of zero bytes.
 *
 * <p><b>Reading</b>: the stream is one sequence of bytes, consumed front to back and never
 * skipped or reused, whatever mix of calls reads it. {@link #nextBytes} hands out raw bytes;
 * {@link #nextInt} and {@link #nextLong} read the next 4 or 8 bytes as a <b>little-endian</b>
 * integer, {@link #nextLongs} the next words in bulk.
 *
 * <p><b>Limits</b>: a seed as the purpose requires ({@link KeystreamPurpose#acceptsSeedLength});
 * a context of 0 to {@value #MAX_CONTEXT_LENGTH} bytes; at most {@value #MAX_BYTES} bytes (2^48
 * blocks) per key, after which every read throws {@link IllegalStateException}. The counter
 * therefore never reaches the nonce (2^64 blocks), and the distance from a random function stays
 * below {@code q^2 / 2^129 <= 2^-33}.
 *
 * <p><b>Performance</b>: the cipher is called with at most {@value #CHUNK_BYTES} bytes at a time,
 * so the calling code is compiled early and the JDK's AES-CTR intrinsic engages (one multi-MiB
 * call can stay on the slow path for many seconds, {@code docs/architecture.md}). Bulk reads go
 * straight into the caller's array; word reads go through an 8 KiB buffer. {@link #rekey} reuses
 * the {@link Cipher}, which saves a provider lookup per key on hot paths such as mask expansion.
 *
 * <p>Not thread-safe: use one instance per thread. {@link #toString} shows the purpose only.
 */
public final class Keystream {
  /**
   * The JCE transformation every keystream runs on. Public so that benchmarks can measure the
   * bare cipher beside this class; everything else should read a {@link Keystream}.
   */
  public static final String JCE_TRANSFORMATION = "AES/CTR/NoPadding";

  /** The longest context in bytes. */
  public static final int MAX_CONTEXT_LENGTH = 1024;

  /** The most keystream bytes one key produces: 2^52, that is 2^48 AES blocks. */
  public static final long MAX_BYTES = 1L << 52;

  /** The HKDF output length: a 16-byte AES key and an 8-byte nonce. */
  static final int DERIVED_LENGTH = 24;

  /** The largest single cipher call: inside the 32-256 KiB band where the intrinsic warms up. */
  static final int CHUNK_BYTES = 32 * 1024;

  private static final int BUFFER_BYTES = 8 * 1024;
  // Input of every cipher call (CTR encrypts it, so the output is the keystream). Never written.
  private static final byte[] ZEROS = new byte[CHUNK_BYTES];
  private static final byte[] NO_SALT = new byte[0];
  private static final VarHandle LE_INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LE_LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final Cipher cipher;
  private KeystreamPurpose purpose;
  private long bytesLeft;
  private byte[] buffer; // allocated by the first word read
  private int position; // next unread byte of buffer
  private int limit; // end of the buffered keystream

  private Keystream(Cipher cipher) {
    this.cipher = cipher;
  }

  /**
   * A keystream for {@code purpose} from {@code seed} and {@code context}.
   *
   * @param purpose what the stream is for; selects the KDF label and the seed rule
   * @param seed the input keying material (not retained)
   * @param context public bytes that separate uses of one seed (may be empty; not retained)
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the purpose does not accept the seed's length or the
   *     context is longer than {@value #MAX_CONTEXT_LENGTH} bytes
   */
  public static Keystream open(KeystreamPurpose purpose, byte[] seed, byte[] context) {
    check(purpose, seed, context);
    Keystream s = new Keystream(newCipher());
    s.init(purpose, seed, context);
    return s;
  }

  /**
   * A keystream for {@code purpose} from a secret seed; the same stream as {@link
   * #open(KeystreamPurpose, byte[], byte[])} on {@code seed.toByteArray()}, whose copy is wiped.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the purpose does not accept the seed's length or the
   *     context is longer than {@value #MAX_CONTEXT_LENGTH} bytes
   * @throws IllegalStateException if {@code seed} has been destroyed
   */
  public static Keystream open(KeystreamPurpose purpose, SecretBytes seed, byte[] context) {
    Objects.requireNonNull(seed, "seed");
    byte[] raw = seed.toByteArray();
    try {
      return open(purpose, raw, context);
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  /**
   * Turns this object into a fresh keystream, exactly as {@link #open(KeystreamPurpose, byte[],
   * byte[])} would return, reusing its cipher. Unread bytes of the previous stream are dropped.
   * If an argument is rejected, nothing changes.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the purpose does not accept the seed's length or the
   *     context is longer than {@value #MAX_CONTEXT_LENGTH} bytes
   */
  public void rekey(KeystreamPurpose purpose, byte[] seed, byte[] context) {
    check(purpose, seed, context);
    init(purpose, seed, context);
  }

  /**
   * {@link #rekey(KeystreamPurpose, byte[], byte[])} from a secret seed, whose copy is wiped.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the purpose does not accept the seed's length or the
   *     context is longer than {@value #MAX_CONTEXT_LENGTH} bytes
   * @throws IllegalStateException if {@code seed} has been destroyed
   */
  public void rekey(KeystreamPurpose purpose, SecretBytes seed, byte[] context) {
    Objects.requireNonNull(seed, "seed");
    byte[] raw = seed.toByteArray();
    try {
      rekey(purpose, raw, context);
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  /** The purpose this stream was keyed for. */
  public KeystreamPurpose purpose() {
    return purpose;
  }

  /**
   * Fills {@code out} with the next {@code out.length} keystream bytes.
   *
   * @throws NullPointerException if {@code out} is null
   * @throws IllegalStateException if the stream would pass {@value #MAX_BYTES} bytes
   */
  public void nextBytes(byte[] out) {
    nextBytes(out, 0, out.length);
  }

  /**
   * Writes the next {@code length} keystream bytes to {@code out[offset..offset + length)}.
   *
   * @throws NullPointerException if {@code out} is null
   * @throws IndexOutOfBoundsException if the range is not inside {@code out}
   * @throws IllegalStateException if the stream would pass {@value #MAX_BYTES} bytes
   */
  public void nextBytes(byte[] out, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, out.length);
    int buffered = limit - position;
    if (buffered > 0) {
      int n = Math.min(buffered, length);
      System.arraycopy(buffer, position, out, offset, n);
      position += n;
      offset += n;
      length -= n;
    }
    while (length > 0) {
      int n = Math.min(length, CHUNK_BYTES);
      generate(out, offset, n);
      offset += n;
      length -= n;
    }
  }

  /**
   * The next 4 keystream bytes as a little-endian integer (callers that need it unsigned use
   * {@link Integer#toUnsignedLong}).
   *
   * @throws IllegalStateException if the stream would pass {@value #MAX_BYTES} bytes
   */
  public int nextInt() {
    if (limit - position < 4) {
      refill();
    }
    int w = (int) LE_INT.get(buffer, position);
    position += 4;
    return w;
  }

  /**
   * The next 8 keystream bytes as a little-endian 64-bit word (callers that need it unsigned
   * compare it with {@link Long#compareUnsigned}).
   *
   * @throws IllegalStateException if the stream would pass {@value #MAX_BYTES} bytes
   */
  public long nextLong() {
    if (limit - position < 8) {
      refill();
    }
    long w = (long) LE_LONG.get(buffer, position);
    position += 8;
    return w;
  }

  /**
   * Writes the next {@code count} words to {@code out[offset..offset + count)}: the same words
   * {@link #nextLong} would return one by one.
   *
   * @throws NullPointerException if {@code out} is null
   * @throws IndexOutOfBoundsException if the range is not inside {@code out}
   * @throws IllegalStateException if the stream would pass {@value #MAX_BYTES} bytes
   */
  public void nextLongs(long[] out, int offset, int count) {
    Objects.checkFromIndexSize(offset, count, out.length);
    int end = offset + count;
    while (offset < end) {
      int whole = (limit - position) >>> 3;
      if (whole == 0) {
        // Refills the buffer, keeping a word that straddles the old buffer's end intact.
        out[offset++] = nextLong();
        continue;
      }
      int n = Math.min(whole, end - offset);
      toLongs(buffer, position, out, offset, n);
      position += n << 3;
      offset += n;
    }
  }

  /** {@code Keystream[purpose]}: never key material. */
  @Override
  public String toString() {
    return "Keystream[" + purpose + "]";
  }

  /**
   * {@code OKM = HKDF-SHA256(seed, salt = empty, purpose.label(), context, 24)}: the AES-128 key
   * then the 8-byte nonce. Package-private for the tests; the caller wipes the result.
   */
  static byte[] deriveKeyAndNonce(KeystreamPurpose purpose, byte[] seed, byte[] context) {
    return Hkdf.derive(seed, NO_SALT, purpose.label(), context, DERIVED_LENGTH);
  }

  /** Lowers the remaining byte budget of this key, so that tests can reach the limit. */
  void limitForTesting(long bytes) {
    bytesLeft = Math.min(bytesLeft, bytes);
  }

  private static void check(KeystreamPurpose purpose, byte[] seed, byte[] context) {
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(seed, "seed");
    Objects.requireNonNull(context, "context");
    purpose.checkSeedLength(seed.length);
    if (context.length > MAX_CONTEXT_LENGTH) {
      throw new IllegalArgumentException(
          "Invalid context length " + context.length + "; at most " + MAX_CONTEXT_LENGTH
              + " bytes");
    }
  }

  private void init(KeystreamPurpose purpose, byte[] seed, byte[] context) {
    // Until the new key is in place, every read fails rather than continuing the old stream.
    this.purpose = null;
    bytesLeft = 0;
    position = 0;
    limit = 0;
    byte[] okm = deriveKeyAndNonce(purpose, seed, context);
    byte[] iv = new byte[16];
    System.arraycopy(okm, 16, iv, 0, 8);
    try {
      cipher.init(
          Cipher.ENCRYPT_MODE, new SecretKeySpec(okm, 0, 16, "AES"), new IvParameterSpec(iv));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-128-CTR rejected a 16-byte key", e);
    } finally {
      Arrays.fill(okm, (byte) 0);
    }
    this.purpose = purpose;
    bytesLeft = MAX_BYTES;
  }

  /** Moves the unread bytes to the front of the buffer and fills the rest with fresh keystream. */
  private void refill() {
    if (buffer == null) {
      buffer = new byte[BUFFER_BYTES];
    }
    int left = limit - position;
    System.arraycopy(buffer, position, buffer, 0, left);
    generate(buffer, left, BUFFER_BYTES - left);
    position = 0;
    limit = BUFFER_BYTES;
  }

  /** The next {@code length} (at most {@value #CHUNK_BYTES}) keystream bytes, from the cipher. */
  private void generate(byte[] out, int offset, int length) {
    if (length > bytesLeft) {
      throw new IllegalStateException(
          bytesLeft == 0 && purpose == null
              ? "the keystream has no key: an earlier rekey failed"
              : "a keystream produces at most 2^52 bytes per key; rekey it");
    }
    bytesLeft -= length;
    try {
      int written = cipher.update(ZEROS, 0, length, out, offset);
      if (written != length) {
        throw new IllegalStateException("AES-CTR returned " + written + " of " + length + " bytes");
      }
    } catch (ShortBufferException e) {
      throw new IllegalStateException("AES-CTR rejected its output buffer", e);
    }
  }

  // Its own small method, away from the cipher call, so that C2 compiles it as a plain loop
  // (docs/architecture.md, "The hot path").
  private static void toLongs(byte[] src, int from, long[] dst, int offset, int count) {
    for (int i = 0; i < count; i++) {
      dst[offset + i] = (long) LE_LONG.get(src, from + (i << 3));
    }
  }

  private static Cipher newCipher() {
    try {
      return Cipher.getInstance(JCE_TRANSFORMATION);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no " + JCE_TRANSFORMATION, e);
    }
  }
}
