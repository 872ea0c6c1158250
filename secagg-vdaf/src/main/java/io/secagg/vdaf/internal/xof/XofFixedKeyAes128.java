package io.secagg.vdaf.internal.xof;

import io.secagg.vdaf.internal.field.Field;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * XofFixedKeyAes128 of the VDAF draft ("XofFixedKeyAes128"): a 16-byte seed, a fixed AES-128 key
 * {@code TurboSHAKE128(le16(len(dst)) || dst || binder, D = 2, 16)}, and output block {@code i}
 * equal to {@code AES(key, sigma(b)) XOR sigma(b)} with {@code b = seed XOR le128(i)} and
 * {@code sigma(lo || hi) = hi || (hi XOR lo)} (the circular correlation-robust hash of
 * [GKWWY20]).
 *
 * <p>The draft recommends it only for Poplar1's IDPF; Prio3 uses {@link XofTurboShake128}. It is
 * implemented so that the draft's XOF vectors pass. AES runs through the JCE
 * ({@code AES/ECB/NoPadding}, hardware-accelerated), several blocks per call. Not thread-safe.
 */
public final class XofFixedKeyAes128 {
  /** Seed size in bytes. */
  public static final int SEED_SIZE = 16;
  private static final int BATCH_BLOCKS = 64;

  private final byte[] seed;
  private final Cipher aes;
  private long blockIndex;
  private final byte[] block = new byte[16 * BATCH_BLOCKS];
  private int blockLen;
  private int blockPos;

  /**
   * Starts the XOF.
   *
   * @throws IllegalArgumentException if the seed is not 16 bytes or {@code dst} exceeds 65535
   *     bytes
   */
  public XofFixedKeyAes128(byte[] seed, byte[] dst, byte[] binder) {
    if (seed.length != SEED_SIZE) {
      throw new IllegalArgumentException("incorrect seed size");
    }
    if (dst.length > 65535) {
      throw new IllegalArgumentException("domain separation tag longer than 65535 bytes");
    }
    KeccakSponge keyXof = KeccakSponge.turboShake128(2);
    keyXof.absorbByte(dst.length & 0xFF);
    keyXof.absorbByte(dst.length >>> 8);
    keyXof.absorb(dst, 0, dst.length);
    keyXof.absorb(binder, 0, binder.length);
    byte[] key = new byte[16];
    keyXof.squeeze(key, 0, 16);
    this.seed = seed.clone();
    try {
      aes = Cipher.getInstance("AES/ECB/NoPadding");
      aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-128 is not available", e);
    }
  }

  private void refill() {
    byte[] sigma = new byte[block.length];
    for (int b = 0; b < BATCH_BLOCKS; b++) {
      long i = blockIndex++;
      byte[] x = seed.clone();
      for (int k = 0; k < 8; k++) {
        x[k] ^= (byte) (i >>> (8 * k));
      }
      int o = 16 * b;
      for (int k = 0; k < 8; k++) {
        sigma[o + k] = x[8 + k];
        sigma[o + 8 + k] = (byte) (x[8 + k] ^ x[k]);
      }
    }
    try {
      aes.doFinal(sigma, 0, sigma.length, block, 0);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    for (int k = 0; k < block.length; k++) {
      block[k] ^= sigma[k];
    }
    blockLen = block.length;
    blockPos = 0;
  }

  /** Writes the next {@code len} output bytes into {@code out} at {@code off}. */
  public void next(byte[] out, int off, int len) {
    int i = 0;
    while (i < len) {
      if (blockPos == blockLen) {
        refill();
      }
      int n = Math.min(len - i, blockLen - blockPos);
      System.arraycopy(block, blockPos, out, off + i, n);
      blockPos += n;
      i += n;
    }
  }

  /** The next {@code length} output bytes. */
  public byte[] next(int length) {
    byte[] out = new byte[length];
    next(out, 0, length);
    return out;
  }

  /** The draft's {@code next_vec} over this XOF's stream. */
  public long[] nextVec(Field f, int n) {
    return XofSupport.nextVec(f, n, (out, off, count) -> {
      byte[] bytes = next(8 * count);
      for (int i = 0; i < count; i++) {
        long x = 0;
        for (int k = 7; k >= 0; k--) {
          x = (x << 8) | (bytes[8 * i + k] & 0xFF);
        }
        out[off + i] = x;
      }
    });
  }
}
