package io.secagg.core.protocol;

import java.util.Objects;

/** Server to client: the server has aborted the session (or excluded this client). */
public final class ServerAbort implements ServerMessage {
  private final AbortReason reason;

  /**
   * @param reason why
   * @throws NullPointerException if {@code reason} is null
   */
  public ServerAbort(AbortReason reason) {
    this.reason = Objects.requireNonNull(reason, "reason");
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
