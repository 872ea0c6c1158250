package io.secagg.vectors.internal;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;

/**
 * A {@link SecureRandom} that hands out exactly the given bytes, in order, and fails once they are
 * used up. A checker uses it to replay a recorded random value (a nonce, a randomizer, a proof
 * nonce) through the library's public code path, which draws it from the caller's source, and
 * thereby also proves that the library drew exactly that many bytes. Never a source of randomness.
 */
public final class ReplayRandom extends SecureRandom {
  private static final long serialVersionUID = 1L;

  private ReplayRandom(Spi spi) {
    super(spi, null);
  }

  /** A source that yields {@code bytes} (copied) and nothing more. */
  public static ReplayRandom of(byte[] bytes) {
    return new ReplayRandom(new Spi(bytes.clone()));
  }

  /**
   * A source whose bytes make {@code new BigInteger(bits, source)} return {@code x}: the JDK draws
   * {@code ceil(bits / 8)} bytes and reads them big-endian, dropping the excess high bits.
   *
   * @throws IllegalArgumentException if {@code x} is negative or longer than {@code bits}
   */
  public static ReplayRandom ofBigInteger(BigInteger x, int bits) {
    if (x.signum() < 0 || x.bitLength() > bits) {
      throw new IllegalArgumentException("value does not fit in " + bits + " bits");
    }
    byte[] raw = x.toByteArray();
    byte[] out = new byte[(bits + 7) / 8];
    int n = Math.min(raw.length, out.length);
    System.arraycopy(raw, raw.length - n, out, out.length - n, n);
    return of(out);
  }

  private static final class Spi extends SecureRandomSpi {
    private static final long serialVersionUID = 1L;
    private final byte[] bytes;
    private int position;

    Spi(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    protected void engineSetSeed(byte[] seed) {
      // A replay source has nothing to reseed.
    }

    @Override
    protected synchronized void engineNextBytes(byte[] out) {
      if (out.length > bytes.length - position) {
        throw new IllegalStateException(
            "the library drew more random bytes than the vector records: " + out.length
                + " requested, " + (bytes.length - position) + " left");
      }
      System.arraycopy(bytes, position, out, 0, out.length);
      position += out.length;
    }

    @Override
    protected byte[] engineGenerateSeed(int numBytes) {
      byte[] b = new byte[numBytes];
      engineNextBytes(b);
      return b;
    }
  }
}
