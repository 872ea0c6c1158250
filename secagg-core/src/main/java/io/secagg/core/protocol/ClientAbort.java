package io.secagg.core.protocol;

import java.util.Objects;

/** Client to server: the client has aborted and will send nothing more. */
public final class ClientAbort implements ClientMessage {
  private final AbortReason reason;

  /**
   * @param reason why
   * @throws NullPointerException if {@code reason} is null
   * @throws IllegalArgumentException if {@code reason} is {@link AbortReason#UNKNOWN} or {@link
   *     AbortReason#PEER_ABORTED}, which are never sent (spec section 5.11)
   */
  public ClientAbort(AbortReason reason) {
    this.reason = Objects.requireNonNull(reason, "reason");
    if (!reason.isSentOnTheWire()) {
      throw new IllegalArgumentException("an abort notice never carries " + reason);
    }
  }

  /** Why the client aborted. */
  public AbortReason reason() {
    return reason;
  }

  /** Always {@code null}: an abort belongs to no round. */
  @Override
  public Round round() {
    return null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClientAbort && reason == ((ClientAbort) o).reason;
  }

  @Override
  public int hashCode() {
    return reason.hashCode();
  }

  @Override
  public String toString() {
    return "ClientAbort[" + reason + "]";
  }
}
