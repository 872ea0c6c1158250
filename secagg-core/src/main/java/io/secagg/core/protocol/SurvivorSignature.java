package io.secagg.core.protocol;

import java.util.Arrays;
import java.util.Objects;

/** A neighbour's round-3 signature over U3, as the server relays it in round 4. */
public final class SurvivorSignature {
  private final int clientId;
  private final byte[] signature;

  /**
   * @param clientId the signer
   * @param signature its 64-byte Ed25519 signature (copied)
   * @throws NullPointerException if {@code signature} is null
   */
  public SurvivorSignature(int clientId, byte[] signature) {
    this.clientId = clientId;
    this.signature = Objects.requireNonNull(signature, "signature").clone();
  }

  /** The signer. */
  public int clientId() {
    return clientId;
  }

  /** A copy of the signature. */
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SurvivorSignature
        && clientId == ((SurvivorSignature) o).clientId
        && Arrays.equals(signature, ((SurvivorSignature) o).signature);
  }

  @Override
  public int hashCode() {
    return clientId * 31 + Arrays.hashCode(signature);
  }

  @Override
  public String toString() {
    return "SurvivorSignature[client=" + clientId + "]";
  }
}
