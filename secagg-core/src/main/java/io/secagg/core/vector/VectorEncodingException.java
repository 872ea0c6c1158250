package io.secagg.core.vector;

import io.secagg.core.UntrustedInputException;

/**
 * Thrown by {@link ModVector#decode} when bytes are not a valid encoding of the expected vector:
 * the byte count is not exactly {@code length * width}, or an element is not below the modulus
 * (including a set bit above bit b-1 for m = 2^b). The message names the offending element's index,
 * never its value.
 *
 * <p>Checked, like every rejection of untrusted input ({@link UntrustedInputException}): encoded
 * vectors arrive from peers, so a malformed one is an event the caller must handle, not a bug.
 * The caller's own mistakes (a negative or too large expected length) stay {@link
 * IllegalArgumentException}s.
 */
public final class VectorEncodingException extends UntrustedInputException {
  private static final long serialVersionUID = 1L;

  /** An exception with {@code message} (which must not contain secret data). */
  public VectorEncodingException(String message) {
    super(message);
  }
}
