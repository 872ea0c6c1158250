package io.secagg.he.threshold;

/**
 * Partial decryptions cannot be combined: one is malformed or its proof of correctness fails,
 * indices repeat or are out of range, fewer than {@code t} are given, or they do not belong to
 * the ciphertext and key being decrypted. The message names the offending party index, never a
 * secret.
 */
public final class InvalidPartialDecryptionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message stating the rule that was broken. */
  public InvalidPartialDecryptionException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the underlying cause. */
  public InvalidPartialDecryptionException(String message, Throwable cause) {
    super(message, cause);
  }
}
