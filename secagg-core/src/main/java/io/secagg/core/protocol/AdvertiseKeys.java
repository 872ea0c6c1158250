package io.secagg.core.protocol;

import java.util.Arrays;
import java.util.Objects;

/**
 * Round 0, client to server: the client's two fresh X25519 public keys and, in malicious mode,
 * its Ed25519 signature over them.
 */
public final class AdvertiseKeys implements ClientMessage {
  private final byte[] encryptionPublicKey;
  private final byte[] maskingPublicKey;
  private final byte[] signature;

  /**
   * @param encryptionPublicKey c_u^PK, 32 bytes (copied)
   * @param maskingPublicKey s_u^PK, 32 bytes (copied)
   * @param signature the 64-byte signature in malicious mode, empty in semi-honest mode (copied)
   * @throws NullPointerException if an argument is null
   */
  public AdvertiseKeys(byte[] encryptionPublicKey, byte[] maskingPublicKey, byte[] signature) {
    this.encryptionPublicKey = Objects.requireNonNull(encryptionPublicKey, "encryptionPublicKey").clone();
    this.maskingPublicKey = Objects.requireNonNull(maskingPublicKey, "maskingPublicKey").clone();
    this.signature = Objects.requireNonNull(signature, "signature").clone();
  }

  /** A copy of c_u^PK. */
  public byte[] encryptionPublicKey() {
    return encryptionPublicKey.clone();
  }

  /** A copy of s_u^PK. */
  public byte[] maskingPublicKey() {
    return maskingPublicKey.clone();
  }

  /** A copy of the signature (empty in semi-honest mode). */
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public Round round() {
    return Round.ADVERTISE_KEYS;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof AdvertiseKeys)) {
      return false;
    }
    AdvertiseKeys that = (AdvertiseKeys) o;
    return Arrays.equals(encryptionPublicKey, that.encryptionPublicKey)
        && Arrays.equals(maskingPublicKey, that.maskingPublicKey)
        && Arrays.equals(signature, that.signature);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encryptionPublicKey) * 31 + Arrays.hashCode(maskingPublicKey);
  }

  @Override
  public String toString() {
    return "AdvertiseKeys[signature=" + signature.length + " bytes]";
  }
}
