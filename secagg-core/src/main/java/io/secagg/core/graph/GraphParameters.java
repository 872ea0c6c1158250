package io.secagg.core.graph;

import io.secagg.core.internal.GraphMath;
import java.util.Objects;

/**
 * The masking graph and Shamir threshold for a session of n clients: either a SecAgg+ random
 * Harary graph of degree k with threshold t, or the complete graph of SecAgg. Immutable.
 *
 * <p><b>Model.</b> At most {@link #maxCorrupted()} = C = ceil(gamma * n) clients are corrupted
 * and at most {@link #maxDropouts()} = D = ceil(delta * n) drop out (rounded up, to be
 * conservative; gamma * n and delta * n are computed exactly from the shortest decimal form of
 * the rates, so 0.05 * 1000 = 50); both sets are fixed independently of the public session seed.
 * A corrupted client that stops responding counts against the dropout budget, so delta must cover
 * it. Under a uniformly random ring order, the neighbours of any client are a uniformly random
 * k-subset of the other n - 1 clients, so its numbers of corrupted and of dropped neighbours are
 * hypergeometric.
 *
 * <p><b>Grinding.</b> The SecAgg+ graph comes from a hash of the session transcript, which the
 * adversary influences: the server chooses whose keys it relays, colluding clients choose their
 * keys after seeing the others', and a server can restart sessions. Each candidate graph costs
 * the adversary at least one hash evaluation, and each is a fresh uniform graph; so if it can
 * afford 2^g evaluations ({@link GraphRequirements#grindingBits()}, default 64), a union bound
 * over the candidates multiplies the per-graph failure probability by 2^g. The security condition
 * below therefore asks 2^g times the per-graph bound to stay below 2^-sigma, and {@link
 * #securityBits()} reports the bound with grinding included ({@link #perGraphSecurityBits()}
 * without). The complete graph is fixed, so grinding cannot affect it.
 *
 * <p><b>Sparse rule</b> (the exact procedure is in {@code spec/secagg.md, section 4}). For
 * an even degree k, with the tails below being the upper bounds of {@link GraphMath}:
 *
 * <ul>
 *   <li>security: 2^g * (n * P[Hyp(n-1, C, k) &gt;= a] + P[disconnected]) &lt;= 2^-sigma, where a = t
 *       ({@link ThreatModel#SEMI_HONEST}) or a = 2t - k ({@link ThreatModel#MALICIOUS_SERVER})
 *       and P[disconnected] bounds the chance that removing the corrupted and dropped clients
 *       splits the remaining clients (which would reveal partial sums);
 *   <li>correctness: n * P[Hyp(n-1, D, k) &gt;= k - t + 1] &lt;= 2^-eta (every client keeps at least t
 *       surviving neighbours, so its secrets can be reconstructed);
 *   <li>t is the smallest threshold meeting the security condition, and at least 2.
 * </ul>
 *
 * The degree is searched by doubling k = 2, 4, 8, ..., bisecting, and scanning a window below
 * the boundary, because feasibility is not exactly monotone in k; the result passes but may not
 * be the global minimum (it was on every row checked in the tests). The
 * conditions (threshold above the corrupted neighbours, honest survivors connected) are those of
 * Bell et al. 2020; the tail bounds, the union bounds over clients and the search are this
 * library's own derivation.
 *
 * <p><b>Checking given parameters.</b> {@link #evaluate} computes the same bounds for a k and t
 * chosen elsewhere (a configuration a server offers), and {@link #meetsRequirements()} says
 * whether they meet the caller's {@link GraphRequirements}: the rule a participant applies before
 * it takes part.
 *
 * <p><b>Complete-graph fallback.</b> When no even k &lt;= n - 2 passes, the complete graph is used
 * with the deterministic threshold t = max(2, C + 1) (semi-honest) or t = max(2, floor((n - 1 +
 * C) / 2) + 1) (malicious server; about 2n/3 + 1 when gamma = 1/3, as in Bonawitz et al. 2017),
 * which must satisfy t &lt;= n - 1 - D. Its security and correctness hold with certainty, reported
 * as infinite exponents.
 *
 * <p><b>Complete graph with a survivor floor.</b> {@link #completeLargestThreshold} uses instead
 * the largest threshold the dropouts allow, t = n - 1 - D, which must be at least the secure
 * threshold above: a completed session then includes at least n - D clients.
 */
