package io.secagg.core.protocol.server;

import io.secagg.core.protocol.AbortReason;
import io.secagg.core.protocol.ClientMessage;
import io.secagg.core.protocol.Dropout;
import io.secagg.core.protocol.Round;
import io.secagg.core.protocol.internal.ProtocolViolation;

/**
 * A state of a {@link ServerMachine}. Each round state collects one kind of client message
 * from the clients it expects; anything else from an expected client is a protocol violation
 * that excludes that client (never the whole session), and messages from clients it does not
 * expect are ignored.
 */
public abstract sealed class ServerState
    permits R0AdvertiseKeys,
        R1ShareKeys,
        R2MaskedInputCollection,
        R3ConsistencyCheck,
        R4Unmasking,
        Completed,
        Aborted {
  // Round bookkeeping, used by the round states only.
  boolean[] expected;
  boolean[] answered;
  int pending;

  ServerState() {}

  /** The state's name, e.g. {@code "R2MaskedInputCollection"}. */
  public final String name() {
    return getClass().getSimpleName();
  }

  /** The round this state collects, or null for {@link Completed} and {@link Aborted}. */
  public Round round() {
    return null;
  }

  /** True for {@link Completed} and {@link Aborted}. */
  public boolean isTerminal() {
    return false;
  }

  /** The number of expected clients that have not answered yet. */
  public int pendingClients() {
    return pending;
  }

  void expect(boolean[] who, int n) {
    expected = who;
    answered = new boolean[n + 1];
    pending = 0;
    for (boolean b : who) {
      if (b) {
        pending++;
      }
    }
  }

  boolean isExpected(int id) {
    return expected != null && expected[id];
  }

  void markAnswered(int id) {
    if (!answered[id]) {
      answered[id] = true;
      pending--;
    }
  }

  /** The client left this round without a (kept) answer. */
  void leave(int id) {
    if (expected[id]) {
      expected[id] = false;
      if (!answered[id]) {
        pending--;
      }
      answered[id] = false;
    }
  }

  /**
   * Checks and stores one expected client's message. The base implementation rejects it.
   *
   * @throws ProtocolViolation if the message breaks a rule; the machine then excludes the client
   */
  void accept(ServerContext ctx, int clientId, ClientMessage message) throws ProtocolViolation {
    throw new ProtocolViolation(
        AbortReason.UNEXPECTED_MESSAGE,
        name() + " does not expect " + message.getClass().getSimpleName());
  }

  /**
   * True if the client's contribution to this round can no longer be withdrawn (a masked input
   * already added to the sum), so a later violation drops it from future rounds only.
   */
  boolean keepsContributionOf(int clientId) {
    return false;
  }

  /**
   * Closes the round: records every silent client, then computes the next state and queues its
   * messages on {@code ctx.out}.
   *
   * @throws ProtocolViolation to abort the session (the reason is the session's)
   */
  ServerState close(ServerContext ctx) throws ProtocolViolation {
    throw new IllegalStateException(name() + " has no round to close");
  }

  /** Records every expected client that did not answer as {@link Dropout.Cause#NO_RESPONSE}. */
  void recordSilent(ServerContext ctx) {
    for (int id = 1; id <= ctx.n; id++) {
      if (expected[id] && !answered[id]) {
        ctx.drop(id, round(), Dropout.Cause.NO_RESPONSE, null);
      }
    }
  }

  /** The clients that answered and were not banned, as a membership array. */
  boolean[] keptAnswers(ServerContext ctx) {
    boolean[] kept = new boolean[ctx.n + 1];
    for (int id = 1; id <= ctx.n; id++) {
      kept[id] = answered[id] && (!ctx.banned[id] || keepsContributionOf(id));
    }
    return kept;
  }

  /** Clients this state would still send messages to (for abort notices). */
  boolean isParticipant(int id) {
    return expected != null && expected[id];
  }

  @Override
  public String toString() {
    return name();
  }
}
