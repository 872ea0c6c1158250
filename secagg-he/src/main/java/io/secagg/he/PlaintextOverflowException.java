package io.secagg.he;

/**
 * A decrypted value cannot be the result the encoding allows: a fixed-point plaintext lies in
 * the overflow band (a homomorphic sum wrapped), or a packed slot exceeds what its summands can
 * produce (too many summands, or a hostile or corrupted ciphertext). Checked, like every {@link
 * PaillierInputException}: the plaintext derives from ciphertexts made by others.
 *
 * <p>Values the caller itself asks to encrypt or encode out of range are caller bugs and throw
 * {@link IllegalArgumentException} instead.
 */
public final class PlaintextOverflowException extends PaillierInputException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message stating the rule that was broken. */
  public PlaintextOverflowException(String message) {
    super(message);
  }
}
