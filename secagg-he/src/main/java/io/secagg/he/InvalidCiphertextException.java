package io.secagg.he;

/**
 * A ciphertext from outside is invalid: it is outside {@code (0, n^2)}, shares a factor with
 * {@code n}, or its encoding (or that of an encrypted vector) is malformed, has the wrong size
 * or names another packing layout than the one expected. Checked, like every {@link
 * PaillierInputException}.
 */
public final class InvalidCiphertextException extends PaillierInputException {
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
