package io.secagg.core.protocol.client;

import io.secagg.core.protocol.AbortReason;
import java.util.Objects;

/**
 * The client stopped: a peer broke a rule, the server aborted, or the caller cancelled. Terminal;
 * every secret has been overwritten. The message names the rule, never a secret value. Its
 * {@link #name()} is the specification's {@code "Aborted"}.
 */
public final class ClientAborted extends ClientState {
  private final AbortReason reason;
  private final String message;

  ClientAborted(AbortReason reason, String message) {
    super("Aborted");
    this.reason = Objects.requireNonNull(reason, "reason");
    this.message = Objects.requireNonNull(message, "message");
  }

  /** The reason code. */
  public AbortReason reason() {
    return reason;
  }

  /** A human-readable description of the failed rule (no secrets). */
  public String message() {
    return message;
  }

  @Override
  public String toString() {
    return "ClientAborted[" + reason + ": " + message + "]";
  }
}
