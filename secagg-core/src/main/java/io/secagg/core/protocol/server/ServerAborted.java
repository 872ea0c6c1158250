package io.secagg.core.protocol.server;

import io.secagg.core.protocol.AbortReason;
import java.util.Objects;

/**
 * The server aborted the session; nothing about any input was output. Terminal; its {@link
 * #name()} is the specification's {@code "Aborted"}.
 */
public final class ServerAborted extends ServerState {
  private final AbortReason reason;
  private final String message;

  ServerAborted(AbortReason reason, String message) {
    super("Aborted");
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
  public String toString() {
    return "ServerAborted[" + reason + ": " + message + "]";
  }
}
