package io.secagg.he;

/**
 * Two operands (ciphertexts, vectors, keys, shares) belong to different public keys or
 * different parameter sets.
 */
public final class KeyMismatchException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message stating the rule that was broken. */
  public KeyMismatchException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the underlying cause. */
  public KeyMismatchException(String message, Throwable cause) {
    super(message, cause);
  }
}
