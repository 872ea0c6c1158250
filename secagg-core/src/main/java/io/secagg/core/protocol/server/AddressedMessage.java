package io.secagg.core.protocol.server;

import io.secagg.core.protocol.ServerMessage;
import java.util.Objects;

/**
 * A server message and the client it goes to. A broadcast is one {@link AddressedMessage} per
 * receiver sharing the same message object, so a driver may encode it once.
 *
 * @param clientId the receiver
 * @param message the message
 */
public record AddressedMessage(int clientId, ServerMessage message) {
  /**
   * @throws NullPointerException if {@code message} is null
   */
  public AddressedMessage {
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return "to " + clientId + ": " + message;
  }
}
