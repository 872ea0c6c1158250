package io.secagg.core.protocol;

import java.util.Arrays;
import java.util.Objects;

/** Round 3 (malicious mode), client to server: the client's signature over U3. */
public final class ConsistencyCheckResponse implements ClientMessage {
  private final byte[] signature;

  /**
   * @param signature the 64-byte Ed25519 signature (copied)
   * @throws NullPointerException if {@code signature} is null
   */
  public ConsistencyCheckResponse(byte[] signature) {
    this.signature = Objects.requireNonNull(signature, "signature").clone();
  }

  /** A copy of the signature. */
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public Round round() {
    return Round.CONSISTENCY_CHECK;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConsistencyCheckResponse
        && Arrays.equals(signature, ((ConsistencyCheckResponse) o).signature);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(signature);
  }

  @Override
  public String toString() {
    return "ConsistencyCheckResponse[" + signature.length + " bytes]";
  }
}
