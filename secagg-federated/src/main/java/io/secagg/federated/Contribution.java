package io.secagg.federated;

import io.secagg.core.vector.ModVector;

/**
 * One client's contribution to one round: the protocol input it prepared from its update, and
 * what clipping did to the update. Immutable; {@link #input()} returns a copy.
 *
 * <p>The input is private (it is the client's quantized, possibly noised update): it never
 * appears in {@link #toString()}.
 */
public final class Contribution {
  private final long round;
  private final int clientId;
  private final ModVector input;
  private final double norm;
  private final boolean clipped;
  private final int clippedCoordinates;

  Contribution(long round, int clientId, ModVector input, double norm, boolean clipped,
      int clippedCoordinates) {
    this.round = round;
    this.clientId = clientId;
    this.input = input;
    this.norm = norm;
    this.clipped = clipped;
    this.clippedCoordinates = clippedCoordinates;
  }

  /** The round number. */
  public long round() {
    return round;
  }

  /** The client's id, 1..n. */
  public int clientId() {
    return clientId;
  }

  /**
   * The protocol input (a copy): an element of Z_m of the parameters' {@link
   * AveragingParameters#vectorLength()}, for {@code ClientMachine.Builder.input} when the caller
   * runs the protocol itself.
   */
  public ModVector input() {
    return input.copy();
  }

  /** The L2 norm of the update as given, before clipping. */
  public double normBeforeClipping() {
    return norm;
  }

  /**
   * True iff clipping changed the update: its L2 norm exceeded the clip norm, or (with a
   * coordinate bound) some coordinate exceeded the bound.
   */
  public boolean clipped() {
    return clipped;
  }

  /** With a coordinate bound: how many coordinates were clipped to it (0 with an L2 bound). */
  public int clippedCoordinates() {
    return clippedCoordinates;
  }

  /** Sizes and the clipping report only: the input is private. */
  @Override
  public String toString() {
    return "Contribution[round=" + round + ", client=" + clientId + ", length=" + input.length()
        + ", clipped=" + clipped + "]";
  }
}
