package io.secagg.core.protocol;

import java.util.Arrays;
import java.util.Objects;

/** Round 0, server to every client: opens the session with a fresh server nonce. */
public final class AdvertiseKeysRequest implements ServerMessage {
  private final byte[] serverNonce;

  /**
   * @param serverNonce the 32-byte session nonce (copied; the length is checked by the client)
   * @throws NullPointerException if {@code serverNonce} is null
   */
  public AdvertiseKeysRequest(byte[] serverNonce) {
    this.serverNonce = Objects.requireNonNull(serverNonce, "serverNonce").clone();
  }

  /** A copy of the server nonce. */
  public byte[] serverNonce() {
    return serverNonce.clone();
  }

  @Override
  public Round round() {
    return Round.ADVERTISE_KEYS;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AdvertiseKeysRequest
        && Arrays.equals(serverNonce, ((AdvertiseKeysRequest) o).serverNonce);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(serverNonce);
  }

  @Override
  public String toString() {
    return "AdvertiseKeysRequest[nonce=" + serverNonce.length + " bytes]";
  }
}
