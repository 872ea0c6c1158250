package io.secagg.core.crypto;

import java.util.HexFormat;
import javax.security.auth.Destroyable;

/**
 * What {@link X25519KeyPair} and {@link Ed25519KeyPair} share: a 32-byte private key in its own
 * {@link SecretBytes} holder and the 32-byte public key that belongs to it.
 */
abstract sealed class Curve25519KeyPair implements Destroyable
    permits Ed25519KeyPair, X25519KeyPair {
  private final SecretBytes privateKey;
  private final byte[] publicKey;

  Curve25519KeyPair(SecretBytes privateKey, byte[] publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  /** The 32-byte public key, a fresh copy. */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /**
   * The 32-byte private key. This is the pair's own holder: destroying it destroys the pair's
   * private key.
   */
  public SecretBytes privateKey() {
    return privateKey;
  }

  /** Overwrites the private key with zeros; the public key stays readable. */
  @Override
  public void destroy() {
    privateKey.destroy();
  }

  /** True once the private key has been destroyed. */
  @Override
  public boolean isDestroyed() {
    return privateKey.isDestroyed();
  }

  /** {@code <class name>[public=<hex>]}; never the private key. */
  @Override
  public String toString() {
    return getClass().getSimpleName() + "[public=" + HexFormat.of().formatHex(publicKey) + "]";
  }

  // For the signer, which reads the public key without a copy.
  final byte[] publicKeyInternal() {
    return publicKey;
  }
}