public final class GraphParameters {
  /** The default statistical security: failure probability at most 2^-40, grinding included. */
  public static final double DEFAULT_SECURITY_BITS = GraphRequirements.DEFAULT_SECURITY_BITS;
  /** The default correctness: the protocol fails to reconstruct with probability at most 2^-20. */
  public static final double DEFAULT_CORRECTNESS_BITS = GraphRequirements.DEFAULT_CORRECTNESS_BITS;
  /** The default grinding budget: 2^64 candidate graphs. */
  public static final double DEFAULT_GRINDING_BITS = GraphRequirements.DEFAULT_GRINDING_BITS;
  /** The largest security or correctness exponent accepted. */
  public static final double MAX_BITS = GraphRequirements.MAX_BITS;

  private static final double LN2 = Math.log(2);
  private static final int WINDOW_MIN = 64;
  private static final int WINDOW_DIVISOR = 8;

  private final GraphKind kind;
  private final int n;
  private final int degree;
  private final int threshold;
  private final GraphRequirements requirements;
  private final int maxCorrupted;
  private final int maxDropouts;
  /** ln of the per-graph security failure bound (negative infinity: impossible). */
  private final double lnPerGraphSecurity;
  /** ln of the correctness failure bound. */
  private final double lnCorrectness;

  private GraphParameters(
      GraphKind kind, int n, int degree, int threshold, GraphRequirements requirements,
      int maxCorrupted, int maxDropouts, double lnPerGraphSecurity, double lnCorrectness) {
    this.kind = kind;
    this.n = n;
    this.degree = degree;
    this.threshold = threshold;
    this.requirements = requirements;
    this.maxCorrupted = maxCorrupted;
    this.maxDropouts = maxDropouts;
    this.lnPerGraphSecurity = lnPerGraphSecurity;
    this.lnCorrectness = lnCorrectness;
  }

  /**
   * Parameters against a {@link ThreatModel#MALICIOUS_SERVER} that may try 2^64 candidate graphs,
   * at 2^-40 security and 2^-20 failure probability.
   *
   * @param n the number of clients, 2..2^20
   * @param dropoutRate delta, the largest fraction of clients that may drop out, in [0, 1)
   * @param corruptionRate gamma, the largest fraction of corrupted clients, in [0, 1)
   * @throws IllegalArgumentException if an argument is out of range, or no graph and threshold
   *     satisfy the conditions (too many dropouts and corruptions for n, e.g. gamma + 2 delta near
   *     or above 1 against a malicious server)
   */
  public static GraphParameters recommend(int n, double dropoutRate, double corruptionRate) {
    return recommend(
        n, GraphRequirements.builder().dropoutRate(dropoutRate).corruptionRate(corruptionRate).build());
  }

  /**
   * Parameters for the given threat model and targets against an adversary that may try 2^64
   * candidate graphs; see the class description for the rule.
   *
   * @param n the number of clients, 2..2^20
   * @param dropoutRate delta in [0, 1)
   * @param corruptionRate gamma in [0, 1)
   * @param threatModel which adversary the threshold must withstand
   * @param securityBits sigma: the security failure probability, grinding included, is at most
   *     2^-sigma; in (0, 256]
   * @param correctnessBits eta: the reconstruction failure probability is at most 2^-eta; in (0,
   *     256]
   * @throws NullPointerException if {@code threatModel} is null
   * @throws IllegalArgumentException if an argument is out of range or no parameters satisfy the
   *     conditions
   */
  public static GraphParameters recommend(
      int n, double dropoutRate, double corruptionRate, ThreatModel threatModel, double securityBits,
      double correctnessBits) {
    return recommend(
        n,
        GraphRequirements.builder().dropoutRate(dropoutRate).corruptionRate(corruptionRate)
            .threatModel(threatModel).securityBits(securityBits).correctnessBits(correctnessBits)
            .build());
  }

