package io.secagg.core.protocol;

import java.util.Objects;

/**
 * Why and when the server stopped counting on a client. Recorded by the server for every client
 * that did not finish the session; reported in {@link AggregationResult} and by the simulator.
 */
public final class Dropout {
  /** How a client left the session. */
  public enum Cause {
    /** It did not answer before the round's deadline. */
    NO_RESPONSE,
    /** It sent an abort notice. */
    CLIENT_ABORTED,
    /** It broke a protocol rule; {@link #violation()} says which. */
    PROTOCOL_VIOLATION,
    /** Too few of its neighbours were left for it to continue (or for it to be recoverable). */
    TOO_FEW_NEIGHBOURS,
    /**
     * The transport reported it gone before it answered (see {@link LeaveReason}), so the server
     * stopped waiting for it at once instead of at the round's deadline.
     */
    DISCONNECTED
  }

  private final int clientId;
  private final Round round;
  private final Cause cause;
  private final AbortReason violation;
  private final LeaveReason leaveReason;

  /**
   * @param clientId the client
   * @param round the round in which the server stopped counting on it
   * @param cause how it left
   * @param violation for {@link Cause#PROTOCOL_VIOLATION} and {@link Cause#CLIENT_ABORTED}, the
   *     reason code; otherwise null
   * @throws NullPointerException if {@code round} or {@code cause} is null
   * @throws IllegalArgumentException if {@code cause} is {@link Cause#DISCONNECTED} (use {@link
   *     #disconnected})
   */
  public Dropout(int clientId, Round round, Cause cause, AbortReason violation) {
    this(clientId, round, cause, violation, null);
    if (cause == Cause.DISCONNECTED) {
      throw new IllegalArgumentException("a DISCONNECTED dropout needs its leave reason: use Dropout.disconnected");
    }
  }

  private Dropout(int clientId, Round round, Cause cause, AbortReason violation, LeaveReason leaveReason) {
    this.clientId = clientId;
    this.round = Objects.requireNonNull(round, "round");
    this.cause = Objects.requireNonNull(cause, "cause");
    this.violation = violation;
    this.leaveReason = leaveReason;
  }

  /**
   * A client the transport reported gone in {@code round} ({@link Cause#DISCONNECTED}).
   *
   * @throws NullPointerException if {@code round} or {@code reason} is null
   */
  public static Dropout disconnected(int clientId, Round round, LeaveReason reason) {
    return new Dropout(clientId, round, Cause.DISCONNECTED, null, Objects.requireNonNull(reason, "reason"));
  }

  /** The client. */
  public int clientId() {
    return clientId;
  }

  /** The round in which it left. */
  public Round round() {
    return round;
  }

  /** How it left. */
  public Cause cause() {
    return cause;
  }

  /** The reason code for violations and client aborts, otherwise null. */
  public AbortReason violation() {
    return violation;
  }

  /** How the transport reported the client gone, for {@link Cause#DISCONNECTED}; otherwise null. */
  public LeaveReason leaveReason() {
    return leaveReason;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Dropout)) {
      return false;
    }
    Dropout d = (Dropout) o;
    return clientId == d.clientId && round == d.round && cause == d.cause && violation == d.violation
        && leaveReason == d.leaveReason;
  }

  @Override
  public int hashCode() {
    return Objects.hash(clientId, round, cause, violation, leaveReason);
  }

  @Override
  public String toString() {
    return "Dropout[client=" + clientId + ", " + round + ", " + cause
        + (violation == null ? "" : " " + violation) + (leaveReason == null ? "" : " " + leaveReason) + "]";
  }
}
