package io.secagg.he;

/**
 * Two operands (ciphertexts, vectors, keys, shares) belong to different public keys or
 * different parameter sets. A caller bug, so unchecked: every parser binds what it reads to the
 * key (and layout) the caller passes, so bytes from a peer cannot cause it; they are rejected as
 * a {@link PaillierInputException} instead.
 */
public final class KeyMismatchException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message stating the rule that was broken. */
  public KeyMismatchException(String message) {
    super(message);
  }
}