  /**
   * The smallest sparse graph (or, failing that, the complete graph) whose bounds meet {@code
   * requirements}; see the class description for the rule.
   *
   * @param n the number of clients, 2..2^20
   * @throws NullPointerException if {@code requirements} is null
   * @throws IllegalArgumentException if {@code n} is out of range or no parameters satisfy the
   *     conditions
   */
  public static GraphParameters recommend(int n, GraphRequirements requirements) {
    Objects.requireNonNull(requirements, "requirements");
    checkClientCount(n, 2);
    int corrupted = requirements.corruptedClients(n);
    int dropouts = requirements.droppedClients(n);
    Search search = new Search(n, corrupted, dropouts, requirements);
    GraphParameters sparse = search.smallestSparse();
    if (sparse != null) {
      return sparse;
    }
    try {
      return complete(n, requirements);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("No masking graph fits: no sparse graph does, and " + e.getMessage(), e);
    }
  }

  /**
   * Parameters of the complete graph (SecAgg) for n clients under {@code requirements}: the
   * threshold of the complete-graph rule of the class description, t = {@link #minimumThreshold
   * minimumThreshold}(n - 1, C, threat model), which must leave t &lt;= n - 1 - D. Its security
   * and correctness then hold with certainty; grinding cannot affect a fixed graph.
   *
   * @param n the number of clients, 2..2^20
   * @throws NullPointerException if {@code requirements} is null
   * @throws IllegalArgumentException if {@code n} is out of range, or the threshold leaves fewer
   *     than t neighbours after D dropouts (the message says how many)
   */
  public static GraphParameters complete(int n, GraphRequirements requirements) {
    return complete(n, requirements, false);
  }

  /**
   * Parameters of the complete graph with the largest threshold that D dropouts allow, t = n - 1
   * - D, instead of the smallest secure one of {@link #complete}. Every client that a completed
   * session includes needs t shares of its self mask from other surviving clients, so such a
   * session includes at least t + 1 = n - D clients whatever the server does: the rule for a
   * caller that counts on a floor of included clients (distributed DP sizes its noise for it).
   * The threshold must still be secure, at least {@link #minimumThreshold minimumThreshold}(n -
   * 1, C, threat model); security and correctness then hold with certainty.
   *
   * @param n the number of clients, 2..2^20
   * @throws NullPointerException if {@code requirements} is null
   * @throws IllegalArgumentException if {@code n} is out of range, or n - 1 - D is below the
   *     smallest secure threshold (the message says both)
   */
  public static GraphParameters completeLargestThreshold(int n, GraphRequirements requirements) {
    return complete(n, requirements, true);
  }

  /**
   * The complete graph with the smallest secure threshold, or with the largest that D dropouts
   * allow; both exist exactly when the smallest secure one leaves t neighbours after D dropouts.
   */
  private static GraphParameters complete(int n, GraphRequirements requirements, boolean largest) {
    Objects.requireNonNull(requirements, "requirements");
    checkClientCount(n, 2);
    int corrupted = requirements.corruptedClients(n);
    int dropouts = requirements.droppedClients(n);
    ThreatModel threatModel = requirements.threatModel();
    int smallest = completeThreshold(n, corrupted, threatModel);
    int surviving = n - 1 - dropouts; // neighbours sure to survive
    if (smallest > surviving) {
      String why = largest
          ? "the largest the dropouts allow, n - 1 - D = " + surviving
              + ", is below the smallest secure one, " + smallest
          : "it would need t = " + smallest + " but only " + surviving
              + " neighbours are sure to survive";
      throw new IllegalArgumentException(
          "No threshold fits the complete graph of " + n + " clients with " + corrupted + " corrupted and "
              + dropouts + " dropped (" + threatModel + "): " + why);
    }
    return new GraphParameters(
        GraphKind.COMPLETE, n, n - 1, largest ? surviving : smallest, requirements, corrupted, dropouts,
        Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY);
  }

