package io.secagg.he;

/**
 * Key material from outside (an encoded or given public or private key, primes, a threshold
 * public key, a key share) is malformed, too small for the policy in force, or fails a
 * validation check (primality, equal lengths, distinctness, gcd conditions). The message names
 * the rule that failed and never contains secret values. Checked, like every {@link
 * PaillierInputException}.
 */
public final class InvalidPaillierKeyException extends PaillierInputException {
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
