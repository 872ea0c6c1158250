package io.secagg.core.session;

import io.secagg.core.graph.GraphKind;
import io.secagg.core.graph.GraphParameters;
import io.secagg.core.graph.GraphRequirements;
import io.secagg.core.protocol.SecAggConfig;
import java.util.Optional;

/**
 * What a {@link SessionPlanner} decided: the graph, its degree and the threshold, with the threat
 * statement they answer and how they were reached (so that a report can say it). Immutable.
 */
public final class SessionPlan {
  private final GraphKind graphKind;
  private final int hararyDegree;
  private final int threshold;
  private final GraphRequirements requirements;
  private final boolean sparseRequested;
  private final boolean fellBackToComplete;
  private final boolean thresholdGiven;
  private final int smallest;
  private final int largest;
  private final GraphParameters derivedFrom;

  SessionPlan(GraphKind graphKind, int hararyDegree, int threshold, GraphRequirements requirements,
      boolean sparseRequested, boolean fellBackToComplete,
      boolean thresholdGiven, int smallest, int largest, GraphParameters derivedFrom) {
    this.graphKind = graphKind;
    this.hararyDegree = hararyDegree;
    this.threshold = threshold;
    this.requirements = requirements;
    this.sparseRequested = sparseRequested;
    this.fellBackToComplete = fellBackToComplete;
    this.thresholdGiven = thresholdGiven;
    this.smallest = smallest;
    this.largest = largest;
    this.derivedFrom = derivedFrom;
  }

  /** The graph family: {@link GraphKind#HARARY} (sparse, SecAgg+) or {@link GraphKind#COMPLETE}. */
  public GraphKind graphKind() {
    return graphKind;
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

  /** The Shamir threshold t of every session of the plan. */
  public int threshold() {
    return threshold;
  }

  /** The threat statement the plan answers. */
  public GraphRequirements requirements() {
    return requirements;
  }

  /** True iff a sparse graph was asked for (recommended or of a given degree). */
  public boolean sparseRequested() {
    return sparseRequested;
  }

  /** True iff a recommended sparse graph was asked for but none fits, so the graph is complete. */
  public boolean fellBackToComplete() {
    return fellBackToComplete;
  }

  /** True iff the caller fixed the threshold rather than the rules deriving it. */
  public boolean thresholdGiven() {
    return thresholdGiven;
  }

  /** The smallest session size the plan serves. */
  public int smallestSession() {
    return smallest;
  }

  /** The largest session size the plan serves. */
  public int largestSession() {
    return largest;
  }

  /**
   * The {@link GraphParameters} the degree and threshold come from (for the smallest session, or
   * the largest for a complete graph), with the corrupted and dropped counts and the achieved
   * security and correctness exponents; empty when the caller fixed the threshold.
   */
  public Optional<GraphParameters> derivedFrom() {
    return Optional.ofNullable(derivedFrom);
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
    if (clients < smallest || clients > largest) {
      throw new IllegalArgumentException(
          "Invalid session size " + clients + "; this plan serves " + smallest + ".." + largest);
    }
  }

  @Override
  public String toString() {
    return "SessionPlan[" + graphKind + (graphKind == GraphKind.HARARY ? " k=" + hararyDegree : "")
        + ", t=" + threshold + ", " + requirements.threatModel() + ", sizes " + smallest + ".." + largest
        + (fellBackToComplete ? ", fell back to complete" : "") + "]";
  }
}
