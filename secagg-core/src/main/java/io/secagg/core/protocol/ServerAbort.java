package io.secagg.core.protocol;

/**
 * Server to client: the server has aborted the session (or excluded this client).
 *
 * @param reason why the server aborted
 */
public record ServerAbort(AbortReason reason) implements ServerMessage {
  /**
   * @throws NullPointerException if {@code reason} is null
   * @throws IllegalArgumentException if {@code reason} is {@link AbortReason#UNKNOWN} or {@link
   *     AbortReason#PEER_ABORTED}, which are never sent (spec section 5.11)
   */
  public ServerAbort {
    AbortReason.requireSendable(reason);
  }

  /** Always {@code null}: an abort belongs to no round. */
  @Override
  public Round round() {
    return null;
  }
}
