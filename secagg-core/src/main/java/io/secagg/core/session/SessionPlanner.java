package io.secagg.core.session;

import io.secagg.core.graph.GraphKind;
import io.secagg.core.graph.GraphParameters;
import io.secagg.core.graph.MaskingGraph;
import io.secagg.core.graph.GraphRequirements;
import io.secagg.core.protocol.SecAggConfig;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * Derives a session's masking graph, degree and Shamir threshold from a stated threat model, the
 * {@link GraphRequirements} (the adversary, the fractions of corrupted and dropped clients, the
 * targets and the grinding budget). Every rule comes from {@link GraphParameters}, the one public
 * source of them; this class only decides which rule a request calls for and checks the result.
 * Immutable and reusable: {@link #of} starts one, and each setting returns a new planner.
 *
 * <pre>{@code
 * SessionPlan plan = SessionPlanner.of(GraphRequirements.builder()
 *         .threatModel(ThreatModel.MALICIOUS_SERVER).dropoutRate(0.1).corruptionRate(0.05).build())
 *     .sparseGraph()                       // SecAgg+, or the complete graph where none fits
 *     .plan(1000);
 * SecAggConfig config = plan.configBuilder(1000)
 *     .vectorLength(100_000).modulus(Modulus.powerOfTwo(32)).build();
 * }</pre>
 *
 * <p><b>Rules.</b>
 *
 * <ul>
 *   <li>{@link #sparseGraph()} (the default): the degree and threshold of {@link
 *       GraphParameters#recommend(int, GraphRequirements)}, which falls back to the complete graph
 *       when no sparse one fits ({@link SessionPlan#fellBackToComplete()});
 *   <li>{@link #hararyGraph(int)}: that degree, with the threshold of {@link
 *       GraphParameters#harary} (refused if the degree cannot meet the requirements);
 *   <li>{@link #completeGraph()}: the threshold of {@link GraphParameters#complete},
 *       refused when it would leave fewer than t neighbours after the dropouts;
 *   <li>{@link #completeGraphLargestThreshold()}: the threshold of {@link
 *       GraphParameters#completeLargestThreshold}, t = n - 1 - D, refused when it is below the
 *       secure one; a completed session then includes at least n - D clients;
 *   <li>an explicit {@link #threshold(int)} replaces the derived threshold; it is checked
 *       only against the degree (2..k), so the caller owns its consequences.
 * </ul>
 *
 * <p><b>Several session sizes</b> ({@link #plan(int, int)}, for grouped aggregation): one graph
 * choice and one threshold serve every size from the smallest to the largest. The sparse degree is
 * sized for the smallest session; the complete-graph threshold is the largest any size needs, and
 * dropout tolerance is checked at the smallest size. With {@link #completeGraphLargestThreshold()}
 * the threshold is the one of the smallest size (the largest all sizes tolerate), checked to be
 * secure at the largest.
 */
public final class SessionPlanner {
  private final GraphRequirements requirements;
  private final GraphChoice graph;
  private final int degree;
  private final int threshold;

  /** Which graph a planner was asked for. */
  enum GraphChoice {
    SPARSE,
    HARARY,
    COMPLETE,
    COMPLETE_LARGEST_THRESHOLD
  }

  private SessionPlanner(GraphRequirements requirements, GraphChoice graph, int degree, int threshold) {
    this.requirements = requirements;
    this.graph = graph;
    this.degree = degree;
    this.threshold = threshold;
  }

  /**
   * A planner for {@code requirements}: a sparse graph where one fits, the derived threshold.
   *
   * @throws NullPointerException if {@code requirements} is null
   */
  public static SessionPlanner of(GraphRequirements requirements) {
    return new SessionPlanner(Objects.requireNonNull(requirements, "requirements"), GraphChoice.SPARSE, 0, 0);
  }

  /**
   * A planner for the default {@link GraphRequirements} (a malicious server, no corrupted or
   * dropped clients): a threshold that is a bare majority of each client's neighbours, which is
   * what {@link ConfigPolicy#defaults()} demands.
   */
  public static SessionPlanner defaults() {
    return of(GraphRequirements.builder().build());
  }

  /** This planner with a sparse random Harary graph (SecAgg+) of the recommended degree where one fits. */
  public SessionPlanner sparseGraph() {
    return new SessionPlanner(requirements, GraphChoice.SPARSE, 0, threshold);
  }

  /**
   * This planner with a random Harary graph of degree {@code k} (SecAgg+).
   *
   * @throws IllegalArgumentException if {@code k} is odd or below 2 (k below n is checked by
   *     {@link #plan})
   */
  public SessionPlanner hararyGraph(int k) {
    if (k < 2 || (k & 1) != 0 || k > MaskingGraph.MAX_CLIENTS) {
      throw new IllegalArgumentException("Invalid Harary degree " + k + "; must be even and >= 2");
    }
    return new SessionPlanner(requirements, GraphChoice.HARARY, k, threshold);
  }

  /** This planner with the complete graph (SecAgg): every client masks with every other. */
  public SessionPlanner completeGraph() {
    return new SessionPlanner(requirements, GraphChoice.COMPLETE, 0, threshold);
  }

  /**
   * This planner with the complete graph and the largest threshold its dropouts allow, t = n - 1 -
   * D ({@link GraphParameters#completeLargestThreshold}), instead of the smallest secure one. A
   * completed session then includes at least n - D clients whatever the server does ({@link
   * SessionPlan#minimumIncludedClients()}): the choice for distributed DP, whose noise is sized
   * for the clients a round is sure to include, as many as the dropouts allow.
   */
  public SessionPlanner completeGraphLargestThreshold() {
    return new SessionPlanner(requirements, GraphChoice.COMPLETE_LARGEST_THRESHOLD, 0, threshold);
  }

  /**
   * This planner with a fixed Shamir threshold instead of the derived one (checked against the
   * degree only).
   *
   * @throws IllegalArgumentException if {@code t} is below 2
   */
  public SessionPlanner threshold(int t) {
    if (t < 2) {
      throw new IllegalArgumentException("Invalid threshold " + t + "; must be at least 2");
    }
    return new SessionPlanner(requirements, graph, degree, t);
  }

  /**
   * The dropout fraction a graph should be sized for when each client drops out independently
   * with probability {@code expectedRate}: the rate plus four standard deviations of the dropout
   * count, sqrt(p(1 - p)/n), rounded up to 4 decimals and kept below 1, so that random dropouts
   * exceed it with probability about 3e-5 (normal approximation). Zero for a zero rate.
   *
   * @param expectedRate p in [0, 1)
   * @param clients n, at least 1
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static double dropoutBudget(double expectedRate, int clients) {
    if (!(expectedRate >= 0 && expectedRate < 1) || clients < 1) {
      throw new IllegalArgumentException(
          "Invalid dropout rate " + expectedRate + " or client count " + clients + "; need p in [0, 1), n >= 1");
    }
    if (expectedRate == 0) {
      return 0;
    }
    double raw = expectedRate + 4 * Math.sqrt(expectedRate * (1 - expectedRate) / clients);
    double rounded = new BigDecimal(raw).setScale(4, RoundingMode.CEILING).doubleValue();
    return Math.min(rounded, 0.9999);
  }

  /**
   * The plan for one session of {@code clients} clients.
   *
   * @param clients n, 3..{@link SecAggConfig#MAX_CLIENTS}
   * @throws IllegalArgumentException if n is out of range or no graph and threshold satisfy the
   *     request (the message says why)
   */
  public SessionPlan plan(int clients) {
    return plan(clients, clients);
  }

  /**
   * One plan for sessions of every size from {@code smallest} to {@code largest} clients (see the
   * class description).
   *
   * @throws IllegalArgumentException if a size is out of 3..{@link SecAggConfig#MAX_CLIENTS},
   *     {@code smallest > largest}, or no graph and threshold satisfy the request at every size
   */
  public SessionPlan plan(int smallest, int largest) {
    if (smallest < 3 || largest > SecAggConfig.MAX_CLIENTS || smallest > largest) {
      throw new IllegalArgumentException("Invalid session sizes " + smallest + ".." + largest
          + "; must be 3.." + SecAggConfig.MAX_CLIENTS + ", smallest first");
    }
    GraphKind kind;
    int k = 0;
    boolean fellBack = false;
    GraphParameters derived = null;
    if (graph == GraphChoice.SPARSE) {
      GraphParameters rec = GraphParameters.recommend(smallest, requirements);
      if (rec.kind() == GraphKind.HARARY) {
        kind = GraphKind.HARARY;
        k = rec.degree();
        derived = rec;
      } else {
        kind = GraphKind.COMPLETE;
        fellBack = true;
      }
    } else if (graph == GraphChoice.HARARY) {
      if (degree >= smallest) {
        throw new IllegalArgumentException("Harary degree " + degree + " is not below the smallest session ("
            + smallest + " clients allow at most " + evenAtMost(smallest - 1) + ")");
      }
      kind = GraphKind.HARARY;
      k = degree;
      if (threshold == 0) {
        derived = GraphParameters.harary(smallest, degree, requirements);
      }
    } else if (graph == GraphChoice.COMPLETE_LARGEST_THRESHOLD) {
      kind = GraphKind.COMPLETE;
      if (threshold == 0) {
        derived = GraphParameters.completeLargestThreshold(smallest, requirements);
        int secure = GraphParameters.minimumThreshold(largest - 1,
            Math.min(requirements.corruptedClients(largest), largest - 1), requirements.threatModel());
        if (derived.threshold() < secure) {
          throw new IllegalArgumentException("No threshold fits complete graphs of " + smallest + ".." + largest
              + " clients: sessions of " + smallest + " tolerate their dropouts only up to t = "
              + derived.threshold() + " but sessions of " + largest + " need t >= " + secure);
        }
      }
    } else {
      kind = GraphKind.COMPLETE;
    }
    if (kind == GraphKind.COMPLETE && graph != GraphChoice.COMPLETE_LARGEST_THRESHOLD && threshold == 0) {
      derived = GraphParameters.complete(largest, requirements);
      GraphParameters atSmallest = GraphParameters.complete(smallest, requirements);
      if (derived.threshold() > smallest - 1 - atSmallest.maxDropouts()) {
        throw new IllegalArgumentException("No threshold fits complete graphs of " + smallest + ".." + largest
            + " clients: sessions of " + largest + " need t = " + derived.threshold() + " but in sessions of "
            + smallest + " only " + (smallest - 1 - atSmallest.maxDropouts()) + " neighbours are sure to survive "
            + atSmallest.maxDropouts() + " dropouts");
      }
    }
    int t = threshold != 0 ? threshold : derived.threshold();
    int kSmallest = kind == GraphKind.COMPLETE ? smallest - 1 : k;
    if (t > kSmallest) {
      throw new IllegalArgumentException("threshold " + t + " exceeds the number of neighbours " + kSmallest);
    }
    boolean sparseRequested = graph == GraphChoice.SPARSE || graph == GraphChoice.HARARY;
    return new SessionPlan(kind, k, t, requirements, sparseRequested, fellBack, threshold != 0,
        smallest, largest, Optional.ofNullable(threshold == 0 ? derived : null));
  }

  private static int evenAtMost(int n) {
    return n & ~1;
  }

  @Override
  public String toString() {
    return "SessionPlanner[" + requirements + ", " + graph + (degree != 0 ? " k=" + degree : "")
        + (threshold != 0 ? ", t=" + threshold : "") + "]";
  }
}
