package io.secagg.he;

import java.util.Objects;

/** A private key and its public key. Immutable. */
public final class PaillierKeyPair {
  private final PaillierPrivateKey privateKey;

  /**
   * Pairs a private key with its public key.
   *
   * @throws NullPointerException if {@code privateKey} is null
   */
  public PaillierKeyPair(PaillierPrivateKey privateKey) {
    this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
  }

  /** The public key. */
  public PaillierPublicKey publicKey() {
    return privateKey.publicKey();
  }

  /** The private key. */
  public PaillierPrivateKey privateKey() {
    return privateKey;
  }

  @Override
  public String toString() {
    return "PaillierKeyPair[" + publicKey() + "]";
  }
}
