package io.secagg.core.crypto;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
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
 * then uses 32 zero bytes); {@code ikm} and {@code info} may be empty.
 *
 * <p>Protocol code derives only through the labelled entry points, {@link #derive(byte[], byte[],
 * KdfLabel, byte[], int)} and {@link #derive(SecretBytes, byte[], KdfLabel, byte[], int)}, which
 * build {@code info = ASCII(label) || 0x00 || context} (see {@link KdfLabel} and {@code
 * spec/secagg.md, section 2}): a derivation cannot be written without naming its purpose. The
 * raw {@link #derive(byte[], byte[], byte[], int)} is RFC 5869 itself, for interoperability tests.
 *
 * <p>Thread-safe: each thread uses its own {@link Mac}.
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
    checkLength(length);
    byte[] prk = extract(salt, ikm);
    try {
      return expand(prk, info, length);
    } finally {
      Arrays.fill(prk, (byte) 0);
    }
  }

  /**
   * Labelled HKDF-SHA256 with a public result (for example the session id):
   * {@code HKDF(ikm, salt, info = ASCII(label) || 0x00 || context, length)}.
   *
   * @param ikm input keying material (may be empty)
   * @param salt the HKDF salt (may be empty: RFC 5869 then uses 32 zero bytes)
   * @param label the purpose of the derivation
   * @param context purpose-specific context bytes (may be empty)
   * @param length output length in bytes, 1..8160
   * @return {@code length} fresh bytes
   * @throws NullPointerException if any argument is null
   * @throws IllegalArgumentException if {@code length} is outside 1..8160
   */
  public static byte[] derive(byte[] ikm, byte[] salt, KdfLabel label, byte[] context, int length) {
    Objects.requireNonNull(label, "label");
    return derive(ikm, salt, label.info(context), length);
  }

  /**
   * Labelled HKDF-SHA256 of secret keying material into a secret (a PRG seed, an AEAD key):
   * the same bytes as {@link #derive(byte[], byte[], KdfLabel, byte[], int)} on {@code
   * ikm.toByteArray()}, held in a {@link SecretBytes}. Intermediate copies are zeroed.
   *
   * @param ikm secret input keying material, for example an X25519 shared secret
   * @param salt the HKDF salt (may be empty)
   * @param label the purpose of the derivation
   * @param context purpose-specific context bytes (may be empty)
   * @param length output length in bytes, 1..8160
   * @throws NullPointerException if any argument is null
   * @throws IllegalArgumentException if {@code length} is outside 1..8160
   * @throws IllegalStateException if {@code ikm} has been destroyed
   */
  public static SecretBytes derive(
      SecretBytes ikm, byte[] salt, KdfLabel label, byte[] context, int length) {
    Objects.requireNonNull(ikm, "ikm");
    Objects.requireNonNull(salt, "salt");
    Objects.requireNonNull(label, "label");
    byte[] info = label.info(context);
    checkLength(length);
    byte[] raw = ikm.toByteArray();
    try {
      return SecretBytes.wrap(derive(raw, salt, info, length));
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
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
    checkLength(length);
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

  private static void checkLength(int length) {
    if (length < 1 || length > MAX_OUTPUT_LENGTH) {
      throw new IllegalArgumentException(
          "Invalid HKDF output length " + length + "; must be 1.." + MAX_OUTPUT_LENGTH);
    }
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
