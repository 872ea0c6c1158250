package io.secagg.federated;

import io.secagg.core.UntrustedInputException;

/**
 * A round's sum cannot be a sum of honestly prepared contributions: without DP some coordinate
 * lies outside every sum the included clients' quantized updates can have; with DP the sum is
 * not a DDG aggregate of the parameters at all. Some client sent values outside its range (a bug
 * or an attack), or a caller-run protocol used other parameters; the round's result must not be
 * used. Checked, as every rejection of other parties' input in this library ({@link
 * UntrustedInputException}); the message names counts, never values.
 */
public final class InvalidAggregateException extends UntrustedInputException {
  private static final long serialVersionUID = 1L;

  private final long round;
  private final int coordinates;

  InvalidAggregateException(long round, int coordinates) {
    super("Round " + round + ": " + coordinates + " coordinate(s) of the sum lie outside the range"
        + " of honestly quantized updates; some client sent values outside its range");
    this.round = round;
    this.coordinates = coordinates;
  }

  InvalidAggregateException(long round, io.secagg.dp.ddg.InvalidAggregateException cause) {
    super("Round " + round + ": the sum is not a DDG aggregate of these parameters: "
        + cause.getMessage(), cause);
    this.round = round;
    this.coordinates = 0;
  }

  /** The round whose aggregate was rejected. */
  public long round() {
    return round;
  }

  /** How many coordinates lay outside the feasible range (0 when the sum as a whole was refused). */
  public int coordinates() {
    return coordinates;
  }
}
