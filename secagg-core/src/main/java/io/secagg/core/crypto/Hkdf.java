package io.secagg.core.crypto;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA256 (RFC 5869).
 *
 * <p>Provider: the JDK's {@code HmacSHA256}, one reused {@link Mac} per thread (measured fastest
 * here; see {@code docs/architecture.md}).
 *
 * <p>Ranges: {@code length} is 1 to 255 * 32 = 8160 bytes; {@code salt} may be empty (RFC 5869
 * then uses 32 zero bytes); {@code ikm} and {@code info} may be empty. Every protocol derivation
 * in secagg passes an explicit label in {@code info}; see {@code spec/secagg.md}.
 */
public final class Hkdf {
  /** The HMAC-SHA256 output length in bytes. */
  public static final int HASH_LENGTH = 32;
  /** The largest output RFC 5869 allows for SHA-256. */
  public static final int MAX_OUTPUT_LENGTH = 255 * HASH_LENGTH;

  private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(Hkdf::newMac);
  private static final byte[] ZERO_SALT = new byte[HASH_LENGTH];

  private Hkdf() {}

  /**
   * HKDF-Extract followed by HKDF-Expand.
   *
   * @throws NullPointerException if any argument is null
   * @throws IllegalArgumentException if {@code length} is outside 1..8160
   */
  public static byte[] derive(byte[] ikm, byte[] salt, byte[] info, int length) {
    return expand(extract(salt, ikm), info, length);
  }

  /**
   * HKDF-Extract: the 32-byte pseudorandom key HMAC-SHA256(salt, ikm).
   *
   * @throws NullPointerException if an argument is null
   */
  public static byte[] extract(byte[] salt, byte[] ikm) {
    Objects.requireNonNull(salt, "salt");
    Objects.requireNonNull(ikm, "ikm");
    Mac mac = keyed(salt.length == 0 ? ZERO_SALT : salt);
    return mac.doFinal(ikm);
  }

  /**
   * HKDF-Expand of a pseudorandom key.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code prk} is shorter than 32 bytes or {@code length}
   *     is outside 1..8160
   */
  public static byte[] expand(byte[] prk, byte[] info, int length) {
    Objects.requireNonNull(prk, "prk");
    Objects.requireNonNull(info, "info");
    if (prk.length < HASH_LENGTH) {
      throw new IllegalArgumentException(
          "Invalid PRK length " + prk.length + "; at least " + HASH_LENGTH + " bytes required");
    }
    if (length < 1 || length > MAX_OUTPUT_LENGTH) {
      throw new IllegalArgumentException(
          "Invalid HKDF output length " + length + "; must be 1.." + MAX_OUTPUT_LENGTH);
    }
    Mac mac = keyed(prk);
    byte[] out = new byte[length];
    byte[] block = new byte[0];
    int done = 0;
    for (int counter = 1; done < length; counter++) {
      mac.update(block);
      mac.update(info);
      mac.update((byte) counter);
      block = mac.doFinal();
      int n = Math.min(HASH_LENGTH, length - done);
      System.arraycopy(block, 0, out, done, n);
      done += n;
    }
    return out;
  }

  private static Mac keyed(byte[] key) {
    Mac mac = MAC.get();
    try {
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 rejected a key", e);
    }
    return mac;
  }

  private static Mac newMac() {
    try {
      return Mac.getInstance("HmacSHA256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no HmacSHA256", e);
    }
  }
}
