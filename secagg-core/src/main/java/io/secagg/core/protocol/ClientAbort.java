package io.secagg.core.protocol;

/**
 * Client to server: the client has aborted and will send nothing more.
 *
 * @param reason why the client aborted
 */
public record ClientAbort(AbortReason reason) implements ClientMessage {
  /**
   * @throws NullPointerException if {@code reason} is null
   * @throws IllegalArgumentException if {@code reason} is {@link AbortReason#UNKNOWN} or {@link
   *     AbortReason#PEER_ABORTED}, which are never sent (spec section 5.11)
   */
  public ClientAbort {
    AbortReason.requireSendable(reason);
  }

  /** Always {@code null}: an abort belongs to no round. */
  @Override
  public Round round() {
    return null;
  }
}