  /**
   * Parameters of a random Harary graph of the given degree (SecAgg+), with the threshold the
   * sparse rule of the class description gives that degree: for callers that fix the degree
   * themselves (for example to bound each client's work) and want the rule's threshold with it.
   *
   * @param n the number of clients, 3..2^20
   * @param degree k: even, 2 &lt;= k &lt; n
   * @throws NullPointerException if {@code requirements} is null
   * @throws IllegalArgumentException if an argument is out of range, or no threshold makes this
   *     degree meet the requirements (it is too small for the rates and targets)
   */
  public static GraphParameters harary(int n, int degree, GraphRequirements requirements) {
    Objects.requireNonNull(requirements, "requirements");
    checkClientCount(n, 3);
    if (degree < 2 || (degree & 1) != 0 || degree >= n) {
      throw new IllegalArgumentException(
          "Invalid Harary degree " + degree + " for " + n + " clients; must be even and 2.." + (n - 1));
    }
    int corrupted = requirements.corruptedClients(n);
    int dropouts = requirements.droppedClients(n);
    GraphParameters p = new Search(n, corrupted, dropouts, requirements).check(degree);
    if (p == null) {
      throw new IllegalArgumentException(
          "Harary degree " + degree + " cannot meet " + requirements + " for " + n + " clients ("
              + corrupted + " corrupted, " + dropouts + " dropped)");
    }
    return p;
  }

  /**
   * The threshold rule shared by every graph: the smallest t &gt;= 2 that keeps a client's
   * secrets hidden from an adversary holding {@code corruptedNeighbours} of its {@code degree}
   * neighbours, that is t &gt; c ({@link ThreatModel#SEMI_HONEST}) or 2t &gt; k + c ({@link
   * ThreatModel#MALICIOUS_SERVER}, which with c = 0 is a majority of the neighbours).
   *
   * @param degree k, the neighbours of a client, at least 1
   * @param corruptedNeighbours c, 0..k
   * @param threatModel the adversary
   * @throws NullPointerException if {@code threatModel} is null
   * @throws IllegalArgumentException if {@code degree} or {@code corruptedNeighbours} is out of
   *     range
   */
  public static int minimumThreshold(int degree, int corruptedNeighbours, ThreatModel threatModel) {
    Objects.requireNonNull(threatModel, "threatModel");
    if (degree < 1 || corruptedNeighbours < 0 || corruptedNeighbours > degree) {
      throw new IllegalArgumentException(
          "Invalid degree " + degree + " or corrupted neighbours " + corruptedNeighbours
              + "; need 1 <= k and 0 <= c <= k");
    }
    int t = threatModel == ThreatModel.SEMI_HONEST
        ? corruptedNeighbours + 1
        : (degree + corruptedNeighbours) / 2 + 1;
    return Math.max(2, t);
  }

