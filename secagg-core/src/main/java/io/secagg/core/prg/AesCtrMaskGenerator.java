package io.secagg.core.prg;

import io.secagg.core.crypto.Hkdf;
import io.secagg.core.crypto.SecretBytes;
import io.secagg.core.internal.VectorStorage;
import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The reference {@link MaskGenerator}: AES-128-CTR keyed by HKDF-SHA256, as specified in {@code
 * spec/secagg.md}, section "Mask expansion (PRG)".
 *
 * <p><b>Derivation</b>: {@code OKM = HKDF-SHA256(salt = empty, IKM = seed, info = "secagg/v1 prg"
 * || 0x00 || context, 24 bytes)}; the AES-128 key is {@code OKM[0..16)}, the initial counter block is
 * {@code OKM[16..24) || 0^8} (an 8-byte nonce then a 64-bit big-endian block counter from 0).
 *
 * <p><b>Elements</b>: with k = bitLength(m - 1), the keystream is cut into words of s = 4 bytes
 * (k &lt;= 32) or s = 8 bytes (k &gt; 32), each read little-endian; a candidate is the low k bits
 * of a word; it is accepted iff it is below m, and the mask is the first L accepted candidates in
 * order. For m = 2^b every candidate is accepted; for other m at least half are, and the result is
 * exactly uniform (no modular bias).
 *
 * <p><b>Limits</b>: seed exactly {@value #SEED_LENGTH} bytes; context 0 to {@value
 * #MAX_CONTEXT_LENGTH} bytes; length 0 to {@link ModVector#MAX_LENGTH} = 2^27. A mask then uses
 * fewer than 2^28 AES blocks in expectation, far from the 2^64 blocks after which the counter
 * would wrap.
 *
 * <p><b>Performance</b>: the keystream is produced in chunks of {@value #CHUNK_BYTES} bytes, so
 * the JDK's AES-CTR intrinsic engages within the first round even in a fresh JVM, and each chunk
 * is folded into the accumulator by a small vectorizable loop while it is still in cache.
 *
 * <p><b>Thread safety</b>: instances are immutable and may be shared by any number of threads.
 * Each thread lazily gets its own {@link Cipher} and a {@value #CHUNK_BYTES}-byte buffer, kept for
 * the thread's lifetime and reused by every call on that thread.
 */
public final class AesCtrMaskGenerator implements MaskGenerator {
  /** The seed length in bytes. */
  public static final int SEED_LENGTH = 32;
  /** The largest context in bytes. */
  public static final int MAX_CONTEXT_LENGTH = 1024;
  /** The keystream chunk size in bytes: a multiple of the AES block, within the 32-256 KiB band. */
  static final int CHUNK_BYTES = 32 * 1024;
  /** The HKDF label; info is the label, one 0x00 byte, then the context. */
  static final byte[] LABEL = "secagg/v1 prg".getBytes(StandardCharsets.US_ASCII);
  /** HKDF output: 16 key bytes and an 8-byte nonce. */
  static final int OKM_LENGTH = 24;

  // Input of every keystream call (CTR encrypts it, so the output is the keystream). Never written.
  private static final byte[] ZEROS = new byte[CHUNK_BYTES];
  private static final byte[] NO_SALT = new byte[0];
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
  // Hard stop against a broken cipher that keeps producing rejected words (a hang otherwise).
  // A real keystream needs more than this with probability below 2^-900000: see the spec.
  private static final long SLACK_WORDS = 1L << 20;

  private final Modulus modulus;
  private final int length;
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
          "Invalid context length " + context.length + "; at most " + MAX_CONTEXT_LENGTH + " bytes");
    }
  }

  private void checkAccumulator(ModVector accumulator) {
    Objects.requireNonNull(accumulator, "accumulator");
    if (!accumulator.modulus().equals(modulus)) {
      throw new IllegalArgumentException(
          "accumulator modulus " + accumulator.modulus() + " differs from the mask modulus " + modulus);
    }
    if (accumulator.length() != length) {
      throw new IllegalArgumentException(
          "accumulator length " + accumulator.length() + " differs from the mask length " + length);
    }
  }

  /**
   * OKM = HKDF-SHA256(salt = empty, IKM = seed, info = LABEL || 0x00 || context, 24): the key is OKM[0..16)
   * and the initial counter block OKM[16..24) || 0^8. Package-private for the tests.
   */
  static byte[] deriveKeyAndNonce(SecretBytes seed, byte[] context) {
    // The labelled-KDF layout of the spec: ASCII(label) || 0x00 || context. The label has no
    // zero byte, so the first 0x00 ends it and distinct contexts give distinct info strings.
    byte[] info = new byte[LABEL.length + 1 + context.length];
    System.arraycopy(LABEL, 0, info, 0, LABEL.length);
    System.arraycopy(context, 0, info, LABEL.length + 1, context.length);
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
    if (intAccumulator) {
      int[] a = storage.ints(acc);
      if (everyCandidateAccepted) {
        streamMaskedInts(s, a, subtract);
      } else {
        streamModInts(s, a, subtract);
      }
    } else {
      long[] a = storage.longs(acc);
      if (everyCandidateAccepted) {
        streamMaskedLongs(s, a, subtract);
      } else if (wordBytes == 4) {
        streamMod4Longs(s, a, subtract);
      } else {
        streamMod8Longs(s, a, subtract);
      }
    }
  }

  // The stream* methods below own the chunk loop; the per-chunk work is in KeystreamKernels so
  // that each loop body compiles (and vectorizes) on its own.

  private void streamMaskedInts(Scratch s, int[] a, boolean subtract) {
    int mask = (int) modulus.maxElement();
    byte[] ks = s.keystream;
    int perChunk = CHUNK_BYTES / 4;
    for (int pos = 0; pos < length; ) {
      int n = Math.min(perChunk, length - pos);
      s.next(n << 2);
      if (subtract) {
        KeystreamKernels.subtractAllMasked(a, pos, ks, n, mask);
      } else {
        KeystreamKernels.addAllMasked(a, pos, ks, n, mask);
      }
      pos += n;
    }
  }

  private void streamMaskedLongs(Scratch s, long[] a, boolean subtract) {
    long mask = modulus.maxElement();
    byte[] ks = s.keystream;
    int perChunk = CHUNK_BYTES / 8;
    for (int pos = 0; pos < length; ) {
      int n = Math.min(perChunk, length - pos);
      s.next(n << 3);
      if (subtract) {
        KeystreamKernels.subtractAllMasked(a, pos, ks, n, mask);
      } else {
        KeystreamKernels.addAllMasked(a, pos, ks, n, mask);
      }
      pos += n;
    }
  }

  // Rejection sampling: each round draws exactly as many words as elements are still missing, so
  // no word beyond the last accepted one is ever consumed and the accumulator index stays in
  // bounds; a chunk with no rejected candidate (the common case) takes the vectorized kernel.

  private void streamModInts(Scratch s, int[] a, boolean subtract) {
    int m = (int) modulus.longValueExact();
    int kMask = (int) ((1L << k) - 1);
    byte[] ks = s.keystream;
    int perChunk = CHUNK_BYTES / 4;
    long budget = wordBudget();
    for (int pos = 0; pos < length; ) {
      int n = Math.min(perChunk, length - pos);
      budget = spend(budget, n);
      s.next(n << 2);
      if (KeystreamKernels.allAccepted4(ks, n, kMask, m)) {
        if (subtract) {
          KeystreamKernels.subtractAllMod(a, pos, ks, n, kMask, m);
        } else {
          KeystreamKernels.addAllMod(a, pos, ks, n, kMask, m);
        }
        pos += n;
      } else {
        pos = KeystreamKernels.applyAccepted(a, pos, ks, n, kMask, m, subtract);
      }
    }
  }

  private void streamMod4Longs(Scratch s, long[] a, boolean subtract) {
    long m = modulus.longValueExact();
    byte[] ks = s.keystream;
    int perChunk = CHUNK_BYTES / 4;
    long budget = wordBudget();
    for (int pos = 0; pos < length; ) {
      int n = Math.min(perChunk, length - pos);
      budget = spend(budget, n);
      s.next(n << 2);
      if (KeystreamKernels.allAccepted4(ks, n, m)) {
        if (subtract) {
          KeystreamKernels.subtractAllMod4(a, pos, ks, n, m);
        } else {
          KeystreamKernels.addAllMod4(a, pos, ks, n, m);
        }
        pos += n;
      } else {
        pos = KeystreamKernels.applyAccepted4(a, pos, ks, n, m, subtract);
      }
    }
  }

  private void streamMod8Longs(Scratch s, long[] a, boolean subtract) {
    long m = modulus.longValueExact();
    long kMask = (1L << k) - 1;
    byte[] ks = s.keystream;
    int perChunk = CHUNK_BYTES / 8;
    long budget = wordBudget();
    for (int pos = 0; pos < length; ) {
      int n = Math.min(perChunk, length - pos);
      budget = spend(budget, n);
      s.next(n << 3);
      if (KeystreamKernels.allAccepted8(ks, n, kMask, m)) {
        if (subtract) {
          KeystreamKernels.subtractAllMod8(a, pos, ks, n, kMask, m);
        } else {
          KeystreamKernels.addAllMod8(a, pos, ks, n, kMask, m);
        }
        pos += n;
      } else {
        pos = KeystreamKernels.applyAccepted8(a, pos, ks, n, kMask, m, subtract);
      }
    }
  }

  private long wordBudget() {
    return 64L * length + SLACK_WORDS;
  }

  private static long spend(long budget, int words) {
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

  /** Per-thread cipher and keystream buffer. */
  private static final class Scratch {
    private static final MethodType STEP_TYPE = MethodType.methodType(void.class, int.class);
    final Cipher cipher;
    final byte[] keystream = new byte[CHUNK_BYTES];
    // fill(int) bound to this scratch. C2 never inlines a call through a method handle that is
    // not a compile-time constant (an instance field is not), so the JCE code stays out of the
    // compilation unit of the chunk loops and their kernels. Inlined, it cost the kernel loops
    // their vectorized form: about 4x slower per mask (docs/architecture.md).
    private final MethodHandle step;

    Scratch() {
      try {
        cipher = Cipher.getInstance("AES/CTR/NoPadding");
        step = MethodHandles.lookup().findVirtual(Scratch.class, "fill", STEP_TYPE).bindTo(this);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("the JDK has no AES/CTR/NoPadding", e);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }

    /** Writes the next {@code bytes} keystream bytes to {@code keystream[0..bytes)}. */
    void next(int bytes) {
      try {
        step.invokeExact(bytes);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable t) {
        throw new IllegalStateException(t);
      }
    }

    private void fill(int bytes) {
      try {
        int written = cipher.update(ZEROS, 0, bytes, keystream, 0);
        if (written != bytes) {
          throw new IllegalStateException("AES-CTR returned " + written + " of " + bytes + " bytes");
        }
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("AES-CTR keystream failed", e);
      }
    }
  }
}
