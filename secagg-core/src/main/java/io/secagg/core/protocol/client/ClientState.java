package io.secagg.core.protocol.client;

import io.secagg.core.protocol.AbortReason;
import io.secagg.core.protocol.ServerMessage;
import io.secagg.core.protocol.internal.ProtocolViolation;

/**
 * A state of a {@link ClientMachine}. Each state is its own class and handles only the message
 * it expects; any other message is a protocol violation that aborts the machine.
 *
 * <p>States are observable (for drivers, tests and monitoring) but have no public behaviour:
 * only the machine moves between them.
 */
public abstract sealed class ClientState
    permits R0AdvertiseKeys,
        R1ShareKeys,
        R2MaskedInputCollection,
        R3ConsistencyCheck,
        R4Unmasking,
        ClientCompleted,
        ClientAborted {
  private final String terminalName; // null for a round state

  /** A round state, named after its class. */
  ClientState() {
    this.terminalName = null;
  }

  /** A terminal state, named as the specification names it. */
  ClientState(String terminalName) {
    this.terminalName = terminalName;
  }

  /**
   * The state's name as the specification writes it, e.g. {@code "R1ShareKeys"}, {@code
   * "Completed"} or {@code "Aborted"}.
   */
  public final String name() {
    return terminalName != null ? terminalName : getClass().getSimpleName();
  }

  /** True for {@link ClientCompleted} and {@link ClientAborted}: the machine ignores every further event. */
  public final boolean isTerminal() {
    return terminalName != null;
  }

  /**
   * Handles {@code message}. The base implementation rejects it as unexpected.
   *
   * @throws ProtocolViolation if the message breaks a rule
   */
  Step handle(ClientContext context, ServerMessage message) throws ProtocolViolation {
    throw new ProtocolViolation(
        AbortReason.UNEXPECTED_MESSAGE,
        name() + " does not expect " + message.getClass().getSimpleName());
  }

  /** Overwrites every secret this state holds; called when the machine leaves it for good. */
  void destroySecrets() {}

  @Override
  public String toString() {
    return name();
  }
}
