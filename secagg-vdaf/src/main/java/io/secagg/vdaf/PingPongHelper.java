package io.secagg.vdaf;

import java.util.List;

/**
 * The helper (aggregator 1) of the draft's ping-pong topology: it answers the leader's first
 * message ({@link #init}) and, for multi-round VDAFs, later ones ({@link #continued}). Pure
 * functions of their inputs (sans-I/O).
 *
 * <p>For Prio3, {@code init} verifies the report completely and returns
 * {@link PingPongState.FinishedWithOutbound}: the helper's output share, and a {@code finish}
 * message for the leader. Any failure raises a {@link VdafException}, the draft's
 * {@code Rejected}; drop the report.
 *
 * <p>Immutable and thread-safe.
 */
public final class PingPongHelper extends PingPongRole {
  PingPongHelper(Prio3<?, ?> prio3, VerifyKey key, byte[] ctx) {
    super(prio3, key, ctx);
  }

  /**
   * The draft's {@code ping_pong_helper_init}: verifies the helper's share of a report together
   * with the leader's {@code initialize} message.
   *
   * @throws MalformedMessageException if the report or the message does not decode, or the
   *     message is not {@code initialize}
   * @throws ReportRejectedException if the report fails verification
   */
  public PingPongState init(byte[] nonce, byte[] publicShare, byte[] inputShare, byte[] inbound)
      throws MalformedMessageException, ReportRejectedException {
    VerifyInitResult r = prio3.verifyInit(key, ctx, 1, nonce, publicShare, inputShare);
    PingPongMessage m = PingPongMessage.decode(inbound);
    if (m.type != PingPongMessage.INITIALIZE) {
      throw PingPongMessage.unexpected(m.type, "by the helper at initialisation");
    }
    return transition(prio3, ctx, List.of(m.items.get(0), r.verifierShareNoCopy()), r.state(), 0);
  }

  /**
   * The draft's {@code ping_pong_helper_continued}. Prio3 has a single round, so the helper never
   * holds a {@link PingPongState.Continued} state of its own and this method never succeeds; it
   * exists for completeness of the topology.
   *
   * @throws MalformedMessageException if the message does not decode or has an unexpected type
   * @throws ReportRejectedException if the report fails verification
   * @throws IllegalArgumentException if {@code state} is not a helper state of this instance
   */
  public PingPongState continued(PingPongState.Continued state, byte[] inbound)
      throws MalformedMessageException, ReportRejectedException {
    return continued(prio3, ctx, state, inbound, 1, "by the helper");
  }

  /** The draft's {@code ping_pong_transition} for a one-round VDAF. */
  private static PingPongState transition(
      Prio3<?, ?> prio3, byte[] ctx, List<byte[]> verifierShares, VerifyState state, int round)
      throws MalformedMessageException, ReportRejectedException {
    byte[] message = prio3.verifierSharesToMessage(ctx, verifierShares);
    OutputShare out = prio3.verifyNext(state, message);
    // Prio3 has ROUNDS = 1, so round + 1 == ROUNDS: finish.
    return new PingPongState.FinishedWithOutbound(out, PingPongMessage.encode(PingPongMessage.FINISH, message));
  }

  /** The draft's {@code ping_pong_continued} for a one-round VDAF. */
  static PingPongState continued(
      Prio3<?, ?> prio3, byte[] ctx, PingPongState.Continued state, byte[] inbound, int aggregatorId, String who)
      throws MalformedMessageException, ReportRejectedException {
    if (state.state.prio3 != prio3) {
      throw new IllegalArgumentException("state of another Prio3 instance");
    }
    if (state.state.aggregatorId != aggregatorId) {
      throw new IllegalArgumentException("state of aggregator " + state.state.aggregatorId + ", not " + aggregatorId);
    }
    PingPongMessage m = PingPongMessage.decode(inbound);
    // With one round, state.round + 1 == ROUNDS: only finish is acceptable ('continue' would
    // need another round, 'initialize' never follows a Continued state).
    if (m.type != PingPongMessage.FINISH || state.round + 1 != 1) {
      throw PingPongMessage.unexpected(m.type, who + " in round " + state.round);
    }
    return new PingPongState.Finished(prio3.verifyNext(state.state, m.items.get(0)));
  }

  @Override
  public String toString() {
    return "PingPongHelper[" + prio3.name() + "]";
  }
}
