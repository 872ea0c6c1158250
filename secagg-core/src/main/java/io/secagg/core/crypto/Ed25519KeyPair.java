package io.secagg.core.crypto;

/**
 * An Ed25519 key pair made by {@link Ed25519}: the public key always belongs to the private key
 * (the RFC 8032 seed).
 *
 * <p>{@link #toString()} shows the public key only. {@link #destroy()} destroys the private key.
 */
public final class Ed25519KeyPair extends Curve25519KeyPair {
  Ed25519KeyPair(SecretBytes privateKey, byte[] publicKey) {
    super(privateKey, publicKey);
  }
}
