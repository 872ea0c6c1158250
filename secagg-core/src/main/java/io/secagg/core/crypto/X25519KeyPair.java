package io.secagg.core.crypto;

/**
 * An X25519 key pair made by {@link X25519}: the public key (the little-endian u-coordinate)
 * always belongs to the private key.
 *
 * <p>{@link #toString()} shows the public key only. {@link #destroy()} destroys the private key.
 */
public final class X25519KeyPair extends Curve25519KeyPair {
  X25519KeyPair(SecretBytes privateKey, byte[] publicKey) {
    super(privateKey, publicKey);
  }
}