  /**
   * The bounds that a given graph and threshold achieve under {@code requirements}, whether or
   * not they meet them: the check a participant applies to parameters it did not choose (see
   * {@link #meetsRequirements()}). The bounds are those of the class description, computed for
   * this k and t rather than searched for.
   *
   * @param n the number of clients: 2..2^20 for the complete graph, 3..2^20 for a Harary graph
   * @param kind the graph family
   * @param degree n - 1 for {@link GraphKind#COMPLETE}; even, 2 &lt;= k &lt; n for {@link
   *     GraphKind#HARARY}
   * @param threshold t, 1 &lt;= t &lt;= degree
   * @throws NullPointerException if {@code kind} or {@code requirements} is null
   * @throws IllegalArgumentException if a parameter is out of range
   */
  public static GraphParameters evaluate(
      int n, GraphKind kind, int degree, int threshold, GraphRequirements requirements) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(requirements, "requirements");
    checkClientCount(n, kind == GraphKind.COMPLETE ? 2 : 3);
    if (kind == GraphKind.COMPLETE ? degree != n - 1 : (degree < 2 || degree >= n || (degree & 1) != 0)) {
      throw new IllegalArgumentException(
          "Invalid degree " + degree + " for a " + kind + " graph on " + n + " clients");
    }
    if (threshold < 1 || threshold > degree) {
      throw new IllegalArgumentException(
          "Invalid threshold " + threshold + "; must be 1.." + degree);
    }
    int corrupted = requirements.corruptedClients(n);
    int dropouts = requirements.droppedClients(n);
    if (kind == GraphKind.COMPLETE) {
      // Every honest client has all C corrupted clients and at most D dropped ones as neighbours:
      // the conditions hold or fail with certainty, and grinding cannot change the graph.
      int fails = failingCorruptedNeighbours(requirements.threatModel(), degree, threshold);
      double security = Math.min(corrupted, n - 1) >= fails ? 0 : Double.NEGATIVE_INFINITY;
      double correctness = Math.min(dropouts, n - 1) >= degree - threshold + 1 ? 0 : Double.NEGATIVE_INFINITY;
      return new GraphParameters(
          kind, n, degree, threshold, requirements, corrupted, dropouts, security, correctness);
    }
    Search search = new Search(n, corrupted, dropouts, requirements);
    return search.bounds(degree, threshold);
  }

  /** a(t): the number of corrupted neighbours at which a client's secrets are exposed. */
  static int failingCorruptedNeighbours(ThreatModel model, int k, int t) {
    return model == ThreatModel.SEMI_HONEST ? t : 2 * t - k;
  }

  private static void checkClientCount(int n, int min) {
    if (n < min || n > MaskingGraph.MAX_CLIENTS) {
      throw new IllegalArgumentException(
          "Invalid client count " + n + "; must be " + min + ".." + MaskingGraph.MAX_CLIENTS);
    }
  }

  /**
   * The complete-graph threshold: the smallest t &gt;= 2 with t &gt; C (semi-honest) or 2t &gt; n - 1 + C
   * (malicious server).
   */
  static int completeThreshold(int n, int corrupted, ThreatModel model) {
    return minimumThreshold(n - 1, Math.min(corrupted, n - 1), model);
  }

  /**
   * ceil(rate * n), with the rate read as its shortest decimal representation ({@link
   * Double#toString}), so that 0.05 * 1000 is 50 as the caller meant, not 51 from the binary64
   * value 0.05000000000000000277.
   */
  static int ceilTimes(double rate, int n) {
    return GraphRequirements.ceilTimes(rate, n);
  }

  /** The graph family: {@link GraphKind#HARARY} (sparse) or {@link GraphKind#COMPLETE}. */
  public GraphKind kind() {
    return kind;
  }

  /** The number of clients n. */
  public int clientCount() {
    return n;
  }

  /** The number of neighbours of every client: k, or n - 1 for the complete graph. */
  public int degree() {
    return degree;
  }

  /** The Shamir threshold t: shares needed to reconstruct a client's secret, 2 &lt;= t &lt;= degree. */
  public int threshold() {
    return threshold;
  }

  /** The requirements these parameters were chosen for or evaluated against. */
  public GraphRequirements requirements() {
    return requirements;
  }

  /** The threat model the threshold was chosen for. */
  public ThreatModel threatModel() {
    return requirements.threatModel();
  }

  /** C = ceil(gamma * n), the number of corrupted clients assumed. */
  public int maxCorrupted() {
    return maxCorrupted;
  }

  /** D = ceil(delta * n), the number of dropouts tolerated. */
  public int maxDropouts() {
    return maxDropouts;
  }

  /**
   * The achieved security exponent against an adversary that tries 2^g candidate graphs (g =
   * {@code requirements().grindingBits()}): the bound on the probability that the adversary
   * learns more than the sum of the honest surviving inputs is 2^-securityBits, that is 2^g times
   * the bound for one graph. Infinite for the complete graph, whose guarantee is deterministic;
   * 0 if the bound says nothing (it would exceed 1).
   */
  public double securityBits() {
    return Math.max(0, bits(lnPerGraphSecurity) - requirements.grindingBits());
  }

  /**
   * The security exponent for one graph that the adversary cannot influence: {@link
   * #securityBits()} plus the grinding budget. Infinite for the complete graph.
   */
  public double perGraphSecurityBits() {
    return Math.max(0, bits(lnPerGraphSecurity));
  }

  /**
   * The achieved correctness exponent: the bound on the probability that some client has fewer
   * than t surviving neighbours is 2^-correctnessBits. Infinite for the complete graph when its
   * guarantee is deterministic.
   */
  public double correctnessBits() {
    return Math.max(0, bits(lnCorrectness));
  }

  /**
   * True iff the achieved bounds meet the requirements: {@link #securityBits()} &gt;= sigma and
   * {@link #correctnessBits()} &gt;= eta. Always true for {@link #recommend} results; the rule a
   * participant applies to an {@link #evaluate evaluated} configuration.
   */
  public boolean meetsRequirements() {
    // Compared in natural-log space exactly as the search compares, so that every recommended
    // configuration meets its own requirements.
    return lnPerGraphSecurity <= lnSecurityTarget(requirements)
        && lnCorrectness <= -requirements.correctnessBits() * LN2;
  }

  /** ln of the per-graph security target 2^-(sigma + g). */
  private static double lnSecurityTarget(GraphRequirements r) {
    return -(r.securityBits() + r.grindingBits()) * LN2;
  }

  private static double bits(double lnProbability) {
    return lnProbability == Double.NEGATIVE_INFINITY ? Double.POSITIVE_INFINITY : -lnProbability / LN2;
  }

  /**
   * The graph these parameters describe: the complete graph, or the random Harary graph derived
   * from {@code sessionSeed} (see {@link HararyGraph}).
   *
   * @param sessionSeed exactly 32 bytes of public randomness; required for both kinds so that
   *     callers handle both the same way
   * @throws NullPointerException if {@code sessionSeed} is null
   * @throws IllegalArgumentException if the seed is not 32 bytes
   */
  public MaskingGraph newGraph(byte[] sessionSeed) {
    Objects.requireNonNull(sessionSeed, "sessionSeed");
    if (sessionSeed.length != HararyGraph.SEED_LENGTH) {
      throw new IllegalArgumentException(
          "Invalid session seed length " + sessionSeed.length + "; exactly "
              + HararyGraph.SEED_LENGTH + " bytes required");
    }
    return kind == GraphKind.COMPLETE
        ? MaskingGraph.complete(n)
        : MaskingGraph.randomHarary(n, degree, sessionSeed);
  }

  @Override
  public String toString() {
    return "GraphParameters[" + kind + ", n=" + n + ", k=" + degree + ", t=" + threshold + ", "
        + threatModel() + ", C=" + maxCorrupted + ", D=" + maxDropouts + ", security=2^-"
        + securityBits() + " against 2^" + requirements.grindingBits() + " candidate graphs, correctness=2^-"
        + correctnessBits() + "]";
  }

  /** The sparse search of the class description. */
  static final class Search {
    private final int n;
    private final int corrupted;
    private final int dropouts;
    private final ThreatModel model;
    private final double lnSecurityTarget;
    private final double lnCorrectnessTarget;
    private final double lnN;

    private final GraphRequirements requirements;

    /**
     * The per-graph security target is 2^-(sigma + g): with 2^g candidate graphs, a union bound
     * keeps the adversary's overall success below 2^-sigma.
     */
    Search(int n, int corrupted, int dropouts, GraphRequirements requirements) {
      this.n = n;
      this.corrupted = corrupted;
      this.dropouts = dropouts;
      this.model = requirements.threatModel();
      this.requirements = requirements;
      this.lnSecurityTarget = lnSecurityTarget(requirements);
      this.lnCorrectnessTarget = -requirements.correctnessBits() * LN2;
      this.lnN = Math.log(n);
    }

    /**
     * The passing even k of the class description, or null if the search finds none &lt;= n - 2:
     * doubling finds a passing k, bisection a boundary b (b passes, b - 2 fails), and since
     * feasibility is not exactly monotone in k (t is an integer, so the margins flicker near the
     * boundary) every even k in [b - W, b - 2], W = max(64, b / 8), is checked too and the
     * smallest passing one is returned.
     */
    GraphParameters smallestSparse() {
      int kMax = (n - 2) & ~1;
      if (kMax < 2) {
        return null;
      }
      int lastFailed = 0;
      GraphParameters found = null;
      for (int k = 2; ; k = (int) Math.min(2L * k, kMax)) {
        found = check(k);
        if (found != null || k == kMax) {
          break;
        }
        lastFailed = k;
      }
      if (found == null) {
        return null;
      }
      int lo = lastFailed;
      int hi = found.degree;
      while (hi - lo > 2) {
        int mid = ((lo + hi) / 2) & ~1;
        GraphParameters p = check(mid);
        if (p != null) {
          hi = mid;
          found = p;
        } else {
          lo = mid;
        }
      }
      int window = Math.max(WINDOW_MIN, hi / WINDOW_DIVISOR) & ~1;
      for (int k = Math.max(2, hi - window); k < hi; k += 2) {
        GraphParameters p = check(k);
        if (p != null) {
          return p;
        }
      }
      return found;
    }

    /** The parameters for degree k (even, 2..n-2), or null if k does not pass. */
    GraphParameters check(int k) {
      long removed = Math.min((long) n, (long) corrupted + dropouts);
      double lnDisconnected = GraphMath.logHararyDisconnection(n, removed, k);
      if (lnDisconnected > lnSecurityTarget) {
        return null;
      }
      // Smallest count a of corrupted neighbours whose tail meets the security target.
      int lo = 0;
      int hi = k + 1; // the tail at k + 1 is zero, so hi always passes
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (lnSecurityFailure(k, mid, lnDisconnected) <= lnSecurityTarget) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      // a corrupted neighbours occur with negligible probability, so at most a - 1 are assumed.
      int a = lo;
      int t = minimumThreshold(k, Math.max(0, a - 1), model);
      if (t > k) {
        return null;
      }
      if (lnCorrectness(k, t) > lnCorrectnessTarget) {
        return null;
      }
      return bounds(k, t);
    }

    /** The achieved bounds of degree k (even, 2..n-1) and threshold t (1..k). */
    GraphParameters bounds(int k, int t) {
      long removed = Math.min((long) n, (long) corrupted + dropouts);
      double lnDisconnected = GraphMath.logHararyDisconnection(n, removed, k);
      double lnSecurity = lnSecurityFailure(k, failingCorruptedNeighbours(model, k, t), lnDisconnected);
      return new GraphParameters(
          GraphKind.HARARY, n, k, t, requirements, corrupted, dropouts, lnSecurity, lnCorrectness(k, t));
    }

    /** ln of n P[Hyp(n - 1, D, k) &gt;= k - t + 1]: some client keeps fewer than t survivors. */
    private double lnCorrectness(int k, int t) {
      return lnN + GraphMath.logHypergeometricUpperTail(n - 1L, Math.min(dropouts, n - 1), k, k - t + 1L);
    }

    private double lnSecurityFailure(int k, long corruptedNeighbours, double lnDisconnected) {
      double tail =
          GraphMath.logHypergeometricUpperTail(n - 1L, Math.min(corrupted, n - 1), k, corruptedNeighbours);
      return GraphMath.logSumExp(lnN + tail, lnDisconnected);
    }

  }
}
