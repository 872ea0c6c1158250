package io.secagg.core.protocol.client;

/**
 * The client has sent its unmasking response: its part of the session is done. Terminal; the
 * machine ignores every further message, so no later request can extract another share. Its
 * {@link #name()} is the specification's {@code "Completed"}.
 */
public final class ClientCompleted extends ClientState {
  ClientCompleted() {
    super("Completed");
  }
}
