package io.secagg.vdaf;

import java.util.HexFormat;
import java.util.Optional;

/**
 * The leader's final word on one report of a {@link BoundedVectorAggregator} batch: aggregated,
 * or rejected with a reason (by either aggregator). Immutable.
 */
public final class ReportOutcome {
  private final byte[] nonce;
  private final VdafException.Reason rejectedFor;

  ReportOutcome(byte[] nonce, VdafException.Reason rejectedFor) {
    this.nonce = nonce.clone();
    this.rejectedFor = rejectedFor;
  }

  /** The report's nonce (a copy). */
  public byte[] nonce() {
    return nonce.clone();
  }

  /** True iff both aggregators verified the report and it is in the aggregate. */
  public boolean aggregated() {
    return rejectedFor == null;
  }

  /** Why the report was rejected; empty if it was accepted. */
  public Optional<VdafException.Reason> rejectionReason() {
    return Optional.ofNullable(rejectedFor);
  }

  @Override
  public String toString() {
    return "ReportOutcome[" + HexFormat.of().formatHex(nonce) + ", "
        + (rejectedFor == null ? "accepted" : "rejected: " + rejectedFor) + "]";
  }
}
