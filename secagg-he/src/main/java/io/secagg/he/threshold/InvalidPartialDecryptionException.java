package io.secagg.he.threshold;

import io.secagg.he.PaillierInputException;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Partial decryptions from committee members were rejected: one is malformed, its index is out
 * of range, its proof of correctness fails, a member sent the wrong number of them, fewer than
 * {@code t} valid ones are left, or valid ones do not combine (verification keys that do not
 * come from one polynomial). The message names the offending party index, never a secret.
 * Checked, like every {@link io.secagg.he.PaillierInputException}.
 */
public final class InvalidPartialDecryptionException extends PaillierInputException {
  private static final long serialVersionUID = 1L;
  /** Serializable: an unmodifiable view of a TreeMap. */
  @SuppressWarnings("serial")
  private final SortedMap<Integer, String> rejected;

  /** Creates the exception with a message stating the rule that was broken. */
  public InvalidPartialDecryptionException(String message) {
    super(message);
    this.rejected = Collections.emptySortedMap();
  }

  /** Creates the exception with a message and the underlying cause. */
  public InvalidPartialDecryptionException(String message, Throwable cause) {
    super(message, cause);
    this.rejected = Collections.emptySortedMap();
  }

  /**
   * Creates the exception for a decryption that failed because too few partial decryptions
   * were valid.
   *
   * @param rejected the parties whose partial decryptions were invalid, each with the rule
   *     broken
   */
  public InvalidPartialDecryptionException(String message, SortedMap<Integer, String> rejected) {
    super(message + (rejected.isEmpty() ? "" : "; rejected: " + rejected));
    this.rejected = Collections.unmodifiableSortedMap(new TreeMap<>(rejected));
  }

  /**
   * The parties whose partial decryptions were found invalid, each with the rule it broke;
   * empty when the exception is about a single partial decryption (its message names it).
   */
  public SortedMap<Integer, String> rejectedParties() {
    return rejected;
  }
}
