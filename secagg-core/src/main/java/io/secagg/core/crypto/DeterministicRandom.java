package io.secagg.core.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A <b>deterministic</b> {@link SecureRandom} for reproducing test vectors and simulations.
 *
 * <p>Never use it for real secrets: anyone who knows the seed knows every output. Production code
 * paths take a {@link SecureRandom} from the caller and default to {@code new SecureRandom()}; this
 * class exists so that a caller can explicitly inject a reproducible source.
 *
 * <p>Output: the AES-128-CTR keystream under the key {@code K = SHA-256(ASCII("secagg/v1
 * deterministic-random") || seed)[0..16]} (the first 16 bytes of the digest), that is {@code
 * AES-128(K, 0) || AES-128(K, 1) || ...} with the counter as a 128-bit big-endian block starting
 * at zero. Successive {@link #nextBytes} calls consume the stream contiguously, whatever their
 * sizes; vectors draw randomness only through {@code nextBytes} so that the stream, not the
 * JDK's derived methods such as {@code nextInt}, defines them. Normative text: {@code
 * spec/secagg.md, section 2}, "Deterministic randomness". {@link #setSeed} calls are ignored so
 * the stream stays reproducible. Thread-safe, but concurrent callers see an interleaving that
 * depends on scheduling.
 */
public final class DeterministicRandom extends SecureRandom {
  private static final long serialVersionUID = 1L;
  private static final byte[] LABEL =
      "secagg/v1 deterministic-random".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

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
    private final transient Cipher cipher;

    Spi(byte[] seed) {
      try {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(LABEL);
        byte[] key = java.util.Arrays.copyOf(sha.digest(seed), 16);
        cipher = Cipher.getInstance("AES/CTR/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("AES-CTR unavailable", e);
      }
    }

    @Override
    protected void engineSetSeed(byte[] seed) {
      // Ignored on purpose: reseeding would make the stream depend on call order elsewhere.
    }

    @Override
    protected synchronized void engineNextBytes(byte[] bytes) {
      java.util.Arrays.fill(bytes, (byte) 0);
      byte[] out = cipher.update(bytes);
      if (out != null) {
        System.arraycopy(out, 0, bytes, 0, out.length);
      }
    }

    @Override
    protected byte[] engineGenerateSeed(int numBytes) {
      byte[] b = new byte[numBytes];
      engineNextBytes(b);
      return b;
    }
  }
}
