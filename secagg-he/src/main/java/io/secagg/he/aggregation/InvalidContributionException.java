package io.secagg.he.aggregation;

import io.secagg.he.PaillierInputException;
import java.util.Objects;

/**
 * {@link AggregationServer} refused a client's contribution. Everything a client can get wrong
 * is this one checked type, with {@link #reason()} saying which rule it broke, so a server
 * loop can drop the client and go on; caller bugs (a null argument, a vector the caller parsed
 * under another key) stay unchecked. The message names the rule and the client id the caller
 * gave, never a value.
 */
public final class InvalidContributionException extends PaillierInputException {
  private static final long serialVersionUID = 1L;

  /** Why a contribution was refused. */
  public enum Reason {
    /** The bytes are not a valid encrypted vector (format, size, a ciphertext, the layout). */
    MALFORMED,
    /** The vector's length is not the round's. */
    WRONG_LENGTH,
    /** The vector claims to be a sum of several; a client uploads one vector. */
    NOT_A_SINGLE_VECTOR,
    /** This client id already contributed. */
    DUPLICATE_CLIENT,
    /** The round already holds {@code maxClients} contributions. */
    ROUND_FULL
  }

  private final Reason reason;

  /**
   * @param reason the broken rule
   * @param message the rule, with public details only
   * @param cause the parser's exception for {@link Reason#MALFORMED}, else null
   */
  public InvalidContributionException(Reason reason, String message, Throwable cause) {
    super(Objects.requireNonNull(reason, "reason") + ": " + message, cause);
    this.reason = reason;
  }

  /** The broken rule. */
  public Reason reason() {
    return reason;
  }
}
