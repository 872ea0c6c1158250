package io.secagg.session;

/**
 * What a malicious client of a {@link Prio3Round} sends instead of an honest report. Each kind is
 * rejected by a different check of the aggregators.
 */
public enum MaliciousKind {
  /**
   * One coordinate beyond the range ({@code 2B + 1}), with proofs computed honestly over that
   * invalid encoding: the FLP rejects it ({@code PROOF_REJECTED}).
   */
  OUT_OF_RANGE,
  /** A valid measurement whose proof share to the leader has one bit flipped ({@code PROOF_REJECTED}). */
  BAD_PROOF,
  /** The upload to the leader cut short: the frame does not decode ({@code WRONG_LENGTH}). */
  TRUNCATED,
  /**
   * The upload to the leader with a measurement element not below the field modulus: the share
   * does not decode ({@code NON_CANONICAL_FIELD_ELEMENT}).
   */
  GARBLED,
  /**
   * A copy of another client's uploads, sent after them: the nonce is already taken
   * ({@code REPLAYED_NONCE}).
   */
  REPLAYED_NONCE
}
