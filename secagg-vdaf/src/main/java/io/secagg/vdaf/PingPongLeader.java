package io.secagg.vdaf;


/**
 * The leader (aggregator 0) of the draft's ping-pong topology for two aggregators: it starts each
 * report ({@link #init}) and processes the helper's answer ({@link #continued}). Pure functions of
 * their inputs (sans-I/O): the caller moves the outbound bytes over any transport.
 *
 * <p>For Prio3 a report takes one round trip: {@code init} returns a {@link PingPongState.Continued}
 * whose outbound message goes to the helper; the helper's answer passed to {@code continued}
 * yields {@link PingPongState.Finished} with the output share. Any failure raises a
 * {@link VdafException}, the draft's {@code Rejected}; drop the report.
 *
 * <p>Immutable and thread-safe; one instance serves every report of a task.
 */
public final class PingPongLeader extends PingPongRole {
  PingPongLeader(Prio3<?, ?> prio3, VerifyKey key, byte[] ctx) {
    super(prio3, key, ctx);
  }

  /**
   * The draft's {@code ping_pong_leader_init}: verifies the leader's share of a report and returns
   * the state whose outbound {@code initialize} message goes to the helper.
   *
   * @throws MalformedMessageException if the report does not decode
   * @throws ReportRejectedException if verification fails locally
   */
  public PingPongState.Continued init(byte[] nonce, byte[] publicShare, byte[] inputShare)
      throws MalformedMessageException, ReportRejectedException {
    VerifyInitResult r = prio3.verifyInit(key, ctx, 0, nonce, publicShare, inputShare);
    return new PingPongState.Continued(
        r.state(), 0, PingPongMessage.encode(PingPongMessage.INITIALIZE, r.verifierShareNoCopy()));
  }

  /**
   * The draft's {@code ping_pong_leader_continued}: processes the helper's answer. Consumes
   * {@code state}.
   *
   * @throws MalformedMessageException if the message does not decode or has an unexpected type
   * @throws ReportRejectedException if the report fails verification
   * @throws IllegalArgumentException if {@code state} is not a leader state of this instance
   */
  public PingPongState continued(PingPongState.Continued state, byte[] inbound)
      throws MalformedMessageException, ReportRejectedException {
    return PingPongHelper.continued(prio3, ctx, state, inbound, 0, "by the leader");
  }

  @Override
  public String toString() {
    return "PingPongLeader[" + prio3.name() + "]";
  }
}
