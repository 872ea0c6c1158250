package io.secagg.vdaf;

/**
 * The result of {@link Prio3#verifyInit}: the aggregator's verification state, kept locally, and
 * its encoded verifier share, broadcast to the other aggregators (or to whoever combines the
 * verifier shares).
 */
public final class VerifyInitResult {
  private final VerifyState state;
  private final byte[] verifierShare;

  VerifyInitResult(VerifyState state, byte[] verifierShare) {
    this.state = state;
    this.verifierShare = verifierShare;
  }

  /** The verification state (single use). */
  public VerifyState state() {
    return state;
  }

  /** A copy of the encoded verifier share. */
  public byte[] verifierShare() {
    return verifierShare.clone();
  }

  byte[] verifierShareNoCopy() {
    return verifierShare;
  }

  @Override
  public String toString() {
    return "VerifyInitResult[" + state + ", verifier share " + verifierShare.length + " bytes]";
  }
}
