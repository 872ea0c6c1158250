package io.secagg.core.protocol.server;

import java.util.List;
import java.util.Objects;

/** What one event did to a {@link ServerMachine}: the messages to send and the new state. */
public final class ServerOutcome {
  private final List<AddressedMessage> messages;
  private final ServerState state;

  ServerOutcome(List<AddressedMessage> messages, ServerState state) {
    this.messages = List.copyOf(messages);
    this.state = Objects.requireNonNull(state, "state");
  }

  /** The messages to send, in order, unmodifiable. */
  public List<AddressedMessage> messages() {
    return messages;
  }

  /** The machine's state after the event. */
  public ServerState state() {
    return state;
  }

  @Override
  public String toString() {
    return "ServerOutcome[" + messages.size() + " messages -> " + state + "]";
  }
}
