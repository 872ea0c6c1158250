package io.secagg.cli;

import io.secagg.core.graph.GraphKind;
import io.secagg.core.protocol.Round;
import io.secagg.core.protocol.SecurityMode;
import io.secagg.core.sim.DropoutSchedule;
import io.secagg.core.sim.SimulationSpec;
import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * What {@code secagg simulate} will run, derived from its options: the simulator's {@link
 * SimulationSpec} plus the choices made on the user's behalf (dropout budget, threshold, seed),
 * so the report can state them. Immutable.
 *
 * <p>Derivations:
 *
 * <ul>
 *   <li><b>Dropout schedule.</b> Each client drops out with probability P over the session. With
 *       {@link DropoutRound#SPREAD} it drops in each round it answers with probability q = 1 -
 *       (1 - P)^(1/R), R the number of such rounds (4, or 5 in malicious mode), so that P is its
 *       chance of dropping in one of them; otherwise it drops in the named round with
 *       probability P. Decided by a hash of (seed, round, client), hence reproducible.
 *   <li><b>Dropout budget.</b> The fraction of dropouts the graph and threshold must tolerate:
 *       given, or P plus four standard deviations of the binomial dropout count, sqrt(P(1 -
 *       P)/n), rounded up to 4 decimals, so that random dropouts exceed it with probability
 *       about 3e-5 (normal approximation).
 *   <li><b>Sparse graph.</b> The Harary degree and threshold that {@code GraphParameters}
 *       recommends for the budget and the corruption rate (it falls back to the complete graph
 *       when no sparse graph fits, as for small n).
 *   <li><b>Complete-graph threshold</b> (unless given): the rule of {@code GraphParameters}'
 *       complete-graph fallback with C = ceil(corruption * n) corrupted clients: t = max(2, C +
 *       1) semi-honest, t = max(2, floor((n - 1 + C)/2) + 1) against a malicious server. It must
 *       leave t &lt;= n - 1 - D, for D = ceil(budget * n) dropouts when the budget is given and
 *       D = ceil(P * n) otherwise (the default budget's margin is meant for sizing sparse
 *       graphs; for small n it would rule out every threshold).
 * </ul>
 */
final class SimulationPlan {
  /** Where in the session clients drop out. */
  enum DropoutRound {
    /** A share of the dropout probability in every round a client answers. */
    SPREAD,
    /** All dropouts at round 0. */
    ADVERTISE_KEYS,
    /** All dropouts at round 1. */
    SHARE_KEYS,
    /** All dropouts at round 2: keys shared, inputs missing (the server's costliest case). */
    MASKED_INPUT_COLLECTION,
    /** All dropouts at round 3 (malicious mode only). */
    CONSISTENCY_CHECK,
    /** All dropouts at round 4, after their masked input was counted. */
    UNMASKING
  }

  /** The masking graph requested on the command line. */
  enum GraphChoice {
    /** Every pair of clients masks (SecAgg). */
    COMPLETE,
    /** A random Harary graph of logarithmic degree (SecAgg+). */
    SPARSE
  }

  private final SimulationSpec spec;
  private final GraphChoice requestedGraph;
  private final double dropout;
  private final DropoutRound dropoutRound;
  private final double dropoutBudget;
  private final double corruption;
  private final boolean seedGiven;
  private final boolean thresholdGiven;
  private final int answeredRounds;

  private SimulationPlan(
      SimulationSpec spec, GraphChoice requestedGraph, double dropout, DropoutRound dropoutRound,
      double dropoutBudget, double corruption, boolean seedGiven, boolean thresholdGiven,
      int answeredRounds) {
    this.spec = spec;
    this.requestedGraph = requestedGraph;
    this.dropout = dropout;
    this.dropoutRound = dropoutRound;
    this.dropoutBudget = dropoutBudget;
    this.corruption = corruption;
    this.seedGiven = seedGiven;
    this.thresholdGiven = thresholdGiven;
    this.answeredRounds = answeredRounds;
  }

  /**
   * Derives the plan. The caller has range-checked each value (see {@link SimulateCommand});
   * this checks the combinations.
   *
   * @param clients n
   * @param length L
   * @param modulus m
   * @param graph the requested graph
   * @param malicious malicious-server mode
   * @param dropout P in [0, 1)
   * @param dropoutRound where clients drop
   * @param dropoutBudget the tolerated dropout fraction in [0, 1), or null for the default
   * @param corruption the corrupted fraction in [0, 1)
   * @param threshold t, or null for the default
   * @param threads unmasking threads
   * @param seed the seed of every random value
   * @param seedGiven whether the user chose the seed (the report says how to repeat the run)
   * @throws IllegalArgumentException if no session satisfies the combination (the message says
   *     why, in terms of the options)
   * @throws IllegalStateException if the session configuration rejects the combination
   */
  static SimulationPlan derive(
      int clients, int length, Modulus modulus, GraphChoice graph, boolean malicious,
      double dropout, DropoutRound dropoutRound, Double dropoutBudget, double corruption,
      Integer threshold, int threads, long seed, boolean seedGiven) {
    return derive(clients, length, modulus, graph, malicious, dropout, dropoutRound, dropoutBudget,
        corruption, threshold, threads, seed, seedGiven, null);
  }

  /**
   * As {@link #derive(int, int, Modulus, GraphChoice, boolean, double, DropoutRound, Double,
   * double, Integer, int, long, boolean)}, with the client inputs supplied by {@code inputs}
   * (see {@link SimulationSpec.Builder#inputs}), or random ones if it is null.
   */
  static SimulationPlan derive(
      int clients, int length, Modulus modulus, GraphChoice graph, boolean malicious,
      double dropout, DropoutRound dropoutRound, Double dropoutBudget, double corruption,
      Integer threshold, int threads, long seed, boolean seedGiven,
      IntFunction<ModVector> inputs) {
    Objects.requireNonNull(modulus, "modulus");
    Objects.requireNonNull(graph, "graph");
    Objects.requireNonNull(dropoutRound, "dropoutRound");
    SecurityMode mode = malicious ? SecurityMode.MALICIOUS : SecurityMode.SEMI_HONEST;
    int rounds = malicious ? 5 : 4;
    if (dropoutRound == DropoutRound.CONSISTENCY_CHECK && !malicious) {
      throw new IllegalArgumentException(
          "--dropout-round CONSISTENCY_CHECK needs --malicious (semi-honest sessions skip that round)");
    }
    double budget = dropoutBudget != null ? dropoutBudget : defaultBudget(dropout, clients);
    SimulationSpec.Builder b =
        SimulationSpec.builder()
            .clientCount(clients)
            .vectorLength(length)
            .modulus(modulus)
            .securityMode(mode)
            .dropouts(schedule(dropout, dropoutRound, rounds, seed))
            .unmaskingThreads(threads)
            .seed(seed);
    if (inputs != null) {
      b.inputs(inputs);
    }
    if (graph == GraphChoice.SPARSE) {
      b.sparseGraph(budget, corruption);
      if (threshold != null) {
        b.threshold(threshold);
      }
    } else {
      b.completeGraph();
      double survivable = dropoutBudget != null ? dropoutBudget : dropout;
      b.threshold(
          threshold != null ? threshold : completeThreshold(clients, survivable, corruption, malicious));
    }
    return new SimulationPlan(
        b.build(), graph, dropout, dropoutRound, budget, corruption, seedGiven, threshold != null,
        rounds);
  }

  /** P + 4 sqrt(P(1 - P)/n), rounded up to 4 decimals and kept below 1. */
  static double defaultBudget(double dropout, int clients) {
    if (dropout == 0) {
      return 0;
    }
    double raw = dropout + 4 * Math.sqrt(dropout * (1 - dropout) / clients);
    double rounded = new BigDecimal(raw).setScale(4, RoundingMode.CEILING).doubleValue();
    return Math.min(rounded, 0.9999);
  }

  /**
   * The complete-graph threshold rule (see the class description).
   *
   * @throws IllegalArgumentException if the threshold leaves fewer than t neighbours after
   *     {@code dropoutFraction} of the clients drop
   */
  static int completeThreshold(int clients, double dropoutFraction, double corruption, boolean malicious) {
    int corrupted = ceilTimes(corruption, clients);
    int dropouts = ceilTimes(dropoutFraction, clients);
    int t = malicious ? (clients - 1 + corrupted) / 2 + 1 : corrupted + 1;
    t = Math.max(2, t);
    if (t > clients - 1 - dropouts) {
      throw new IllegalArgumentException(
          "No threshold fits the complete graph of " + clients + " clients with " + corrupted
              + " corrupted and " + dropouts + " dropped: it would need t = " + t + " but only "
              + (clients - 1 - dropouts) + " neighbours are sure to survive; lower --corruption or"
              + " --dropout-budget, or give --threshold");
    }
    return t;
  }

  // ceil(rate * n) on the rate's shortest decimal form, as GraphParameters counts them.
  private static int ceilTimes(double rate, int n) {
    return BigDecimal.valueOf(rate).multiply(BigDecimal.valueOf(n))
        .setScale(0, RoundingMode.CEILING).intValueExact();
  }

  private static DropoutSchedule schedule(double p, DropoutRound where, int rounds, long seed) {
    if (p == 0) {
      return DropoutSchedule.none();
    }
    if (where == DropoutRound.SPREAD) {
      return DropoutSchedule.perRound(1 - Math.pow(1 - p, 1.0 / rounds), seed);
    }
    return DropoutSchedule.atRound(Round.valueOf(where.name()), p, seed);
  }

  /** The simulator's input. */
  SimulationSpec spec() {
    return spec;
  }

  /** The graph the user asked for (the configuration says which one is used). */
  GraphChoice requestedGraph() {
    return requestedGraph;
  }

  /** True iff a sparse graph was asked for but the recommendation fell back to the complete one. */
  boolean fellBackToComplete() {
    return requestedGraph == GraphChoice.SPARSE && spec.config().graphKind() == GraphKind.COMPLETE;
  }

  /** P, the probability that a client drops out during the session. */
  double dropout() {
    return dropout;
  }

  /** Where clients drop. */
  DropoutRound dropoutRound() {
    return dropoutRound;
  }

  /** The dropout fraction the graph and threshold were sized for. */
  double dropoutBudget() {
    return dropoutBudget;
  }

  /** The corrupted fraction the graph and threshold were sized for. */
  double corruption() {
    return corruption;
  }

  /** True iff the user chose the threshold. */
  boolean thresholdGiven() {
    return thresholdGiven;
  }

  /** True iff the user chose the seed. */
  boolean seedGiven() {
    return seedGiven;
  }

  /** The number of rounds clients answer: 4, or 5 in malicious mode. */
  int answeredRounds() {
    return answeredRounds;
  }
}
