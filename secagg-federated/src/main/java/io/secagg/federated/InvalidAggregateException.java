package io.secagg.federated;

import java.security.GeneralSecurityException;

/**
 * The protocol's sum cannot be a sum of honestly prepared contributions: some coordinate lies
 * outside every sum the included clients' quantized updates can have. Some client sent values
 * outside its range (a bug or an attack); the round's result must not be used.
 */
public final class InvalidAggregateException extends GeneralSecurityException {
  private static final long serialVersionUID = 1L;

  private final long round;
  private final int coordinates;

  InvalidAggregateException(long round, int coordinates) {
    super("Round " + round + ": " + coordinates + " coordinate(s) of the sum lie outside the range"
        + " of honestly quantized updates; some client sent values outside its range");
    this.round = round;
    this.coordinates = coordinates;
  }

  /** The round whose aggregate was rejected. */
  public long round() {
    return round;
  }

  /** How many coordinates lay outside the feasible range. */
  public int coordinates() {
    return coordinates;
  }
}
