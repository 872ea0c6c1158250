package io.secagg.core.graph;

/**
 * The complete graph on clients 1..n (SecAgg): every pair of distinct clients are neighbours.
 * Stored implicitly, so memory is O(1) even for n = 2^20.
 */
public final class CompleteGraph implements MaskingGraph {
  private final int n;

  CompleteGraph(int n) {
    if (n < 2 || n > MAX_CLIENTS) {
      throw new IllegalArgumentException(
          "Invalid client count " + n + "; a complete graph needs 2.." + MAX_CLIENTS + " clients");
    }
    this.n = n;
  }

  @Override
  public GraphKind kind() {
    return GraphKind.COMPLETE;
  }

  @Override
  public int clientCount() {
    return n;
  }

  @Override
  public int degree() {
    return n - 1;
  }

  @Override
  public int[] neighbours(int id) {
    checkId(id);
    int[] out = new int[n - 1];
    int j = 0;
    for (int v = 1; v <= n; v++) {
      if (v != id) {
        out[j++] = v;
      }
    }
    return out;
  }

  @Override
  public boolean containsEdge(int u, int v) {
    checkId(u);
    checkId(v);
    return u != v;
  }

  private void checkId(int id) {
    if (id < 1 || id > n) {
      throw new IllegalArgumentException("client id " + id + " is outside 1.." + n);
    }
  }

  /** Equal iff the other object is a complete graph on the same number of clients. */
  @Override
  public boolean equals(Object o) {
    return o instanceof CompleteGraph && ((CompleteGraph) o).n == n;
  }

  @Override
  public int hashCode() {
    return Integer.hashCode(n);
  }

  @Override
  public String toString() {
    return "CompleteGraph[n=" + n + "]";
  }
}
