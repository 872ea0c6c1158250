package io.secagg.core.protocol.server;

import io.secagg.core.protocol.AbortReason;
import io.secagg.core.protocol.ClientMessage;
import io.secagg.core.protocol.Dropout;
import io.secagg.core.protocol.Round;
import io.secagg.core.protocol.internal.ProtocolViolation;
import java.util.function.Predicate;

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
        ServerCompleted,
        ServerAborted {
  // Round bookkeeping, used by the round states only: the number of expected clients that have
  // not answered. Who is expected and who answered lives in each ClientRecord.
  int pending;
  private final Round round; // null for a terminal state
  private final String terminalName; // null for a round state

  /** A round state collecting {@code round}, named after its class. */
  ServerState(Round round) {
    this.round = round;
    this.terminalName = null;
  }

  /** A terminal state, named as the specification names it. */
  ServerState(String terminalName) {
    this.round = null;
    this.terminalName = terminalName;
  }

  /**
   * The state's name as the specification writes it, e.g. {@code "R2MaskedInputCollection"},
   * {@code "Completed"} or {@code "Aborted"}.
   */
  public final String name() {
    return terminalName != null ? terminalName : getClass().getSimpleName();
  }

  /** The round this state collects, or null for {@link ServerCompleted} and {@link ServerAborted}. */
  public final Round round() {
    return round;
  }

  /** True for {@link ServerCompleted} and {@link ServerAborted}. */
  public final boolean isTerminal() {
    return terminalName != null;
  }

  /** The number of expected clients that have not answered yet. */
  public int pendingClients() {
    return pending;
  }

  /** Starts a round: every client that {@code who} accepts is expected, every other one is not. */
  void expect(ServerContext ctx, Predicate<ClientRecord> who) {
    pending = 0;
    for (int id = 1; id <= ctx.n; id++) {
      ClientRecord c = ctx.client(id);
      if (who.test(c)) {
        c.attendance = ClientRecord.Attendance.PENDING;
        pending++;
      } else {
        c.attendance = ClientRecord.Attendance.NOT_EXPECTED;
      }
    }
  }

  boolean isExpected(ServerContext ctx, int id) {
    return !isTerminal() && ctx.client(id).attendance != ClientRecord.Attendance.NOT_EXPECTED;
  }

  static boolean hasAnswered(ServerContext ctx, int id) {
    return ctx.client(id).attendance == ClientRecord.Attendance.ANSWERED;
  }

  void markAnswered(ServerContext ctx, int id) {
    ClientRecord c = ctx.client(id);
    if (c.attendance == ClientRecord.Attendance.PENDING) {
      c.attendance = ClientRecord.Attendance.ANSWERED;
      pending--;
    }
  }

  /** The client left this round without a (kept) answer. */
  void leave(ServerContext ctx, int id) {
    ClientRecord c = ctx.client(id);
    if (c.attendance == ClientRecord.Attendance.PENDING) {
      pending--;
    }
    c.attendance = ClientRecord.Attendance.NOT_EXPECTED;
  }

  /**
   * Checks and stores one expected client's message. The base implementation rejects it.
   *
   * @throws ProtocolViolation if the message breaks a rule; the machine then excludes the client
   */
  void accept(ServerContext ctx, int clientId, ClientMessage message) throws ProtocolViolation {
    throw unexpected(message);
  }

  private ProtocolViolation unexpected(ClientMessage message) {
    return new ProtocolViolation(
        AbortReason.UNEXPECTED_MESSAGE,
        name() + " does not expect " + message.getClass().getSimpleName());
  }

  /**
   * The round's one answer from an expected client: {@code message} as a {@code type}, which
   * every round state's {@link #accept} starts from.
   *
   * @param twice the violation's message if the client already answered this round
   * @throws ProtocolViolation ({@link AbortReason#UNEXPECTED_MESSAGE}) if the message is not a
   *     {@code type} or the client already answered
   */
  final <M extends ClientMessage> M answer(
      ServerContext ctx, int clientId, ClientMessage message, Class<M> type, String twice)
      throws ProtocolViolation {
    if (!type.isInstance(message)) {
      throw unexpected(message);
    }
    if (hasAnswered(ctx, clientId)) {
      throw new ProtocolViolation(AbortReason.UNEXPECTED_MESSAGE, twice);
    }
    return type.cast(message);
  }

  /**
   * True if the client's contribution to this round can no longer be withdrawn (a masked input
   * already added to the sum), so a later violation drops it from future rounds only.
   */
  boolean keepsContributionOf(ServerContext ctx, int clientId) {
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
      if (ctx.client(id).attendance == ClientRecord.Attendance.PENDING) {
        ctx.drop(id, round(), Dropout.Cause.NO_RESPONSE, null);
      }
    }
  }

  /** True iff the client answered this round and its answer is kept (see {@link #keepsContributionOf}). */
  boolean answerKept(ServerContext ctx, int id) {
    return hasAnswered(ctx, id) && (!ctx.isBanned(id) || keepsContributionOf(ctx, id));
  }

  /** Clients this state would still send messages to (for abort notices). */
  boolean isParticipant(ServerContext ctx, int id) {
    return isExpected(ctx, id);
  }

  @Override
  public String toString() {
    return name();
  }
}
