package io.secagg.core.protocol.client;

import io.secagg.core.protocol.ClientMessage;
import java.util.List;
import java.util.Objects;

/** What one event did to a {@link ClientMachine}: the messages to send and the new state. */
public final class ClientOutcome {
  private final List<ClientMessage> messages;
  private final ClientState state;

  ClientOutcome(List<ClientMessage> messages, ClientState state) {
    this.messages = List.copyOf(messages);
    this.state = Objects.requireNonNull(state, "state");
  }

  /** The messages to send to the server, in order (zero or one), unmodifiable. */
  public List<ClientMessage> messages() {
    return messages;
  }

  /** The machine's state after the event. */
  public ClientState state() {
    return state;
  }

  @Override
  public String toString() {
    return "ClientOutcome[" + messages + " -> " + state + "]";
  }
}
