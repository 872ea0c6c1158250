package io.secagg.vdaf;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An aggregator's verification state for one report between {@link Prio3#verifyInit} and
 * {@link Prio3#verifyNext}: its output share and the joint randomness seed it computed.
 *
 * <p>Single use: {@link Prio3#verifyNext} consumes it, so a report cannot yield two output shares
 * from one state. Opaque; {@link #toString()} shows no secrets. The draft does not specify an
 * encoding, so states live in memory.
 */
public final class VerifyState {
  final Prio3<?, ?> prio3;
  final int aggregatorId;
  final long[] outputShare;
  final byte[] correctedJointRandSeed;
  private final AtomicBoolean used = new AtomicBoolean();

  VerifyState(Prio3<?, ?> prio3, int aggregatorId, long[] outputShare, byte[] correctedJointRandSeed) {
    this.prio3 = prio3;
    this.aggregatorId = aggregatorId;
    this.outputShare = outputShare;
    this.correctedJointRandSeed = correctedJointRandSeed;
  }

  /** The aggregator this state belongs to. */
  public int aggregatorId() {
    return aggregatorId;
  }

  void consume() {
    if (!used.compareAndSet(false, true)) {
      throw new IllegalStateException("this verification state was already used");
    }
  }

  @Override
  public String toString() {
    return "VerifyState[aggregator " + aggregatorId + ", " + prio3.name() + "]";
  }
}
