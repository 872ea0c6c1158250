package io.secagg.vectors.internal;

/**
 * A known-answer case disagrees with the library or with the rules of its file: an output the
 * library does not reproduce, an invalid input it accepts, or a field the checker does not
 * understand. The message names what differs; it never holds anything but vector contents, which
 * are public test data.
 */
public final class Mismatch extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * A mismatch described by {@code message}.
   *
   * @param message what differs, for example {@code "ct: expected 00ff.. but was 00fe.."}
   */
  public Mismatch(String message) {
    super(message);
  }

  /**
   * A mismatch caused by {@code cause}, for example the library throwing the wrong exception.
   *
   * @param message what differs
   * @param cause what the library threw
   */
  public Mismatch(String message, Throwable cause) {
    super(message, cause);
  }
}
