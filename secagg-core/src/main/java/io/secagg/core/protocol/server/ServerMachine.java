package io.secagg.core.protocol.server;

import io.secagg.core.protocol.AbortReason;
import io.secagg.core.protocol.AdvertiseKeysRequest;
import io.secagg.core.protocol.AggregationResult;
import io.secagg.core.protocol.ClientAbort;
import io.secagg.core.protocol.ClientMessage;
import io.secagg.core.protocol.Dropout;
import io.secagg.core.protocol.LeaveReason;
import io.secagg.core.protocol.Round;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.protocol.internal.Derivations;
import io.secagg.core.protocol.internal.ProtocolViolation;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;

/**
 * The server of a secure-aggregation session as a sans-I/O state machine. A driver calls {@link
 * #start()} once, then feeds it each client message with {@link #handle} and each round deadline
 * with {@link #advance()}, and sends the messages each call returns. No threads (beyond an
 * optional caller-supplied executor for unmasking), sockets, clocks or logging inside.
 *
 * <p>States: {@link R0AdvertiseKeys} &rarr; {@link R1ShareKeys} &rarr; {@link
 * R2MaskedInputCollection} &rarr; ({@link R3ConsistencyCheck}, malicious mode) &rarr; {@link
 * R4Unmasking} &rarr; {@link ServerCompleted}, or {@link ServerAborted}. A round closes when every client it
 * expects has answered or left (an abort notice, an exclusion, or {@link #clientLeft} from the
 * transport), or on {@link #advance()}.
 *
 * <p><b>Contract for peer input:</b> nothing a client sends makes a method throw. A client that
 * breaks a rule is excluded from the rest of the session (and sent an abort notice); a message
 * from a client the current round does not expect is ignored; the session itself aborts only
 * when too few clients remain for the sum to be recovered (fewer than t neighbours for some
 * secret the server needs), or when the shares of a secret cannot be corrected into the secret
 * its owner is bound to. A lying share that can be corrected is left out and its sender recorded
 * ({@link AggregationResult#rejectedShares()}); a sum is never output with a wrong secret.
 *
 * <p><b>Memory:</b> one length-L accumulator, into which each masked input is added as it
 * arrives; see {@link #stats()}.
 *
 * <p><b>Randomness:</b> from the builder's {@link SecureRandom}: the 32-byte server nonce, drawn
 * in {@link #start()}, and, when round 4 closes, the coefficients of the parity checks that test
 * the shares (they must stay unknown to the clients; they never affect a message or the sum).
 *
 * <p>Not thread-safe: feed one event at a time.
 */
public final class ServerMachine {
  private final ServerContext ctx;
  private ServerState state;

  private ServerMachine(ServerContext ctx) {
    this.ctx = ctx;
  }

  /**
   * A builder for the server of a session with {@code config}.
   *
   * @throws NullPointerException if {@code config} is null
   */
  public static Builder builder(SecAggConfig config) {
    return new Builder(Objects.requireNonNull(config, "config"));
  }

  /**
   * Opens the session: draws the nonce and returns the round-0 request for every client.
   *
   * @throws IllegalStateException if called more than once
   */
  public ServerOutcome start() {
    if (state != null) {
      throw new IllegalStateException("the session has already been started");
    }
    byte[] nonce = new byte[Derivations.NONCE_LENGTH];
    ctx.random.nextBytes(nonce);
    ctx.nonce = nonce;
    state = new R0AdvertiseKeys(ctx);
    AdvertiseKeysRequest request = new AdvertiseKeysRequest(nonce);
    for (int id = 1; id <= ctx.n; id++) {
      ctx.send(id, request);
    }
    return flush();
  }

