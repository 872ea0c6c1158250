package io.secagg.core.graph;

/** The two families of masking graphs. */
public enum GraphKind {
  /** Every client is a neighbour of every other client (SecAgg, Bonawitz et al. 2017). */
  COMPLETE,
  /**
   * A Harary graph H(n, k) on a pseudorandom ring order of the clients (SecAgg+, Bell et al.
   * 2020): every client is a neighbour of the k/2 clients before and after it on the ring.
   */
  HARARY
}
