package io.secagg.core.session;

import io.secagg.core.graph.GraphKind;
import io.secagg.core.graph.GraphParameters;
import io.secagg.core.graph.GraphRequirements;
import io.secagg.core.protocol.SecAggConfig;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link SessionPlanner} decided: the graph, its degree and the threshold, with the threat
 * statement they answer and how they were reached (so that a report can say it). Immutable.
 *
 * @param graphKind {@link GraphKind#HARARY} (sparse, SecAgg+) or {@link GraphKind#COMPLETE}
 * @param hararyDegree the Harary degree k, or 0 for the complete graph (see {@link #degree})
 * @param threshold the Shamir threshold t of every session of the plan
 * @param requirements the threat statement the plan answers
 * @param sparseRequested true iff a sparse graph was asked for (recommended or of a given degree)
 * @param fellBackToComplete true iff a recommended sparse graph was asked for but none fits, so
 *     the graph is complete
 * @param thresholdGiven true iff the caller fixed the threshold rather than the rules deriving it
 * @param smallestSession the smallest session size the plan serves
 * @param largestSession the largest session size the plan serves
 * @param derivedFrom the {@link GraphParameters} the degree and threshold come from (for the
 *     smallest session, or the largest for a complete graph of the smallest secure threshold),
 *     with the corrupted and dropped
 *     counts and the achieved security and correctness exponents; empty when the caller fixed the
 *     threshold
 */
public record SessionPlan(GraphKind graphKind, int hararyDegree, int threshold, GraphRequirements requirements,
    boolean sparseRequested, boolean fellBackToComplete, boolean thresholdGiven, int smallestSession,
    int largestSession, Optional<GraphParameters> derivedFrom) {
  /**
   * Checks that the plan is one a session can have.
   *
   * @throws NullPointerException if a reference component is null
   * @throws IllegalArgumentException if the sizes, degree or threshold are inconsistent
   */
  public SessionPlan {
    Objects.requireNonNull(graphKind, "graphKind");
    Objects.requireNonNull(requirements, "requirements");
    Objects.requireNonNull(derivedFrom, "derivedFrom");
    if (smallestSession < 3 || smallestSession > largestSession || threshold < 2
        || (graphKind == GraphKind.HARARY ? hararyDegree < 2 || hararyDegree >= smallestSession : hararyDegree != 0)) {
      throw new IllegalArgumentException("Inconsistent plan: " + graphKind + " k=" + hararyDegree + ", t="
          + threshold + ", sizes " + smallestSession + ".." + largestSession);
    }
  }

  /**
   * The neighbours of each client in a session of {@code clients}: the Harary degree, or {@code
   * clients - 1} for the complete graph.
   *
   * @throws IllegalArgumentException if {@code clients} is outside the sizes the plan was made for
   */
  public int degree(int clients) {
    checkSize(clients);
    return graphKind == GraphKind.COMPLETE ? clients - 1 : hararyDegree;
  }

  /**
   * The fewest clients a completed session of this plan includes: t + 1, since each included
   * client's self mask is recovered only from t shares held by other surviving clients. With
   * {@link SessionPlanner#completeGraphLargestThreshold()} this is n - D of the smallest session.
   */
  public int minimumIncludedClients() {
    return threshold + 1;
  }

  /**
   * A configuration builder for a session of {@code clients} with this plan's graph and
   * threshold set; the caller adds the vector length, modulus, security mode and the rest.
   *
   * @throws IllegalArgumentException if {@code clients} is outside the sizes the plan was made for
   */
  public SecAggConfig.Builder configBuilder(int clients) {
    checkSize(clients);
    SecAggConfig.Builder b = SecAggConfig.builder().clientCount(clients).threshold(threshold);
    if (graphKind == GraphKind.COMPLETE) {
      b.completeGraph();
    } else {
      b.hararyGraph(hararyDegree);
    }
    return b;
  }

  private void checkSize(int clients) {
    if (clients < smallestSession || clients > largestSession) {
      throw new IllegalArgumentException(
          "Invalid session size " + clients + "; this plan serves " + smallestSession + ".." + largestSession);
    }
  }

  @Override
  public String toString() {
    return "SessionPlan[" + graphKind + (graphKind == GraphKind.HARARY ? " k=" + hararyDegree : "")
        + ", t=" + threshold + ", " + requirements.threatModel() + ", sizes " + smallestSession + ".."
        + largestSession + (fellBackToComplete ? ", fell back to complete" : "") + "]";
  }
}
