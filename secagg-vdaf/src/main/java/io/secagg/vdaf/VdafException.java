package io.secagg.vdaf;

import java.security.GeneralSecurityException;

/**
 * The common supertype of every checked exception of secagg-vdaf: a message from a client or a
 * peer aggregator that does not decode ({@link MalformedMessageException}), a report that fails
 * verification ({@link ReportRejectedException}), or aggregate shares that cannot be the sum of
 * valid reports ({@link InvalidAggregateException}).
 *
 * <p>In every case the report (or batch) must be dropped: the draft requires that a report whose
 * verification raises an error is never aggregated. {@link #reason()} says why, for logs and
 * metrics; messages never contain share values, keys or measurements.
 */
public abstract class VdafException extends GeneralSecurityException {
  private static final long serialVersionUID = 1L;

  /** Why an operation failed. */
  public enum Reason {
    /** A message, nonce or share has the wrong length for this Prio3 instance. */
    WRONG_LENGTH,
    /** An encoded field element is not below the field modulus. */
    NON_CANONICAL_FIELD_ELEMENT,
    /** A ping-pong message has a type other than initialize (0), continue (1) or finish (2). */
    UNKNOWN_MESSAGE_TYPE,
    /** A well-formed ping-pong message arrived in a state that does not expect its type. */
    UNEXPECTED_MESSAGE_TYPE,
    /** The combined verifier of some proof is rejected by the FLP's decision algorithm. */
    PROOF_REJECTED,
    /** The aggregators disagree with the client's joint randomness (the public share lied). */
    JOINT_RANDOMNESS_MISMATCH,
    /**
     * The query randomness fell on an interpolation node (probability {@code P / p} per proof for
     * wire polynomials of length {@code P}); the draft rejects the report rather than leak a
     * gadget output.
     */
    TEST_POINT_IS_ROOT_OF_UNITY,
    /** The unsharded aggregate is not the sum of the stated number of valid measurements. */
    IMPOSSIBLE_AGGREGATE,
    /** A {@link BoundedVector} frame carries a framing version this library does not speak. */
    UNSUPPORTED_VERSION,
    /**
     * A {@link BoundedVector} frame does not parse: unknown frame type, a count or length that
     * the frame cannot hold, a duplicate entry, or trailing bytes.
     */
    MALFORMED_FRAME,
    /** A report's nonce was already taken in this batch: a replay, never aggregated twice. */
    REPLAYED_NONCE,
    /**
     * The peer aggregator names a report this aggregator holds no (valid) share of, or one it is
     * not waiting for: the client's upload to it was missing or malformed, or the peer misbehaves.
     */
    UNKNOWN_REPORT,
    /**
     * The two aggregators' aggregate shares cover different reports (their counts or report
     * checksums differ): neither share can be trusted with the other.
     */
    AGGREGATORS_DISAGREE,
    /**
     * The batch already holds as many reports as its configuration allows ({@link
     * BoundedVector#maxClients()}): more could never be collected, so they are not taken.
     */
    BATCH_FULL
  }

  private final Reason reason;

  VdafException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** Why the operation failed. */
  public final Reason reason() {
    return reason;
  }
}
