package io.secagg.cli;

import io.secagg.core.crypto.Ed25519KeyPair;
import io.secagg.core.graph.GraphRequirements;
import io.secagg.core.graph.ThreatModel;
import io.secagg.core.protocol.Round;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.protocol.SecurityMode;
import io.secagg.core.session.SessionPlan;
import io.secagg.core.session.SessionPlanner;
import io.secagg.core.vector.Modulus;
import io.secagg.session.DropoutSchedule;
import io.secagg.session.SecAggRound;
import java.util.List;
import java.util.Objects;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;

/**
 * What {@code secagg simulate} will run, translated from its options into the library's terms:
 * a threat statement for the {@link SessionPlanner} (which applies every graph and threshold
 * rule), the session configuration, and the crash schedule; plus the choices made on the user's
 * behalf, so the report can state them. Immutable.
 *
 * <p>The translation: {@code --malicious} plans against {@link ThreatModel#MALICIOUS_SERVER}
 * (otherwise {@link ThreatModel#SEMI_HONEST}); {@code --corruption} is the corrupted fraction; a
 * sparse graph is sized for the dropout budget ({@code --dropout-budget}, or {@link
 * SessionPlanner#dropoutBudget} of {@code --dropout}), the complete graph's threshold for {@code
 * --dropout-budget} when given and {@code --dropout} otherwise (the default budget's margin is
 * meant for sizing sparse graphs; for small n it would rule out every threshold). Crashes follow
 * {@link DropoutSchedule#overSession} ({@code SPREAD}) or {@link DropoutSchedule#atRound}.
 */
record SimulationPlan(
    SecAggConfig config, SessionPlan session, List<Ed25519KeyPair> identities, DropoutSchedule dropouts,
    double dropout, DropoutRound dropoutRound, double dropoutBudget, double corruption, int threads, long seed,
    boolean seedGiven, int answeredRounds) {
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

  /** As {@link #derive(int, IntUnaryOperator, Modulus, GraphChoice, boolean, double, DropoutRound, Double, double, Integer, int, long, boolean)} with a fixed length. */
  static SimulationPlan derive(
      int clients, int length, Modulus modulus, GraphChoice graph, boolean malicious,
      double dropout, DropoutRound dropoutRound, Double dropoutBudget, double corruption,
      Integer threshold, int threads, long seed, boolean seedGiven) {
    return derive(clients, t -> length, modulus, graph, malicious, dropout, dropoutRound, dropoutBudget,
        corruption, threshold, threads, seed, seedGiven);
  }

  /**
   * Derives the plan. The caller has range-checked each value (see {@link SimulateCommand});
   * the planner checks the combinations.
   *
   * @param clients n
   * @param lengthForThreshold L, given the planned threshold (the DP pipeline sizes its noise,
   *     and so its padded length, for the threshold)
   * @param modulus m
   * @param graph the requested graph
   * @param malicious malicious-server mode
   * @param dropout P in [0, 1)
   * @param dropoutRound where clients drop
   * @param dropoutBudget the tolerated dropout fraction in [0, 1), or null for the default
   * @param corruption the corrupted fraction in [0, 1)
   * @param threshold t, or null for the derived one
   * @param threads unmasking threads
   * @param seed the seed of every random value
   * @param seedGiven whether the user chose the seed (the report says how to repeat the run)
   * @throws IllegalArgumentException if no session satisfies the combination (the message says
   *     why, in terms of the options)
   * @throws IllegalStateException if the session configuration rejects the combination
   */
  static SimulationPlan derive(
      int clients, IntUnaryOperator lengthForThreshold, Modulus modulus, GraphChoice graph,
      boolean malicious, double dropout, DropoutRound dropoutRound, Double dropoutBudget,
      double corruption, Integer threshold, int threads, long seed, boolean seedGiven) {
    Objects.requireNonNull(modulus, "modulus");
    Objects.requireNonNull(graph, "graph");
    Objects.requireNonNull(dropoutRound, "dropoutRound");
    int rounds = malicious ? 5 : 4;
    if (dropoutRound == DropoutRound.CONSISTENCY_CHECK && !malicious) {
      throw new IllegalArgumentException(
          "--dropout-round CONSISTENCY_CHECK needs --malicious (semi-honest sessions skip that round)");
    }
    double budget = dropoutBudget != null ? dropoutBudget : SessionPlanner.dropoutBudget(dropout, clients);
    GraphRequirements requirements = GraphRequirements.builder()
        .threatModel(malicious ? ThreatModel.MALICIOUS_SERVER : ThreatModel.SEMI_HONEST)
        .corruptionRate(corruption)
        .dropoutRate(graph == GraphChoice.SPARSE ? budget : dropoutBudget != null ? dropoutBudget : dropout)
        .build();
    SessionPlanner planner = SessionPlanner.of(requirements);
    planner = graph == GraphChoice.SPARSE ? planner.sparseGraph() : planner.completeGraph();
    if (threshold != null) {
      planner = planner.threshold(threshold);
    }
    SessionPlan session;
    try {
      session = planner.plan(clients);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage()
          + (threshold == null ? "; lower --corruption or --dropout-budget, or give --threshold" : ""), e);
    }
    SecAggConfig.Builder c = session.configBuilder(clients)
        .vectorLength(lengthForThreshold.applyAsInt(session.threshold())).modulus(modulus)
        .securityMode(malicious ? SecurityMode.MALICIOUS : SecurityMode.SEMI_HONEST);
    List<Ed25519KeyPair> identities = List.of();
    if (malicious) {
      identities = SecAggRound.simulatedIdentityKeys(clients, seed);
      c.identityKeys(identities.stream().map(Ed25519KeyPair::publicKey).collect(Collectors.toList()));
    }
    DropoutSchedule schedule = dropout == 0 ? DropoutSchedule.none()
        : dropoutRound == DropoutRound.SPREAD ? DropoutSchedule.overSession(dropout, rounds, seed)
        : DropoutSchedule.atRound(Round.valueOf(dropoutRound.name()), dropout, seed);
    return new SimulationPlan(c.build(), session, identities, schedule, dropout, dropoutRound, budget,
        corruption, threads, seed, seedGiven, rounds);
  }

  /** A runner for this plan (the caller adds a listener, and inputs if it has its own). */
  SecAggRound.Builder round() {
    SecAggRound.Builder b = SecAggRound.builder(config).dropouts(dropouts).seed(seed).threads(threads);
    if (!identities.isEmpty()) {
      b.identityKeys(identities);
    }
    return b;
  }

  /** The graph the user asked for (the configuration says which one is used). */
  GraphChoice requestedGraph() {
    return session.sparseRequested() ? GraphChoice.SPARSE : GraphChoice.COMPLETE;
  }

  /** True iff a sparse graph was asked for but the recommendation fell back to the complete one. */
  boolean fellBackToComplete() {
    return session.fellBackToComplete();
  }

  /** True iff the user chose the threshold. */
  boolean thresholdGiven() {
    return session.thresholdGiven();
  }

}
