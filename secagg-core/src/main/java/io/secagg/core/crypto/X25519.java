package io.secagg.core.crypto;

import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * X25519 Diffie-Hellman key agreement (RFC 7748, section 5 and 6.1).
 *
 * <p>Keys: a private key is 32 bytes held in {@link SecretBytes} (any 32 bytes; the scalar is
 * clamped when used, as RFC 7748 {@code decodeScalar25519} prescribes); a public key is the
 * 32-byte little-endian u-coordinate {@code X25519(private, 9)}.
 *
 * <p>Peer public keys are decoded exactly as RFC 7748 section 5 says: the most significant bit
 * of the last byte is masked off, and a value in {@code [2^255 - 19, 2^255)} is accepted and used
 * as its residue mod {@code 2^255 - 19} (RFC 7748 section 7 recommends accepting such
 * non-canonical encodings; every one of them denotes a well-defined point). Points on the twist
 * are accepted too: X25519 is designed for them, and the all-zero check below catches every
 * result that would be independent of our private key.
 *
 * <p>Rejection: {@link #agree} throws {@link InvalidKeyException} if the peer key is not exactly
 * 32 bytes, or if the shared secret is all zero, which happens exactly when the peer sent a point
 * of small order (RFC 7748 section 6.1): such a secret would be known to anyone and must never
 * key anything. The check runs in time independent of the secret.
 *
 * <p>Null arguments are programming errors and throw {@link NullPointerException}; a destroyed
 * {@link SecretBytes} throws {@link IllegalStateException}.
 *
 * <p>Randomness: only {@link #generateKeyPair()} draws randomness, 32 bytes from the {@link
 * SecureRandom} given to {@link #create(SecureRandom)} ({@link #create()} uses a new {@code
 * SecureRandom()}).
 *
 * <p>Implementations are thread-safe if their {@link SecureRandom} is (the JDK's are).
 */
public interface X25519 {
  /** Length in bytes of private keys, public keys and shared secrets. */
  int KEY_LENGTH = 32;

  /** An instance that generates keys with a fresh {@code new SecureRandom()}. */
  static X25519 create() {
    return new BcX25519(new SecureRandom());
  }

  /**
   * An instance that generates keys with {@code random}.
   *
   * @param random the key-generation randomness; a {@link DeterministicRandom} only for test
   *     vectors and simulations
   * @throws NullPointerException if {@code random} is null
   */
  static X25519 create(SecureRandom random) {
    return new BcX25519(Objects.requireNonNull(random, "random"));
  }

  /**
   * A new key pair: the private key is the next 32 bytes of this instance's random source.
   */
  X25519KeyPair generateKeyPair();

  /**
   * Recomputes the key pair of a private key (for example one loaded from storage).
   *
   * @param privateKey 32 bytes; copied, so the caller may destroy its own holder afterwards
   * @throws InvalidKeyException if {@code privateKey} is not 32 bytes long
   * @throws NullPointerException if {@code privateKey} is null
   * @throws IllegalStateException if {@code privateKey} has been destroyed
   */
  X25519KeyPair keyPairFromPrivateKey(SecretBytes privateKey) throws InvalidKeyException;

  /**
   * The shared secret {@code X25519(privateKey, peerPublicKey)}.
   *
   * @param privateKey our 32-byte private key
   * @param peerPublicKey the peer's 32-byte public key, decoded as described above
   * @return the 32-byte shared secret; use it only as HKDF input keying material, never directly
   *     as a key
   * @throws InvalidKeyException if {@code privateKey} or {@code peerPublicKey} is not 32 bytes
   *     long, or if the shared secret is all zero (the peer key is a point of small order)
   * @throws NullPointerException if an argument is null
   * @throws IllegalStateException if {@code privateKey} has been destroyed
   */
  SecretBytes agree(SecretBytes privateKey, byte[] peerPublicKey) throws InvalidKeyException;
}
