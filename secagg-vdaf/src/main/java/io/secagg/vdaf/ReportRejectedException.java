package io.secagg.vdaf;

/**
 * A report failed verification: its proof is rejected
 * ({@link VdafException.Reason#PROOF_REJECTED}: the measurement is invalid, or a share or the
 * public share was altered), the aggregators' joint randomness differs from the client's
 * ({@link VdafException.Reason#JOINT_RANDOMNESS_MISMATCH}), or the query randomness hit an
 * interpolation node ({@link VdafException.Reason#TEST_POINT_IS_ROOT_OF_UNITY}). A
 * {@link BoundedVectorAggregator} also refuses an upload whose nonce it has taken
 * ({@link VdafException.Reason#REPLAYED_NONCE}) or that would overfill the batch
 * ({@link VdafException.Reason#BATCH_FULL}). The report must not be aggregated.
 */
public final class ReportRejectedException extends VdafException {
  private static final long serialVersionUID = 1L;

  ReportRejectedException(Reason reason, String message) {
    super(reason, message);
  }
}
