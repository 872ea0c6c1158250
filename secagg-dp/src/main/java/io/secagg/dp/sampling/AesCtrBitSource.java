package io.secagg.dp.sampling;

import io.secagg.core.crypto.Keystream;
import io.secagg.core.crypto.KeystreamPurpose;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * A fast cryptographically secure {@link BitSource}: secagg's {@link Keystream} (AES-128-CTR) of
 * purpose {@link KeystreamPurpose#DP_BITS}, buffered.
 *
 * <p>Output: the keystream's consecutive <b>little-endian</b> 64-bit words ({@link
 * Keystream#nextLong}), fetched 1024 at a time.
 *
 * <p>Seeds (the keystream's input keying material; its context is empty):
 * <ul>
 *   <li>{@link #create()} / {@link #threadLocal()}: 32 fresh bytes from {@link SecureRandom}; the
 *       source rekeys itself with a fresh seed from the same {@code SecureRandom} after every 2^30
 *       words (8 GiB), far below the AES-CTR distinguishing bound.
 *   <li>{@link #forTestVectorsOnly(byte[])}: the caller's seed, and the stream never rekeys. Anyone
 *       who knows the seed knows every sample: use it only for known-answer vectors and
 *       simulations.
 * </ul>
 *
 * <p>Not thread-safe: one instance per thread. {@link #toString()} never shows key material.
 */
public final class AesCtrBitSource implements BitSource {
  private static final int CHUNK_WORDS = 1024;
  private static final long REKEY_CHUNKS = (1L << 30) / CHUNK_WORDS;
  private static final int SEED_BYTES = 32;
  private static final byte[] NO_CONTEXT = new byte[0];
  private static final ThreadLocal<AesCtrBitSource> PER_THREAD =
      ThreadLocal.withInitial(AesCtrBitSource::create);

  private final SecureRandom rekeySource;
  private final boolean deterministic;
  private final long[] words = new long[CHUNK_WORDS];
  private final Keystream stream;
  private int next = CHUNK_WORDS;
  private long chunks;

  private AesCtrBitSource(byte[] seed, SecureRandom rekeySource, boolean deterministic) {
    this.rekeySource = rekeySource;
    this.deterministic = deterministic;
    this.stream = Keystream.open(KeystreamPurpose.DP_BITS, seed, NO_CONTEXT);
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
    byte[] seed = new byte[SEED_BYTES];
    random.nextBytes(seed);
    try {
      return new AesCtrBitSource(seed, random, false);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
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
    return new AesCtrBitSource(seed, null, true);
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
      byte[] seed = new byte[SEED_BYTES];
      rekeySource.nextBytes(seed);
      try {
        stream.rekey(KeystreamPurpose.DP_BITS, seed, NO_CONTEXT);
      } finally {
        Arrays.fill(seed, (byte) 0);
      }
    }
    stream.nextLongs(words, 0, CHUNK_WORDS);
  }

  @Override
  public String toString() {
    return deterministic ? "AesCtrBitSource[deterministic, test vectors only]" : "AesCtrBitSource[secure]";
  }
}
