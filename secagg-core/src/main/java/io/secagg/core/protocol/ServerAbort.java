package io.secagg.core.protocol;

import java.util.Objects;

/** Server to client: the server has aborted the session (or excluded this client). */
public final class ServerAbort implements ServerMessage {
  private final AbortReason reason;

  /**
   * @param reason why
   * @throws NullPointerException if {@code reason} is null
   * @throws IllegalArgumentException if {@code reason} is {@link AbortReason#UNKNOWN} or {@link
   *     AbortReason#PEER_ABORTED}, which are never sent (spec section 5.11)
   */
  public ServerAbort(AbortReason reason) {
    this.reason = Objects.requireNonNull(reason, "reason");
    if (!reason.isSentOnTheWire()) {
      throw new IllegalArgumentException("an abort notice never carries " + reason);
    }
  }

  /** Why the server aborted. */
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
    return o instanceof ServerAbort && reason == ((ServerAbort) o).reason;
  }

  @Override
  public int hashCode() {
    return reason.hashCode();
  }

  @Override
  public String toString() {
    return "ServerAbort[" + reason + "]";
  }
}
