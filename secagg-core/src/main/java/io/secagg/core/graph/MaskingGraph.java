package io.secagg.core.graph;

/**
 * An immutable, undirected, irreflexive, regular graph on the clients 1..n: two clients are
 * neighbours if they mask with each other and hold shares of each other's secrets.
 *
 * <p>Both implementations are regular: every client has {@link #degree()} neighbours.
 */
public sealed interface MaskingGraph permits CompleteGraph, HararyGraph {
  /** The largest supported number of clients, 2^20. */
  int MAX_CLIENTS = 1 << 20;

  /** The family of this graph. */
  GraphKind kind();

  /** The number of clients n; the clients are 1..n. */
  int clientCount();

  /** The number of neighbours of every client: n - 1 for the complete graph, k for H(n, k). */
  int degree();

  /**
   * The neighbours of client {@code id} in ascending order, as a fresh array of {@link #degree()}
   * ids, never containing {@code id} itself.
   *
   * @throws IllegalArgumentException if {@code id} is outside 1..n
   */
  int[] neighbours(int id);

  /**
   * True iff {@code u} and {@code v} are neighbours; false when {@code u == v}. Symmetric.
   *
   * @throws IllegalArgumentException if {@code u} or {@code v} is outside 1..n
   */
  boolean containsEdge(int u, int v);

  /**
   * The complete graph on clients 1..n.
   *
   * @throws IllegalArgumentException if {@code n} is outside 2..{@link #MAX_CLIENTS}
   */
  static CompleteGraph complete(int n) {
    return new CompleteGraph(n);
  }

  /**
   * The random Harary graph H(n, k) derived from a 32-byte public session seed; see {@link
   * HararyGraph} for the derivation.
   *
   * @param n the number of clients, 3..{@link #MAX_CLIENTS}
   * @param k the degree: even, 2 &lt;= k &lt; n (odd degrees are rejected, see {@link HararyGraph})
   * @param sessionSeed exactly 32 bytes of public randomness shared by all parties (copied)
   * @throws NullPointerException if {@code sessionSeed} is null
   * @throws IllegalArgumentException if {@code n}, {@code k} or the seed length is out of range
   */
  static HararyGraph randomHarary(int n, int k, byte[] sessionSeed) {
    return HararyGraph.derive(n, k, sessionSeed);
  }
}
