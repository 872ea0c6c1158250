package io.secagg.core.crypto;

import java.security.SecureRandom;
import java.security.SecureRandomSpi;

/**
 * Test-only {@link SecureRandom} that hands out exactly the given bytes, in order, and fails once
 * they are used up: a vector checker uses it to replay a recorded nonce or private key through
 * the production code path, and to prove that the code drew exactly that many bytes.
 */
public final class FixedBytesRandom extends SecureRandom {
  private static final long serialVersionUID = 1L;
  private final Spi spi;

  private FixedBytesRandom(Spi spi) {
    super(spi, null);
    this.spi = spi;
  }

  /** A source that yields {@code bytes} (copied) and nothing more. */
  public static FixedBytesRandom of(byte[] bytes) {
    return new FixedBytesRandom(new Spi(bytes.clone()));
  }

  /** The number of bytes not yet handed out. */
  public int remaining() {
    return spi.bytes.length - spi.position;
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
            "FixedBytesRandom exhausted: " + out.length + " bytes requested, "
                + (bytes.length - position) + " left");
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
