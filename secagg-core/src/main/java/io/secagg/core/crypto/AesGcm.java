package io.secagg.core.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM (NIST SP 800-38D) as an {@link Aead}: AES-128 or AES-256, 96-bit random nonces, 128-bit
 * tags.
 *
 * <p>Framing: {@code encrypt} returns {@code nonce (12 bytes) || ciphertext (as long as the
 * plaintext) || tag (16 bytes)}, so an output is always exactly 28 bytes longer than its
 * plaintext. The nonce is the next 12 bytes of the {@link SecureRandom} given at creation (one
 * {@code nextBytes(new byte[12])} call per message). Other nonce or tag sizes are not supported.
 *
 * <p>Nonce-collision bound: two messages under one key with the same random nonce would reveal
 * the XOR of their plaintexts and let an attacker forge tags. With {@code q} messages per key the
 * probability of any collision is at most {@code q^2 / 2^97}; following SP 800-38D section 8.3,
 * a key MUST NOT encrypt more than {@code 2^32} messages (collision probability below
 * {@code 2^-33}). secagg derives a fresh share-encryption key per pair of clients and session and
 * encrypts a handful of messages under it, far below the bound.
 *
 * <p>Provider: the JDK's {@code AES/GCM/NoPadding} (AES-NI and carry-less-multiply intrinsics;
 * Bouncy Castle's GCM is pure Java and table-based). Each thread reuses one {@link Cipher},
 * re-initialised per message: obtaining a fresh one per call measured 2x slower with a new key
 * per message (the protocol's pattern) and up to 10x slower with a fixed key
 * (docs/architecture.md). The JDK releases no plaintext before the tag has been verified.
 *
 * <p>Instances are immutable and thread-safe if their {@link SecureRandom} is.
 */
public final class AesGcm implements Aead {
  /** Nonce length in bytes (96 bits). */
  public static final int NONCE_LENGTH = 12;
  /** Tag length in bytes (128 bits). */
  public static final int TAG_LENGTH = 16;
  /** Bytes {@code encrypt} adds to a plaintext: nonce plus tag. */
  public static final int OVERHEAD = NONCE_LENGTH + TAG_LENGTH;

  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(AesGcm::newCipher);

  private final SecretKeySpec key;
  private final int keyLength;
  private final SecureRandom random;

  private AesGcm(SecretKeySpec key, int keyLength, SecureRandom random) {
    this.key = key;
    this.keyLength = keyLength;
    this.random = random;
  }

  /**
   * AES-GCM under {@code key}, with nonces from a fresh {@code new SecureRandom()}.
   *
   * @param key 16 bytes (AES-128) or 32 bytes (AES-256); copied
   * @throws InvalidKeyException if {@code key} is not 16 or 32 bytes long (AES-192 is not
   *     supported)
   * @throws NullPointerException if {@code key} is null
   * @throws IllegalStateException if {@code key} has been destroyed
   */
  public static AesGcm create(SecretBytes key) throws InvalidKeyException {
    return create(key, new SecureRandom());
  }

  /**
   * AES-GCM under {@code key}, with nonces from {@code random}.
   *
   * @param key 16 bytes (AES-128) or 32 bytes (AES-256); copied
   * @param random the nonce source; a {@link DeterministicRandom} only for test vectors
   * @throws InvalidKeyException if {@code key} is not 16 or 32 bytes long
   * @throws NullPointerException if an argument is null
   * @throws IllegalStateException if {@code key} has been destroyed
   */
  public static AesGcm create(SecretBytes key, SecureRandom random) throws InvalidKeyException {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(random, "random");
    int n = key.length();
    if (n != 16 && n != 32) {
      throw new InvalidKeyException(
          "Invalid AES-GCM key size " + n + " bytes; only 16 or 32 bytes are supported");
    }
    byte[] raw = key.toByteArray();
    try {
      return new AesGcm(new SecretKeySpec(raw, "AES"), n, random);
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  /** The key length in bytes: 16 or 32. */
  public int keyLength() {
    return keyLength;
  }

  /**
   * Encrypts with a fresh random nonce; the output is {@code nonce || ciphertext || tag}.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code plaintext} is longer than {@code
   *     Integer.MAX_VALUE - 8 - OVERHEAD} bytes
   */
  @Override
  public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
    Objects.requireNonNull(plaintext, "plaintext");
    Objects.requireNonNull(associatedData, "associatedData");
    if (plaintext.length > Integer.MAX_VALUE - 8 - OVERHEAD) {
      throw new IllegalArgumentException(
          "AES-GCM plaintext of " + plaintext.length + " bytes is too long");
    }
    byte[] out = new byte[OVERHEAD + plaintext.length];
    byte[] nonce = new byte[NONCE_LENGTH];
    random.nextBytes(nonce);
    System.arraycopy(nonce, 0, out, 0, NONCE_LENGTH);
    try {
      Cipher cipher = initialised(Cipher.ENCRYPT_MODE, new GCMParameterSpec(8 * TAG_LENGTH, nonce));
      cipher.updateAAD(associatedData);
      int written = cipher.doFinal(plaintext, 0, plaintext.length, out, NONCE_LENGTH);
      if (written != plaintext.length + TAG_LENGTH) {
        throw new IllegalStateException("AES-GCM wrote " + written + " bytes");
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed", e);
    }
    return out;
  }

  /**
   * Checks and decrypts {@code nonce || ciphertext || tag}.
   *
   * @throws AEADBadTagException if {@code ciphertext} is shorter than {@link #OVERHEAD} bytes or
   *     fails authentication with {@code associatedData}
   * @throws NullPointerException if an argument is null
   */
  @Override
  public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws AEADBadTagException {
    Objects.requireNonNull(ciphertext, "ciphertext");
    Objects.requireNonNull(associatedData, "associatedData");
    if (ciphertext.length < OVERHEAD) {
      throw new AEADBadTagException(
          "AES-GCM ciphertext of " + ciphertext.length + " bytes is shorter than the "
              + OVERHEAD + "-byte nonce and tag");
    }
    try {
      Cipher cipher =
          initialised(
              Cipher.DECRYPT_MODE,
              new GCMParameterSpec(8 * TAG_LENGTH, ciphertext, 0, NONCE_LENGTH));
      cipher.updateAAD(associatedData);
      return cipher.doFinal(ciphertext, NONCE_LENGTH, ciphertext.length - NONCE_LENGTH);
    } catch (AEADBadTagException e) {
      throw new AEADBadTagException("AES-GCM authentication failed");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM decryption failed", e);
    }
  }

  private Cipher initialised(int mode, GCMParameterSpec spec) throws GeneralSecurityException {
    Cipher cipher = CIPHER.get();
    try {
      cipher.init(mode, key, spec);
      return cipher;
    } catch (InvalidAlgorithmParameterException e) {
      // The JDK refuses to re-initialise a GCM encryption with the key and nonce of the same
      // Cipher's previous encryption. Our nonces come from the caller's random source, so that
      // happens only when the caller injected a source that repeats on purpose (a test replaying
      // a recorded nonce); such a caller gets a Cipher of its own.
      Cipher fresh = Cipher.getInstance(TRANSFORMATION);
      fresh.init(mode, key, spec);
      return fresh;
    }
  }

  private static Cipher newCipher() {
    try {
      return Cipher.getInstance(TRANSFORMATION);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no " + TRANSFORMATION, e);
    }
  }

  /** {@code AesGcm[AES-128]} or {@code AesGcm[AES-256]}; never the key. */
  @Override
  public String toString() {
    return "AesGcm[AES-" + (8 * keyLength()) + "]";
  }
}