  /**
   * Handles one message from client {@code clientId} (as authenticated by the transport).
   * Messages from ids outside 1..n, from clients the current round does not expect, from
   * excluded clients, or arriving in a terminal state are ignored.
   *
   * @return the messages to send and the new state
   * @throws NullPointerException if {@code message} is null
   * @throws IllegalStateException if {@link #start()} has not been called
   */
  public ServerOutcome handle(int clientId, ClientMessage message) {
    Objects.requireNonNull(message, "message");
    checkStarted();
    if (!acceptsFrom(clientId)) {
      return flush();
    }
    if (message instanceof ClientAbort) {
      ctx.drop(clientId, state.round(), Dropout.Cause.CLIENT_ABORTED, ((ClientAbort) message).reason());
      if (state.keepsContributionOf(ctx, clientId)) {
        ctx.client(clientId).banned = true;
      } else {
        state.leave(ctx, clientId);
      }
    } else {
      try {
        state.accept(ctx, clientId, message);
        state.markAnswered(ctx, clientId);
      } catch (ProtocolViolation v) {
        exclude(clientId, v.reason());
      } catch (RuntimeException e) {
        // Defence in depth: a primitive rejecting some value must exclude the client, not
        // escape to the driver.
        exclude(clientId, AbortReason.MALFORMED_MESSAGE);
      }
    }
    closeWhileComplete();
    return flush();
  }

  /**
   * Tells the machine that a frame from {@code clientId} could not be decoded: that client is
   * excluded like any rule breaker (ignored if it is not expected now).
   *
   * @throws IllegalStateException if {@link #start()} has not been called
   */
  public ServerOutcome handleUndecodableMessage(int clientId) {
    checkStarted();
    if (acceptsFrom(clientId)) {
      exclude(clientId, AbortReason.MALFORMED_MESSAGE);
      closeWhileComplete();
    }
    return flush();
  }

  /**
   * Tells the machine that the transport has lost client {@code clientId} for good: its
   * connection closed, its stream was cancelled and not resumed, or it said it is leaving. The
   * machine stops waiting for it at once: if the current round expects an answer it has not
   * sent, it is recorded as {@link Dropout.Cause#DISCONNECTED} and the round closes as soon as
   * every other expected client has answered or left; a later round never waits for it. What it
   * already contributed stands, exactly as for a client that is silent at a deadline (a masked
   * input already added stays in the sum and its self mask is recovered from its neighbours'
   * shares). Ignored for ids outside 1..n, for excluded or already departed clients, and in a
   * terminal state.
   *
   * <p>This is transport information, not protocol evidence, and the caller must only report a
   * client whose frames can no longer arrive (a message from it after this call is ignored).
   *
   * @param clientId the client, as authenticated by the transport
   * @param reason how the transport learnt it
   * @return the messages to send (the next round's requests if this closed a round) and the new
   *     state
   * @throws NullPointerException if {@code reason} is null
   * @throws IllegalStateException if {@link #start()} has not been called
   */
  public ServerOutcome clientLeft(int clientId, LeaveReason reason) {
    Objects.requireNonNull(reason, "reason");
    checkStarted();
    if (state.isTerminal() || !ctx.config.isClientId(clientId) || ctx.isBanned(clientId)
        || ctx.client(clientId).gone != null) {
      return flush();
    }
    ctx.client(clientId).gone = reason;
    ctx.goneCount++;
    releaseIfGone(clientId);
    closeWhileComplete();
    return flush();
  }

  /**
   * The current round's deadline has passed: closes it with the answers received so far (every
   * silent client counts as dropped). Ignored in a terminal state.
   *
   * @throws IllegalStateException if {@link #start()} has not been called
   */
  public ServerOutcome advance() {
    checkStarted();
    if (!state.isTerminal()) {
      closeRound();
      closeWhileComplete();
    }
    return flush();
  }

  /**
   * Aborts the session on the caller's request ({@link AbortReason#CANCELLED}), notifying the
   * clients still taking part. Ignored in a terminal state.
   *
   * @throws IllegalStateException if {@link #start()} has not been called
   */
  public ServerOutcome cancel() {
    checkStarted();
    if (!state.isTerminal()) {
      abort(AbortReason.CANCELLED, "cancelled by the caller");
    }
    return flush();
  }

  /** The current state, or null before {@link #start()}. */
  public ServerState state() {
    return state;
  }

  /** The round being collected, or null before {@link #start()} and in a terminal state. */
  public Round round() {
    return state == null ? null : state.round();
  }

  /** The result if the session completed, otherwise null. */
  public AggregationResult result() {
    return state instanceof ServerCompleted ? ((ServerCompleted) state).result() : null;
  }

