package io.secagg.core.vector;

/**
 * Thrown by {@link ModVector#decode} when bytes are not a valid encoding of the expected vector:
 * the byte count is not exactly {@code length * width}, or an element is not below the modulus
 * (including a set bit above bit b-1 for m = 2^b). The message names the offending element's index,
 * never its value.
 *
 * <p>It is an {@link IllegalArgumentException} so that callers that treat every malformed input
 * alike can catch that, while protocol code can tell a malformed peer message apart.
 */
public final class VectorEncodingException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** An exception with {@code message} (which must not contain secret data). */
  public VectorEncodingException(String message) {
    super(message);
  }
}
