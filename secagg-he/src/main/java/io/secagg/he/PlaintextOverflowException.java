package io.secagg.he;

/**
 * A plaintext, an encoded number or a packed slot is outside the representable range, or a
 * decrypted value lies in the overflow band (a homomorphic sum wrapped).
 */
public final class PlaintextOverflowException extends ArithmeticException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message stating the rule that was broken. */
  public PlaintextOverflowException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the underlying cause. */
  public PlaintextOverflowException(String message, Throwable cause) {
    super(message);
    initCause(cause);
  }
}
