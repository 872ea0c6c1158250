package io.secagg.dp.ddg;

import io.secagg.core.UntrustedInputException;

/**
 * An aggregate handed to {@link DdgServer} cannot be the modular sum of DDG encodings for its
 * parameters: it is over another modulus or has the wrong number of elements. The
 * aggregate comes out of a secure-aggregation round (other parties' data), so this is checked,
 * the secagg-dp member of secagg-core's {@link UntrustedInputException} family; the caller's own
 * mistakes (a null argument, a rotation seed that is not 32 bytes) stay unchecked. The message
 * names an index, never a value.
 */
public final class InvalidAggregateException extends UntrustedInputException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message the broken rule (no values)
   */
  public InvalidAggregateException(String message) {
    super(message);
  }
}
