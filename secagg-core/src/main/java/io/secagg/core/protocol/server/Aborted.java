package io.secagg.core.protocol.server;

import io.secagg.core.protocol.AbortReason;
import java.util.Objects;

/** The session was aborted; nothing about any input was output. Terminal. */
public final class Aborted extends ServerState {
  private final AbortReason reason;
  private final String message;

  Aborted(AbortReason reason, String message) {
    this.reason = Objects.requireNonNull(reason, "reason");
    this.message = Objects.requireNonNull(message, "message");
  }

  /** The reason code. */
  public AbortReason reason() {
    return reason;
  }

  /** A human-readable description (no secrets). */
  public String message() {
    return message;
  }

  @Override
  public boolean isTerminal() {
    return true;
  }

  @Override
  public String toString() {
    return "Aborted[" + reason + ": " + message + "]";
  }
}
