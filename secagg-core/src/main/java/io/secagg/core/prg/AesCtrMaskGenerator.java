package io.secagg.core.prg;

import io.secagg.core.crypto.Hkdf;
import io.secagg.core.crypto.KdfLabel;
import io.secagg.core.crypto.SecretBytes;
import io.secagg.core.internal.VectorStorage;
import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The reference {@link MaskGenerator}: AES-128-CTR keyed by HKDF-SHA256, as specified in {@code
 * spec/secagg.md}, section 1.5 "Mask expansion (PRG)".
 *
 * <p><b>Derivation</b>: {@code OKM = HKDF-SHA256(salt = empty, IKM = seed, info =
 * ASCII("secagg/v1 prg") || 0x00 || context, 24 bytes)}; the AES-128 key is {@code OKM[0..16)},
 * the initial counter block is {@code OKM[16..24) || 0^8} (an 8-byte nonce then a 64-bit
 * big-endian block counter from 0).
 *
 * <p><b>Elements</b>: with k = bitLength(m - 1), the keystream is cut into words of s = 4 bytes
 * (k &lt;= 32) or s = 8 bytes (k &gt; 32), each read little-endian; a candidate is the low k bits
 * of a word; it is accepted iff it is below m, and the mask is the first L accepted candidates in
 * order. For m = 2^b every candidate is accepted; for other m at least half are, and the result is
 * exactly uniform (no modular bias).
 *
 * <p><b>Limits</b>: seed exactly {@value #SEED_LENGTH} bytes; context 0 to {@value
 * #MAX_CONTEXT_LENGTH} bytes; length 0 to {@link ModVector#MAX_LENGTH} = 2^27. A mask draws at
 * most {@code 64 L + 2^20} candidates (fewer than 2L expected) and so fewer than 2^33 AES blocks,
 * far from the 2^64 blocks after which the counter would reach the nonce. Exceeding that draw is
 * impossible with a working AES (probability below 2^-900000) and is reported as {@link
 * IllegalStateException} rather than looping.
 *
 * <p><b>Performance</b>: the keystream is produced in calls of {@value #CHUNK_BYTES} bytes, so the
 * JIT soon compiles the calling code and the JDK's AES-CTR intrinsic engages (one multi-MiB call
 * can stay on the slow path for many seconds); each chunk is folded into the accumulator by small
 * vectorizable loops while it is still in cache. Measurements: {@code docs/architecture.md}.
 *
 * <p><b>Thread safety</b>: instances are immutable and may be shared by any number of threads.
 * Each thread lazily gets its own {@link Cipher} and a {@value #CHUNK_BYTES}-byte buffer (plus up
 * to 96 KiB of compaction buffers once it expands for a modulus that is not a power of two), kept
 * for the thread's lifetime and reused by every call on that thread.
 */
public final class AesCtrMaskGenerator implements MaskGenerator {
  /** The seed length in bytes. */
  public static final int SEED_LENGTH = 32;
  /** The largest context in bytes. */
  public static final int MAX_CONTEXT_LENGTH = 1024;
  /** The keystream chunk size in bytes: a multiple of the AES block, within the 32-256 KiB band. */
  static final int CHUNK_BYTES = 32 * 1024;
  /** HKDF output: 16 key bytes and an 8-byte nonce. */
  static final int OKM_LENGTH = 24;

  // Input of every keystream call (CTR encrypts it, so the output is the keystream). Never written.
  private static final byte[] ZEROS = new byte[CHUNK_BYTES];
  private static final byte[] NO_SALT = new byte[0];
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
  // Hard stop against a broken cipher that keeps producing rejected words (a hang otherwise).
  // A real keystream needs more than this with probability below 2^-900000: see the spec.
  private static final long SLACK_WORDS = 1L << 20;

  private static final MethodHandle INT_CHUNK =
      kernel(
          "chunkInts",
          MethodType.methodType(
              int.class, boolean.class, boolean.class, int[].class, int.class, byte[].class,
              int.class, int.class, int.class, int[].class));
  private static final MethodHandle LONG_CHUNK =
      kernel(
          "chunkLongs",
          MethodType.methodType(
              int.class, boolean.class, int.class, long[].class, int.class, byte[].class,
              int.class, long.class, long.class, long[].class));

  private final Modulus modulus;
  private final int length;
  // Copies of INT_CHUNK and LONG_CHUNK in instance fields, which C2 does not treat as constants:
  // see the chunk loops below for why that matters.
  private final MethodHandle intChunk = INT_CHUNK;
  private final MethodHandle longChunk = LONG_CHUNK;
  private final int k;
  private final boolean everyCandidateAccepted;
  private final boolean intAccumulator;
  private final int wordBytes;

  private AesCtrMaskGenerator(Modulus modulus, int length) {
    this.modulus = modulus;
    this.length = length;
    this.k = modulus.bits();
    this.everyCandidateAccepted = modulus.isPowerOfTwo();
    this.intAccumulator = modulus.isPowerOfTwo() ? k <= 32 : k <= 31;
    this.wordBytes = k <= 32 ? 4 : 8;
  }

  /**
   * A generator of masks of {@code length} elements of Z_{@code modulus}.
   *
   * @throws NullPointerException if {@code modulus} is null
   * @throws IllegalArgumentException if {@code length} is outside 0..{@link ModVector#MAX_LENGTH}
   */
  public static AesCtrMaskGenerator create(Modulus modulus, int length) {
    Objects.requireNonNull(modulus, "modulus");
    if (length < 0 || length > ModVector.MAX_LENGTH) {
      throw new IllegalArgumentException(
          "Invalid mask length " + length + "; must be 0.." + ModVector.MAX_LENGTH);
    }
    return new AesCtrMaskGenerator(modulus, length);
  }

  @Override
  public Modulus modulus() {
    return modulus;
  }

  @Override
  public int length() {
    return length;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if the seed is not {@value #SEED_LENGTH} bytes or the context
   *     is longer than {@value #MAX_CONTEXT_LENGTH} bytes
   */
  @Override
  public ModVector expand(SecretBytes seed, byte[] context) {
    checkSeedAndContext(seed, context);
    ModVector v = ModVector.zeros(modulus, length);
    apply(seed, context, v, false);
    return v;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if the seed is not {@value #SEED_LENGTH} bytes, the context
   *     is longer than {@value #MAX_CONTEXT_LENGTH} bytes, or the accumulator's modulus or length
   *     differ from this generator's
   */
  @Override
  public void addMask(SecretBytes seed, byte[] context, ModVector accumulator) {
    checkSeedAndContext(seed, context);
    checkAccumulator(accumulator);
    apply(seed, context, accumulator, false);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if the seed is not {@value #SEED_LENGTH} bytes, the context
   *     is longer than {@value #MAX_CONTEXT_LENGTH} bytes, or the accumulator's modulus or length
   *     differ from this generator's
   */
  @Override
  public void subtractMask(SecretBytes seed, byte[] context, ModVector accumulator) {
    checkSeedAndContext(seed, context);
    checkAccumulator(accumulator);
    apply(seed, context, accumulator, true);
  }

  private static void checkSeedAndContext(SecretBytes seed, byte[] context) {
    Objects.requireNonNull(seed, "seed");
    Objects.requireNonNull(context, "context");
    if (seed.length() != SEED_LENGTH) {
      throw new IllegalArgumentException(
          "Invalid seed length " + seed.length() + "; must be " + SEED_LENGTH + " bytes");
    }
    if (context.length > MAX_CONTEXT_LENGTH) {
      throw new IllegalArgumentException(
          "Invalid context length " + context.length + "; at most " + MAX_CONTEXT_LENGTH
              + " bytes");
    }
  }

  private void checkAccumulator(ModVector accumulator) {
    Objects.requireNonNull(accumulator, "accumulator");
    if (!accumulator.modulus().equals(modulus)) {
      throw new IllegalArgumentException(
          "accumulator modulus " + accumulator.modulus() + " differs from the mask modulus "
              + modulus);
    }
    if (accumulator.length() != length) {
      throw new IllegalArgumentException(
          "accumulator length " + accumulator.length() + " differs from the mask length " + length);
    }
  }

  /**
   * OKM = HKDF-SHA256(salt = empty, IKM = seed, info = KdfLabel.PRG.info(context), 24): the key is
   * OKM[0..16) and the initial counter block OKM[16..24) || 0^8. Package-private for the tests.
   */
  static byte[] deriveKeyAndNonce(SecretBytes seed, byte[] context) {
    byte[] info = KdfLabel.PRG.info(context);
    byte[] ikm = seed.toByteArray();
    try {
      return Hkdf.derive(ikm, NO_SALT, info, OKM_LENGTH);
    } finally {
      Arrays.fill(ikm, (byte) 0);
    }
  }

  private void apply(SecretBytes seed, byte[] context, ModVector acc, boolean subtract) {
    if (length == 0) {
      return;
    }
    Scratch s = SCRATCH.get();
    byte[] okm = deriveKeyAndNonce(seed, context);
    byte[] iv = new byte[16];
    System.arraycopy(okm, 16, iv, 0, 8);
    try {
      s.cipher.init(
          Cipher.ENCRYPT_MODE, new SecretKeySpec(okm, 0, 16, "AES"), new IvParameterSpec(iv));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-128-CTR rejected a 16-byte key", e);
    } finally {
      Arrays.fill(okm, (byte) 0);
    }
    VectorStorage.Accessor storage = VectorStorage.get();
    try {
      if (intAccumulator) {
        streamInts(s, storage.ints(acc), subtract);
      } else {
        streamLongs(s, storage.longs(acc), subtract);
      }
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  // The chunk loops. A rejecting modulus draws exactly as many words as elements are still
  // missing, so no word beyond the last accepted one is consumed and the accumulator index stays
  // in bounds. Each chunk is handed to KeystreamKernels through a method handle held in an
  // instance field: C2 never inlines a call through a handle that is not a compile-time constant,
  // so the kernels compile on their own, away from the JCE code inlined here.

  private void streamInts(Scratch s, int[] a, boolean subtract) throws Throwable {
    MethodHandle chunk = intChunk;
    boolean rejecting = !everyCandidateAccepted;
    int m = rejecting ? (int) modulus.longValueExact() : 0;
    int kMask = (int) ((1L << k) - 1);
    byte[] ks = s.keystream;
    int[] accepted = rejecting ? s.acceptedInts() : null;
    int perChunk = CHUNK_BYTES / 4;
    long budget = wordBudget(length);
    for (int pos = 0; pos < length; ) {
      int n = Math.min(perChunk, length - pos);
      budget = spend(budget, n);
      s.next(n << 2);
      pos = (int) chunk.invokeExact(subtract, rejecting, a, pos, ks, n, kMask, m, accepted);
    }
  }

  private void streamLongs(Scratch s, long[] a, boolean subtract) throws Throwable {
    MethodHandle chunk = longChunk;
    int path;
    long m;
    long kMask;
    if (everyCandidateAccepted) {
      path = KeystreamKernels.MASKED8;
      m = 0;
      kMask = modulus.maxElement();
    } else {
      path = wordBytes == 4 ? KeystreamKernels.MOD4 : KeystreamKernels.MOD8;
      m = modulus.longValueExact();
      kMask = (1L << k) - 1;
    }
    byte[] ks = s.keystream;
    long[] accepted = everyCandidateAccepted ? null : s.acceptedLongs();
    int shift = wordBytes == 4 ? 2 : 3;
    int perChunk = CHUNK_BYTES >>> shift;
    long budget = wordBudget(length);
    for (int pos = 0; pos < length; ) {
      int n = Math.min(perChunk, length - pos);
      budget = spend(budget, n);
      s.next(n << shift);
      pos = (int) chunk.invokeExact(subtract, path, a, pos, ks, n, kMask, m, accepted);
    }
  }

  private static MethodHandle kernel(String name, MethodType type) {
    try {
      return MethodHandles.lookup().findStatic(KeystreamKernels.class, name, type);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The most candidates a mask of {@code length} elements may draw: 64 L + 2^20 (spec 1.5.4). */
  static long wordBudget(int length) {
    return 64L * length + SLACK_WORDS;
  }

  /**
   * What is left of {@code budget} after drawing {@code words} more candidates.
   *
   * @throws IllegalStateException if that would exceed the budget
   */
  static long spend(long budget, int words) {
    long left = budget - words;
    if (left < 0) {
      throw new IllegalStateException(
          "mask expansion rejected far more candidates than possible for AES output;"
              + " the AES provider is broken");
    }
    return left;
  }

  @Override
  public String toString() {
    return "AesCtrMaskGenerator[modulus=" + modulus + ", length=" + length + "]";
  }

  /** Per-thread cipher, keystream buffer and (for moduli that reject) compaction buffers. */
  private static final class Scratch {
    final Cipher cipher;
    final byte[] keystream = new byte[CHUNK_BYTES];
    private int[] acceptedInts;
    private long[] acceptedLongs;

    Scratch() {
      try {
        cipher = Cipher.getInstance("AES/CTR/NoPadding");
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("the JDK has no AES/CTR/NoPadding", e);
      }
    }

    /** Room for the accepted candidates of one chunk of 4-byte words. */
    int[] acceptedInts() {
      if (acceptedInts == null) {
        acceptedInts = new int[CHUNK_BYTES / 4];
      }
      return acceptedInts;
    }

    /** Room for the accepted candidates of one chunk of 4-byte or 8-byte words. */
    long[] acceptedLongs() {
      if (acceptedLongs == null) {
        acceptedLongs = new long[CHUNK_BYTES / 4];
      }
      return acceptedLongs;
    }

    /** Writes the next {@code bytes} keystream bytes to {@code keystream[0..bytes)}. */
    void next(int bytes) {
      try {
        int written = cipher.update(ZEROS, 0, bytes, keystream, 0);
        if (written != bytes) {
          throw new IllegalStateException(
              "AES-CTR returned " + written + " of " + bytes + " bytes");
        }
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("AES-CTR keystream failed", e);
      }
    }
  }
}
