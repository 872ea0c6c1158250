package io.secagg.vectors.internal.core;

import io.secagg.core.crypto.Hkdf;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * A deliberately naive transcription of the keystream of {@code spec/secagg.md}, section 2.4.4,
 * independent of the production {@code Keystream}: the info string is assembled byte by byte
 * from the label text, every counter block {@code nonce || BE64(j)} is built by hand and encrypted
 * on its own with AES-128 in ECB mode, and words are assembled from bytes with shifts. Slow; for
 * tests and vector generation only, in every module (it ships in secagg-core's test-jar).
 */
public final class ReferenceKeystream {
  private final byte[] key;
  private final byte[] nonce;
  private final Cipher ecb;
  private long block;
  private byte[] current = new byte[0];
  private int used;

  private ReferenceKeystream(byte[] okm) throws GeneralSecurityException {
    key = Arrays.copyOfRange(okm, 0, 16);
    nonce = Arrays.copyOfRange(okm, 16, 24);
    ecb = Cipher.getInstance("AES/ECB/NoPadding");
    ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
  }

  /**
   * The stream of {@code label} (the full label text, e.g. {@code "secagg/v1 keystream-mask"}),
   * {@code seed} and {@code context}.
   */
  public static ReferenceKeystream open(String label, byte[] seed, byte[] context) {
    try {
      return new ReferenceKeystream(keyAndNonce(label, seed, context));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code HKDF-SHA256(seed, salt = empty, info = ASCII(label) || 0x00 || context, 24)}. */
  public static byte[] keyAndNonce(String label, byte[] seed, byte[] context) {
    byte[] l = label.getBytes(StandardCharsets.US_ASCII);
    byte[] info = new byte[l.length + 1 + context.length];
    System.arraycopy(l, 0, info, 0, l.length);
    info[l.length] = 0x00;
    System.arraycopy(context, 0, info, l.length + 1, context.length);
    return Hkdf.derive(seed, new byte[0], info, 24);
  }

  /** The AES-128 key (16 bytes). */
  public byte[] key() {
    return key.clone();
  }

  /** The initial counter block {@code nonce || 0^8} (16 bytes). */
  public byte[] iv() {
    return Arrays.copyOf(nonce, 16);
  }

  /** The next keystream byte. */
  public int nextByte() {
    if (used == current.length) {
      byte[] counterBlock = Arrays.copyOf(nonce, 16);
      for (int j = 0; j < 8; j++) {
        counterBlock[15 - j] = (byte) (block >>> (8 * j));
      }
      try {
        current = ecb.doFinal(counterBlock);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
      used = 0;
      block++;
    }
    return current[used++] & 0xff;
  }

  /** The next {@code n} keystream bytes. */
  public byte[] nextBytes(int n) {
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      out[i] = (byte) nextByte();
    }
    return out;
  }

  /** The next {@code width} bytes (1 to 8) as a little-endian unsigned integer. */
  public long nextLittleEndian(int width) {
    long w = 0;
    for (int i = 0; i < width; i++) {
      w |= (long) nextByte() << (8 * i);
    }
    return w;
  }
}
