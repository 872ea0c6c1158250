package io.secagg.core.protocol.server;

import java.util.List;
import java.util.Objects;

/**
 * What one event did to a {@link ServerMachine}: the messages to send and the new state.
 *
 * @param messages the messages to send, in order, unmodifiable
 * @param state the machine's state after the event
 */
public record ServerOutcome(List<AddressedMessage> messages, ServerState state) {
  /**
   * @throws NullPointerException if an argument or a message is null
   */
  public ServerOutcome {
    messages = List.copyOf(messages);
    Objects.requireNonNull(state, "state");
  }

  /** The count of messages and the state: a round can address thousands of clients. */
  @Override
  public String toString() {
    return "ServerOutcome[" + messages.size() + " messages -> " + state + "]";
  }
}
