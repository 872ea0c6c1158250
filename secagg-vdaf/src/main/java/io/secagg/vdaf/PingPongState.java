package io.secagg.vdaf;

import java.util.Optional;

/**
 * An aggregator's state in the draft's ping-pong topology ("VDAF Verification State"), after it
 * has processed its local inputs and any inbound message. The draft's {@code Rejected} state is a
 * {@link VdafException} instead: the report must then be dropped.
 *
 * <ul>
 *   <li>{@link Continued}: send {@link #outbound()} to the peer and wait for its answer.
 *   <li>{@link FinishedWithOutbound}: the output share is ready, and the peer still needs
 *       {@link #outbound()} to finish.
 *   <li>{@link Finished}: the output share is ready; nothing more to send.
 * </ul>
 *
 * For Prio3 (one round) the leader goes {@code Continued -> Finished} and the helper straight to
 * {@code FinishedWithOutbound}.
 */
public abstract class PingPongState {
  private PingPongState() {}

  /** The message to send to the peer, if any (a copy). */
  public abstract Optional<byte[]> outbound();

  /** The output share, once verification has succeeded. */
  public abstract Optional<OutputShare> outputShare();

  /** Waiting for the peer's next message. */
  public static final class Continued extends PingPongState {
    final VerifyState state;
    final int round;
    private final byte[] outbound;

    Continued(VerifyState state, int round, byte[] outbound) {
      this.state = state;
      this.round = round;
      this.outbound = outbound;
    }

    /** The verification round this state is in (0 after initialisation). */
    public int round() {
      return round;
    }

    @Override
    public Optional<byte[]> outbound() {
      return Optional.of(outbound.clone());
    }

    @Override
    public Optional<OutputShare> outputShare() {
      return Optional.empty();
    }

    @Override
    public String toString() {
      return "Continued[round " + round + ", outbound " + outbound.length + " bytes]";
    }
  }

  /** Verification succeeded; nothing more to send. */
  public static final class Finished extends PingPongState {
    private final OutputShare outputShare;

    Finished(OutputShare outputShare) {
      this.outputShare = outputShare;
    }

    @Override
    public Optional<byte[]> outbound() {
      return Optional.empty();
    }

    @Override
    public Optional<OutputShare> outputShare() {
      return Optional.of(outputShare);
    }

    @Override
    public String toString() {
      return "Finished";
    }
  }

  /** Verification succeeded here; the peer needs {@link #outbound()} to finish too. */
  public static final class FinishedWithOutbound extends PingPongState {
    private final OutputShare outputShare;
    private final byte[] outbound;

    FinishedWithOutbound(OutputShare outputShare, byte[] outbound) {
      this.outputShare = outputShare;
      this.outbound = outbound;
    }

    @Override
    public Optional<byte[]> outbound() {
      return Optional.of(outbound.clone());
    }

    @Override
    public Optional<OutputShare> outputShare() {
      return Optional.of(outputShare);
    }

    @Override
    public String toString() {
      return "FinishedWithOutbound[outbound " + outbound.length + " bytes]";
    }
  }
}
