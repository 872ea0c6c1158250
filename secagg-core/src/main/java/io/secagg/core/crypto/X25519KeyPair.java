package io.secagg.core.crypto;

import java.util.HexFormat;
import javax.security.auth.Destroyable;

/**
 * An X25519 key pair made by {@link X25519}: the public key always belongs to the private key.
 *
 * <p>{@link #toString()} shows the public key only. {@link #destroy()} destroys the private key.
 */
public final class X25519KeyPair implements Destroyable {
  private final SecretBytes privateKey;
  private final byte[] publicKey;

  X25519KeyPair(SecretBytes privateKey, byte[] publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  /** The 32-byte public key (little-endian u-coordinate), a fresh copy. */
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

  /** {@code X25519KeyPair[public=<hex>]}; never the private key. */
  @Override
  public String toString() {
    return "X25519KeyPair[public=" + HexFormat.of().formatHex(publicKey) + "]";
  }
}
