package io.secagg.core.protocol.server;

import io.secagg.core.protocol.ServerMessage;
import java.util.Objects;

/**
 * A server message and the client it goes to. A broadcast is one {@link AddressedMessage} per
 * receiver sharing the same message object, so a driver may encode it once.
 */
public final class AddressedMessage {
  private final int clientId;
  private final ServerMessage message;

  /**
   * @param clientId the receiver
   * @param message the message
   * @throws NullPointerException if {@code message} is null
   */
  public AddressedMessage(int clientId, ServerMessage message) {
    this.clientId = clientId;
    this.message = Objects.requireNonNull(message, "message");
  }

  /** The receiver. */
  public int clientId() {
    return clientId;
  }

  /** The message. */
  public ServerMessage message() {
    return message;
  }

  @Override
  public String toString() {
    return "to " + clientId + ": " + message;
  }
}
