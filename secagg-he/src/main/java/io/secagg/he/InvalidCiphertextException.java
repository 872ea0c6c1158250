package io.secagg.he;

/**
 * A ciphertext is outside {@code (0, n^2)}, shares a factor with {@code n}, has a malformed encoding, or
 * belongs to another key where one was expected to match.
 */
public final class InvalidCiphertextException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message stating the rule that was broken. */
  public InvalidCiphertextException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the underlying cause. */
  public InvalidCiphertextException(String message, Throwable cause) {
    super(message, cause);
  }
}
