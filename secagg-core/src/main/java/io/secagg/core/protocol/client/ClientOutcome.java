package io.secagg.core.protocol.client;

import io.secagg.core.protocol.ClientMessage;
import java.util.List;
import java.util.Objects;

/**
 * What one event did to a {@link ClientMachine}: the messages to send and the new state.
 *
 * @param messages the messages to send to the server, in order (zero or one), unmodifiable
 * @param state the machine's state after the event
 */
public record ClientOutcome(List<ClientMessage> messages, ClientState state) {
  /**
   * @throws NullPointerException if an argument or a message is null
   */
  public ClientOutcome {
    messages = List.copyOf(messages);
    Objects.requireNonNull(state, "state");
  }
}
