package io.secagg.core.protocol;

import java.util.Arrays;
import java.util.Objects;

/** One client's advertised keys as the server relays them in {@link ShareKeysRequest}. */
public final class AdvertisedKeys {
  private final int clientId;
  private final byte[] encryptionPublicKey;
  private final byte[] maskingPublicKey;
  private final byte[] signature;

  /**
   * @param clientId the advertising client (range checked by the receiver)
   * @param encryptionPublicKey c_v^PK (copied)
   * @param maskingPublicKey s_v^PK (copied)
   * @param signature the client's advertise-keys signature, empty in semi-honest mode (copied)
   * @throws NullPointerException if an array is null
   */
  public AdvertisedKeys(
      int clientId, byte[] encryptionPublicKey, byte[] maskingPublicKey, byte[] signature) {
    this.clientId = clientId;
    this.encryptionPublicKey = Objects.requireNonNull(encryptionPublicKey, "encryptionPublicKey").clone();
    this.maskingPublicKey = Objects.requireNonNull(maskingPublicKey, "maskingPublicKey").clone();
    this.signature = Objects.requireNonNull(signature, "signature").clone();
  }

  /** Convenience: the relayed form of {@code keys} as sent by {@code clientId}. */
  public static AdvertisedKeys of(int clientId, AdvertiseKeys keys) {
    return new AdvertisedKeys(
        clientId, keys.encryptionPublicKey(), keys.maskingPublicKey(), keys.signature());
  }

  /** The advertising client's id. */
  public int clientId() {
    return clientId;
  }

  /** A copy of c_v^PK. */
  public byte[] encryptionPublicKey() {
    return encryptionPublicKey.clone();
  }

  /** A copy of s_v^PK. */
  public byte[] maskingPublicKey() {
    return maskingPublicKey.clone();
  }

  /** A copy of the signature (empty in semi-honest mode). */
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof AdvertisedKeys)) {
      return false;
    }
    AdvertisedKeys that = (AdvertisedKeys) o;
    return clientId == that.clientId
        && Arrays.equals(encryptionPublicKey, that.encryptionPublicKey)
        && Arrays.equals(maskingPublicKey, that.maskingPublicKey)
        && Arrays.equals(signature, that.signature);
  }

  @Override
  public int hashCode() {
    return clientId * 31 + Arrays.hashCode(maskingPublicKey);
  }

  @Override
  public String toString() {
    return "AdvertisedKeys[client=" + clientId + "]";
  }
}
