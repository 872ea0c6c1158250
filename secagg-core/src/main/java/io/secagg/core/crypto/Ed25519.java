package io.secagg.core.crypto;

import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.security.SignatureException;
import java.util.Objects;

/**
 * Ed25519 signatures (RFC 8032, section 5.1; pure Ed25519, no context, no pre-hash).
 *
 * <p>Keys: a private key is the 32-byte RFC 8032 seed, held in {@link SecretBytes}; a public key
 * is the 32-byte encoding of the point {@code [s]B}. Signing is deterministic: the same key and
 * message always give the same 64-byte signature {@code R || S}.
 *
 * <p>Verification is strict. {@link #verify} throws {@link SignatureException}, and never
 * returns normally, unless all of these hold: the public key is 32 bytes and the canonical
 * encoding of a point on the curve that is not of small order; the signature is 64 bytes; its
 * {@code R} is a canonical point encoding; its {@code S} is below the group order {@code L}
 * (RFC 8032 section 5.1.7, which makes signatures non-malleable); and the verification equation
 * holds. Rejecting small-order public keys closes the trivial forgery in which the identity point
 * "signs" every message. Because failure is an exception rather than a {@code false}, a caller
 * cannot accept a forged signature by ignoring a return value.
 *
 * <p>Signing takes an {@link Ed25519KeyPair}, not a bare private key, so the public key mixed into
 * the signature always belongs to the private key (a mismatched pair would leak the private key).
 *
 * <p>Null arguments are programming errors and throw {@link NullPointerException}; a destroyed
 * key throws {@link IllegalStateException}. Randomness is used only by {@link #generateKeyPair()}:
 * 32 bytes from the {@link SecureRandom} given to {@link #create(SecureRandom)} ({@link #create()}
 * uses a new {@code SecureRandom()}).
 *
 * <p>Implementations are thread-safe if their {@link SecureRandom} is.
 */
public interface Ed25519 {
  /** Length in bytes of a public key. */
  int PUBLIC_KEY_LENGTH = 32;
  /** Length in bytes of a private key (the RFC 8032 seed). */
  int PRIVATE_KEY_LENGTH = 32;
  /** Length in bytes of a signature. */
  int SIGNATURE_LENGTH = 64;

  /** An instance that generates keys with a fresh {@code new SecureRandom()}. */
  static Ed25519 create() {
    return new BcEd25519(new SecureRandom());
  }

  /**
   * An instance that generates keys with {@code random}.
   *
   * @param random the key-generation randomness; a {@link DeterministicRandom} only for test
   *     vectors and simulations
   * @throws NullPointerException if {@code random} is null
   */
  static Ed25519 create(SecureRandom random) {
    return new BcEd25519(Objects.requireNonNull(random, "random"));
  }

  /** A new key pair: the private key is the next 32 bytes of this instance's random source. */
  Ed25519KeyPair generateKeyPair();

  /**
   * Recomputes the key pair of a private key (for example one loaded from storage).
   *
   * @param privateKey the 32-byte seed; copied, so the caller may destroy its own holder
   * @throws InvalidKeyException if {@code privateKey} is not 32 bytes long
   * @throws NullPointerException if {@code privateKey} is null
   * @throws IllegalStateException if {@code privateKey} has been destroyed
   */
  Ed25519KeyPair keyPairFromPrivateKey(SecretBytes privateKey) throws InvalidKeyException;

  /**
   * Signs {@code message}.
   *
   * @param keyPair the signer's key pair
   * @param message any bytes (may be empty)
   * @return the 64-byte signature {@code R || S}
   * @throws NullPointerException if an argument is null
   * @throws IllegalStateException if the key pair has been destroyed
   */
  byte[] sign(Ed25519KeyPair keyPair, byte[] message);

  /**
   * Verifies {@code signature} on {@code message} under {@code publicKey}; returns normally only
   * if the signature is valid under the strict rules above.
   *
   * @param publicKey the signer's 32-byte public key (untrusted: any length or content is
   *     handled)
   * @param message the signed bytes
   * @param signature the 64-byte signature (untrusted: any length or content is handled)
   * @throws SignatureException if the signature is not valid, or the public key or signature is
   *     malformed (wrong length, non-canonical or off-curve encoding, small-order key, {@code S
   *     >= L})
   * @throws NullPointerException if an argument is null
   */
  void verify(byte[] publicKey, byte[] message, byte[] signature) throws SignatureException;
}
