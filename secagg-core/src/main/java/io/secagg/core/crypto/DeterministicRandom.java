package io.secagg.core.crypto;

import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import java.util.Objects;

/**
 * A <b>deterministic</b> {@link SecureRandom} for reproducing test vectors and simulations.
 *
 * <p>Never use it for real secrets: anyone who knows the seed knows every output. Production code
 * paths take a {@link SecureRandom} from the caller and default to {@code new SecureRandom()}; this
 * class exists so that a caller can explicitly inject a reproducible source.
 *
 * <p>Output: the {@link Keystream} of purpose {@link KeystreamPurpose#DETERMINISTIC_RANDOM} with
 * the seed as input keying material and an empty context, that is AES-128-CTR under the key and
 * counter block of {@code HKDF-SHA256(IKM = seed, salt = empty, info = ASCII("secagg/v1
 * keystream-deterministic-random") || 0x00, 24)}. Successive {@link #nextBytes} calls consume the
 * stream contiguously, whatever their sizes; vectors draw randomness only through {@code
 * nextBytes} so that the stream, not the JDK's derived methods such as {@code nextInt}, defines
 * them. Normative text: {@code spec/secagg.md, section 2}, "Deterministic randomness". {@link
 * #setSeed} calls are ignored so the stream stays reproducible. Thread-safe, but concurrent
 * callers see an interleaving that depends on scheduling.
 */
public final class DeterministicRandom extends SecureRandom {
  private static final long serialVersionUID = 1L;
  private static final byte[] NO_CONTEXT = new byte[0];

  private DeterministicRandom(Spi spi) {
    super(spi, null);
  }

  /**
   * A reproducible source for test vectors and simulations only.
   *
   * @param seed any bytes (may be empty); the same seed always yields the same stream
   * @throws NullPointerException if {@code seed} is null
   */
  public static DeterministicRandom forTestVectorsOnly(byte[] seed) {
    Objects.requireNonNull(seed, "seed");
    return new DeterministicRandom(new Spi(seed));
  }

  /**
   * A reproducible source seeded with the 8 big-endian bytes of {@code seed}: the same as {@link
   * #forTestVectorsOnly(byte[])} on those 8 bytes.
   */
  public static DeterministicRandom forTestVectorsOnly(long seed) {
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (seed >>> (56 - 8 * i));
    }
    return forTestVectorsOnly(b);
  }

  /** {@code DeterministicRandom[test vectors only]}; never the seed. */
  @Override
  public String toString() {
    return "DeterministicRandom[test vectors only]";
  }

  private static final class Spi extends SecureRandomSpi {
    private static final long serialVersionUID = 1L;
    private final transient Keystream stream;

    Spi(byte[] seed) {
      stream = Keystream.open(KeystreamPurpose.DETERMINISTIC_RANDOM, seed, NO_CONTEXT);
    }

    @Override
    protected void engineSetSeed(byte[] seed) {
      // Ignored on purpose: reseeding would make the stream depend on call order elsewhere.
    }

    @Override
    protected synchronized void engineNextBytes(byte[] bytes) {
      stream.nextBytes(bytes);
    }

    @Override
    protected byte[] engineGenerateSeed(int numBytes) {
      byte[] b = new byte[numBytes];
      engineNextBytes(b);
      return b;
    }
  }
}