  /** The server's record so far of every client that left the session, ascending by id. */
  public List<Dropout> dropouts() {
    return ctx.dropouts();
  }

  /** Memory accounting so far. */
  public ServerStats stats() {
    return ctx.stats();
  }

  /** The session configuration. */
  public SecAggConfig config() {
    return ctx.config;
  }

  /** The session id (32 bytes, a copy), or null before round 0 has closed. */
  public byte[] sessionId() {
    return ctx.sessionId == null ? null : ctx.sessionId.clone();
  }

  /** True iff the current state expects a message from {@code clientId} and it is not banned. */
  private boolean acceptsFrom(int clientId) {
    return !state.isTerminal() && ctx.config.isClientId(clientId) && state.isExpected(ctx, clientId)
        && !ctx.isBanned(clientId);
  }

  private void exclude(int clientId, AbortReason reason) {
    boolean keep = state.keepsContributionOf(ctx, clientId);
    ctx.ban(clientId, state.round(), reason);
    if (!keep) {
      state.leave(ctx, clientId);
    }
  }

  private void closeWhileComplete() {
    while (!state.isTerminal() && state.pendingClients() == 0) {
      closeRound();
    }
  }

  private void closeRound() {
    try {
      state = state.close(ctx);
    } catch (ProtocolViolation v) {
      abort(v.reason(), v.getMessage());
      return;
    }
    if (ctx.goneCount > 0 && !state.isTerminal()) {
      // The new round must not wait for clients the transport already reported gone.
      for (int id = 1; id <= ctx.n; id++) {
        releaseIfGone(id);
      }
    }
  }

  /** If the current round still waits for {@code id} and the transport reported it gone, stops waiting. */
  private void releaseIfGone(int id) {
    ClientRecord c = ctx.client(id);
    if (c.gone != null && c.attendance == ClientRecord.Attendance.PENDING && state.isExpected(ctx, id)) {
      ctx.dropDisconnected(id, state.round());
      state.leave(ctx, id);
    }
  }

  /**
   * Ends the session. The notice goes to every client the round being collected or closed expects
   * (answered or not: the abort decides that round, so a client that missed its deadline may still
   * be waiting for it), ascending, except clients that left already: those excluded for a broken
   * rule or that aborted themselves (banned), those removed with too few neighbours (already
   * sent their own notice), and those whose departure the transport reported (spec/secagg.md 5.1).
   */
  private void abort(AbortReason reason, String message) {
    for (int id = 1; id <= ctx.n; id++) {
      if (state.isParticipant(ctx, id) && !ctx.isBanned(id) && ctx.client(id).gone == null) {
        ctx.sendAbortNotice(id, reason);
      }
    }
    ctx.forgetShares();
    state = new ServerAborted(reason, message);
  }

  private ServerOutcome flush() {
    ServerOutcome outcome = new ServerOutcome(ctx.out, state);
    ctx.out.clear();
    return outcome;
  }

  private void checkStarted() {
    if (state == null) {
      throw new IllegalStateException("start() has not been called");
    }
  }

  @Override
  public String toString() {
    return "ServerMachine[" + (state == null ? "not started" : state.name()) + "]";
  }

  /** Builds a {@link ServerMachine}. */
  public static final class Builder {
    private final SecAggConfig config;
    private SecureRandom random;
    private ServerOptions options = ServerOptions.defaults();

    private Builder(SecAggConfig config) {
      this.config = config;
    }

    /**
     * The randomness source for the nonce (default: a new {@link SecureRandom}). Pass a {@code
     * DeterministicRandom} only for test vectors and simulations.
     *
     * @throws NullPointerException if {@code random} is null
     */
    public Builder random(SecureRandom random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * How unmasking may use the caller's threads (default: the calling thread only).
     *
     * @throws NullPointerException if {@code options} is null
     */
    public Builder options(ServerOptions options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /** Builds the machine; call {@link ServerMachine#start()} next. */
    public ServerMachine build() {
      SecureRandom r = random != null ? random : new SecureRandom();
      return new ServerMachine(new ServerContext(config, r, options));
    }
  }
}
