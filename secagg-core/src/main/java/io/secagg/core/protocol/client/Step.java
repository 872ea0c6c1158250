package io.secagg.core.protocol.client;

import io.secagg.core.protocol.ClientMessage;

/** A state's answer to an event: the next state and at most one message to send. */
final class Step {
  final ClientState next;
  final ClientMessage message;

  Step(ClientState next, ClientMessage message) {
    this.next = next;
    this.message = message;
  }
}
