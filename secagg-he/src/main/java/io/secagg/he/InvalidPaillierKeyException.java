package io.secagg.he;

/**
 * Key material is malformed, too small for the policy in force, or fails a validation check
 * (primality, equal lengths, distinctness, gcd conditions). The message names the rule that
 * failed and never contains secret values.
 */
public final class InvalidPaillierKeyException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message stating the rule that was broken. */
  public InvalidPaillierKeyException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the underlying cause. */
  public InvalidPaillierKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
