package io.secagg.core.shamir;

import io.secagg.core.UntrustedInputException;
import java.util.Objects;

/**
 * A share, or a set of shares, was rejected: it cannot come from an honest run of {@link
 * ShamirScheme#split}, or it is not enough to reconstruct.
 *
 * <p>Why a checked exception: shares arrive from other parties, possibly malicious ones, so a
 * rejection is an expected event the caller must handle (typically by aborting the round with
 * {@link #reason()} as the cause), not a programming error. Errors in the caller's own
 * parameters (threshold, share count, secret length) are {@link IllegalArgumentException}s.
 * Like every rejection of untrusted input it is an {@link UntrustedInputException}.
 *
 * <p>The message names the rule and the offending index but never contains a share value or a
 * secret.
 */
public final class InvalidShareException extends UntrustedInputException {
  private static final long serialVersionUID = 1L;

  /** Why shares were rejected. Each constant names one rule of the specification. */
  public enum Reason {
    /** The share encoding is not exactly {@link Share#ENCODED_LENGTH} bytes. */
    MALFORMED_ENCODING,
    /** A share does not have exactly {@link Share#CHUNK_COUNT} y values. */
    WRONG_CHUNK_COUNT,
    /** A share's x is 0, above {@link ShamirScheme#MAX_SHARE_COUNT}, or above the scheme's n. */
    INDEX_OUT_OF_RANGE,
    /** A y value is not a canonical field element: it is negative or at least p = 2^61 - 1. */
    VALUE_OUT_OF_RANGE,
    /** Two shares (or two requested indices) have the same x. */
    DUPLICATE_INDEX,
    /** Fewer shares (or indices) than the threshold t were given. */
    TOO_FEW_SHARES,
    /** A {@link Reconstructor} was given shares whose x values are not exactly its index set. */
    INDEX_SET_MISMATCH,
    /**
     * Verified reconstruction only: the shares do not all lie on one polynomial of degree below t
     * for every chunk.
     */
    INCONSISTENT_SHARES,
    /**
     * Robust reconstruction only: in some chunk, no polynomial of degree below t agrees with all
     * but at most floor((m - t) / 2) of the m shares (more shares are wrong than the redundancy
     * can correct).
     */
    UNCORRECTABLE_SHARES,
    /**
     * The interpolated chunk tuple is not the encoding of any 32-byte secret (a chunk exceeds
     * its bit width): the shares were not produced by {@link ShamirScheme#split} of one secret.
     */
    CHUNK_OUT_OF_RANGE
  }

  private final Reason reason;

  /** The message must not contain any share value or secret. */
  InvalidShareException(Reason reason, String message) {
    super(Objects.requireNonNull(reason, "reason") + ": " + message);
    this.reason = reason;
  }

  /** The violated rule. */
  public Reason reason() {
    return reason;
  }
}
