package io.secagg.cli;

import io.secagg.cli.SimulationPlan.DropoutRound;
import io.secagg.cli.SimulationPlan.GraphChoice;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.vector.Modulus;
import io.secagg.dp.ddg.DdgParameters;
import io.secagg.session.DpReport;
import io.secagg.session.DpRound;
import io.secagg.session.Prio3Round;
import io.secagg.session.SecAggReport;
import io.secagg.session.SecAggRound;
import io.secagg.vdaf.BoundedVector;
import java.io.PrintWriter;
import java.io.Writer;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code secagg simulate}: runs one secure-aggregation session of n clients and a server in this
 * JVM over the in-memory transport (every message really encoded and decoded), shows each
 * round's progress on the error stream, checks the output against the plaintext sum, and prints
 * a report on standard output. Exit code 0 iff the sum was verified. With {@code --scheme
 * paillier} it runs a threshold-Paillier round instead ({@link PaillierRun}), with {@code --scheme
 * prio3} a Prio3 round with malicious clients ({@link Prio3Run}); with {@code
 * --dp-epsilon} the clients' inputs are DDG-encoded updates and the sum is decoded ({@link DpRun}).
 */
@Command(
    name = "simulate",
    description = {
      "Runs one secure-aggregation session in memory: n clients with random vectors in Z_m and a"
          + " server, every message encoded and decoded, clients dropping out at random.",
      "Progress goes to the error stream; the report (time per phase, bytes per client, server"
          + " traffic and memory, dropouts) goes to standard output and ends with VERIFIED or"
          + " MISMATCH.",
      "--scheme paillier runs a threshold-Paillier round instead (encrypt, add, committee"
          + " decrypts the sum); --dp-epsilon/--dp-delta feed DP-encoded updates through the SecAgg"
          + " session and decode the sum. --scheme prio3 runs two Prio3 aggregators that verify"
          + " every client's bounded vector and reject malicious reports.",
      ""
    },
    footer = {
      "",
      "Exit codes: 0 verified, 1 mismatch or aborted session, 2 usage error.",
      "Example:",
      "  secagg simulate --clients 1000 --length 100000 --dropout 0.1 --graph sparse",
      "  secagg simulate --scheme paillier --clients 20 --length 1000",
      "  secagg simulate --scheme prio3 --clients 1000 --length 10000 --malicious-fraction 0.05",
      "  secagg simulate --dp-epsilon 1 --dp-delta 1e-5 --dp-clip 1"
    })
final class SimulateCommand implements Callable<Integer> {
  /** Progress display choices. */
  enum ProgressChoice {
    /** Live lines when the JVM has a console, plain lines otherwise. */
    AUTO,
    /** A line per phase redrawn in place (needs a terminal that understands ANSI erase). */
    LIVE,
    /** A line when each phase starts and ends. */
    PLAIN,
    /** No progress output. */
    NONE
  }

  // Per-client heap estimate: the input kept by its machine plus its masked input queued as a
  // frame, because the simulator delivers every client's message before the server reads them.
  private static final double HEAP_MARGIN = 1.5;
  private static final long HEAP_BASE = 64L << 20;

  /** Aggregation schemes. */
  enum Scheme {
    /** Secure aggregation with pairwise masks (SecAgg / SecAgg+), the default. */
    SECAGG,
    /** Threshold Paillier: clients encrypt, the server adds, a committee decrypts the sum. */
    PAILLIER,
    /** Prio3: two aggregators verify every client's bounded vector and reject invalid ones. */
    PRIO3
  }

  // Defaults of the Paillier mode, smaller than SecAgg's: each client does L / (values per
  // ciphertext) 2048-bit encryptions, so 20 x 1000 keeps the default run to a few seconds.
  static final int PAILLIER_DEFAULT_CLIENTS = 20;
  static final int PAILLIER_DEFAULT_LENGTH = 1000;

  // Defaults of the Prio3 mode: 100 clients x 1000 coordinates of 8 bits take seconds.
  static final int PRIO3_DEFAULT_CLIENTS = 100;
  static final int PRIO3_DEFAULT_LENGTH = 1000;
  static final int PRIO3_DEFAULT_BITS = 8;
  // Options that only the Prio3 mode has, rejected with the other schemes.
  private static final String[] PRIO3_ONLY = {"--malicious-fraction", "--clip"};
  // SecAgg-only options that the Prio3 mode does not take (it takes --dp-epsilon and --dp-delta).
  private static final String[] NOT_PRIO3 = {
    "--dropout", "--dropout-round", "--graph", "--malicious", "--modulus-bits", "--modulus",
    "--corruption", "--dropout-budget", "--threshold", "--dp-clip", "--dp-rounds",
    "--key-bits", "--committee", "--committee-threshold"
  };

  // Options that only a SecAgg session has, rejected with --scheme paillier.
  private static final String[] SECAGG_ONLY = {
    "--dropout", "--dropout-round", "--graph", "--malicious", "--modulus-bits", "--modulus",
    "--corruption", "--dropout-budget", "--threshold", "--dp-epsilon", "--dp-delta",
    "--dp-clip", "--dp-rounds"
  };
  // Options that only the Paillier mode has, rejected with --scheme secagg.
  private static final String[] PAILLIER_ONLY = {
    "--key-bits", "--committee", "--committee-threshold", "--value-bits"
  };

  @Spec CommandSpec spec;

  @Option(
      names = "--scheme",
      paramLabel = "SCHEME",
      defaultValue = "SECAGG",
      description = "SECAGG (pairwise masking, the options below), PAILLIER (threshold"
          + " Paillier: encrypt, add, committee decrypts the sum; defaults to "
          + PAILLIER_DEFAULT_CLIENTS + " clients x " + PAILLIER_DEFAULT_LENGTH + " values) or PRIO3"
          + " (two aggregators verify each client's bounded vector and reject malicious ones; defaults to "
          + PRIO3_DEFAULT_CLIENTS + " clients x " + PRIO3_DEFAULT_LENGTH + " coordinates of "
          + PRIO3_DEFAULT_BITS + " bits) (default: ${DEFAULT-VALUE}; case-insensitive).")
  Scheme scheme;

  @Option(
      names = {"-n", "--clients"},
      paramLabel = "N",
      defaultValue = "100",
      description = "Number of clients, 3..65535 (default: ${DEFAULT-VALUE}; with --scheme"
          + " paillier 2..1000000, default " + PAILLIER_DEFAULT_CLIENTS + ").")
  int clients;

  @Option(
      names = {"-l", "--length"},
      paramLabel = "L",
      defaultValue = "10000",
      description = "Elements per client vector, 1..67108864 (default: ${DEFAULT-VALUE}; with"
          + " --scheme paillier 1..16777216, default " + PAILLIER_DEFAULT_LENGTH + ").")
  int length;

  @Option(
      names = {"-d", "--dropout"},
      paramLabel = "P",
      defaultValue = "0.1",
      description = "Probability that a client drops out during the session, in [0, 1)"
          + " (default: ${DEFAULT-VALUE}).")
  double dropout;

  @Option(
      names = "--dropout-round",
      paramLabel = "ROUND",
      defaultValue = "SPREAD",
      description = "Where clients drop: ${COMPLETION-CANDIDATES}. SPREAD gives every round"
          + " they answer a share of P; a round name puts all dropouts there"
          + " (default: ${DEFAULT-VALUE}; case-insensitive).")
  DropoutRound dropoutRound;

  @Option(
      names = {"-g", "--graph"},
      paramLabel = "GRAPH",
      defaultValue = "COMPLETE",
      description = "Masking graph: COMPLETE (SecAgg, every pair masks) or SPARSE (SecAgg+, a"
          + " random Harary graph sized for the dropout budget and corruption rate)"
          + " (default: ${DEFAULT-VALUE}; case-insensitive).")
  GraphChoice graph;

  @Option(
      names = "--malicious",
      description = "Malicious-server mode: identity keys, signed consistency check, and a"
          + " threshold above (n - 1 + corrupted)/2.")
  boolean malicious;

  @Option(
      names = {"-b", "--modulus-bits"},
      paramLabel = "B",
      defaultValue = "32",
      description = "Work in Z_(2^B), 1..64 (default: ${DEFAULT-VALUE}).")
  int modulusBits;

  @Option(
      names = {"-m", "--modulus"},
      paramLabel = "M",
      converter = Converters.ModulusConverter.class,
      description = "Any supported modulus instead: 2^b (b <= 64) or a decimal integer in"
          + " 2..2^62. Not with --modulus-bits.")
  Modulus modulus;

  @Option(
      names = "--corruption",
      paramLabel = "C",
      defaultValue = "0.1",
      description = "Fraction of corrupted clients the graph and threshold must withstand, in"
          + " [0, 1) (default: ${DEFAULT-VALUE}).")
  double corruption;

  @Option(
      names = "--dropout-budget",
      paramLabel = "D",
      description = "Fraction of dropouts the graph and threshold must tolerate, in [0, 1)"
          + " (default: P plus 4 standard deviations of the dropout count).")
  Double dropoutBudget;

  @Option(
      names = {"-t", "--threshold"},
      paramLabel = "T",
      description = "Shamir threshold, 2..degree (default: derived from the graph, the"
          + " corruption rate and the dropout budget).")
  Integer threshold;

  @Option(
      names = "--threads",
      paramLabel = "THREADS",
      description = "Threads for the server's unmasking, 1..64 (default: the available"
          + " processors).")
  Integer threads;

  @Option(
      names = {"-s", "--seed"},
      paramLabel = "S",
      description = "Seed of every random value (inputs, keys, dropouts), to repeat a run"
          + " exactly (default: drawn from SecureRandom and printed).")
  Long seed;

  @Option(
      names = "--progress",
      paramLabel = "MODE",
      defaultValue = "AUTO",
      description = "Progress display: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}:"
          + " LIVE on a terminal, PLAIN otherwise).")
  ProgressChoice progress;

  @Option(
      names = "--key-bits",
      paramLabel = "BITS",
      description = "Paillier: generate a fresh key with a modulus of BITS bits (even, 2048..16384;"
          + " safe-prime search takes seconds to minutes). Default: a fixed 2048-bit key from"
          + " published primes (production size, not secret).")
  Integer keyBits;

  @Option(
      names = "--committee",
      paramLabel = "W",
      defaultValue = "5",
      description = "Paillier: decryption committee size, 2..128 (default: ${DEFAULT-VALUE}).")
  int committee;

  @Option(
      names = "--committee-threshold",
      paramLabel = "T",
      defaultValue = "3",
      description = "Paillier: members needed to decrypt, 2..W (default: ${DEFAULT-VALUE}).")
  int committeeThreshold;

  @Option(
      names = "--value-bits",
      paramLabel = "V",
      defaultValue = "16",
      description = "Paillier: bits per signed quantized value, 2..32 (default: ${DEFAULT-VALUE})."
          + " Prio3: bits per quantized coordinate, 2..32 (default: " + PRIO3_DEFAULT_BITS + ").")
  int valueBits;

  @Option(
      names = "--malicious-fraction",
      paramLabel = "F",
      defaultValue = "0.05",
      description = "Prio3: fraction of malicious clients, in [0, 1), sending out-of-range,"
          + " bad-proof, truncated, garbled or replayed reports in turn (default: ${DEFAULT-VALUE}).")
  double maliciousFraction;

  @Option(
      names = "--clip",
      paramLabel = "C",
      defaultValue = "1.0",
      description = "Prio3: every coordinate is clipped to [-C, C] before quantization, > 0"
          + " (default: ${DEFAULT-VALUE}).")
  double clip;

  @Option(
      names = "--dp-epsilon",
      paramLabel = "E",
      description = "Add distributed discrete Gaussian noise for (E, D)-DP: clients DDG-encode a"
          + " random real update as their SecAgg input, the server decodes the sum. Needs"
          + " --dp-delta and a modulus 2^b, b <= 62. With --scheme prio3: each aggregator adds"
          + " discrete Gaussian noise, enough alone for (E, D)-DP per round.")
  Double dpEpsilon;

  @Option(
      names = "--dp-delta",
      paramLabel = "D",
      description = "DP delta, in (0, 1); with --dp-epsilon.")
  Double dpDelta;

  @Option(
      names = "--dp-clip",
      paramLabel = "C",
      defaultValue = "1.0",
      description = "DP: L2 clip norm of each update, > 0 (default: ${DEFAULT-VALUE}).")
  double dpClip;

  @Option(
      names = "--dp-rounds",
      paramLabel = "R",
      defaultValue = "1",
      description = "DP: rounds the privacy budget covers, >= 1 (default: ${DEFAULT-VALUE}).")
  long dpRounds;

  /** Picocli creates this command by reflection. */
  SimulateCommand() {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (scheme == Scheme.PRIO3) {
      Prio3Run run = prio3();
      PrintWriter progressOut = progress == ProgressChoice.NONE ? new PrintWriter(Writer.nullWriter()) : err;
      return run.run(out, progressOut) ? Secagg.EXIT_OK : Secagg.EXIT_FAILURE;
    }
    rejectAll(PRIO3_ONLY, "--scheme prio3");
    if (scheme == Scheme.PAILLIER) {
      PaillierRun run = paillier();
      PrintWriter progressOut = progress == ProgressChoice.NONE ? new PrintWriter(Writer.nullWriter()) : err;
      return run.run(out, progressOut) ? Secagg.EXIT_OK : Secagg.EXIT_FAILURE;
    }
    rejectAll(PAILLIER_ONLY, "--scheme paillier");
    DpRun dp = dpRun();
    SimulationPlan plan = plan(dp);
    ReportWriter writer = new ReportWriter(out);
    writer.writePlan(plan);
    if (dp != null) {
      dp.writePlan(out, dpParams);
    }
    out.flush();

    HeapWatermark heap = HeapWatermark.start();
    long start = System.nanoTime();
    SecAggReport report;
    DpReport dpReport = null;
    try (ProgressDisplay display = new ProgressDisplay(style(), err, plan.answeredRounds())) {
      if (dp == null) {
        report = plan.round().listener(display).build().run();
      } else {
        DpRound.Builder b = DpRound.builder(dpParams, plan.config()).dropouts(plan.dropouts())
            .seed(plan.seed()).threads(plan.threads()).listener(display);
        if (!plan.identities().isEmpty()) {
          b.identityKeys(plan.identities());
        }
        dpReport = b.build().run();
        report = dpReport.secAgg();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("secagg simulate: interrupted");
      return Secagg.EXIT_FAILURE;
    }
    long wall = System.nanoTime() - start;
    writer.writeReport(report, wall, heap.peakBytes());
    if (dp != null) {
      dp.writeReport(out, dpReport);
    }
    out.flush();
    return report.sumVerified() ? Secagg.EXIT_OK : Secagg.EXIT_FAILURE;
  }

  /** Validates the Paillier options (exit 2 for SecAgg-only ones) and builds the run. */
  PaillierRun paillier() {
    rejectAll(SECAGG_ONLY, "--scheme secagg");
    var parsed = spec.commandLine().getParseResult();
    int n = parsed.hasMatchedOption("--clients") ? clients : PAILLIER_DEFAULT_CLIENTS;
    int l = parsed.hasMatchedOption("--length") ? length : PAILLIER_DEFAULT_LENGTH;
    check(n >= 2 && n <= 1_000_000, "Invalid value for --clients: " + n + "; must be 2..1000000 with --scheme paillier");
    check(l >= 1 && l <= 1 << 24, "Invalid value for --length: " + l + "; must be 1..16777216 with --scheme paillier");
    check(committee >= 2 && committee <= 128,
        "Invalid value for --committee: " + committee + "; must be 2..128");
    check(committeeThreshold >= 2 && committeeThreshold <= committee,
        "Invalid value for --committee-threshold: " + committeeThreshold + "; must be 2..--committee (" + committee + ")");
    check(valueBits >= 2 && valueBits <= 32, "Invalid value for --value-bits: " + valueBits + "; must be 2..32");
    check(keyBits == null || (keyBits % 2 == 0 && keyBits >= 2048 && keyBits <= 16384),
        "Invalid value for --key-bits: " + keyBits + "; must be even and in 2048..16384");
    int threadCount = threads != null ? threads : Math.min(Runtime.getRuntime().availableProcessors(), SecAggRound.MAX_THREADS);
    check(threadCount >= 1 && threadCount <= SecAggRound.MAX_THREADS,
        "Invalid value for --threads: " + threadCount + "; must be 1.." + SecAggRound.MAX_THREADS);
    // Inputs, one length-L long[] per client, plus about 4 ciphertext bytes per value in flight.
    double need = 8.0 * n * l + 64.0 * l + HEAP_BASE;
    long max = HeapWatermark.maxHeapBytes();
    check(max <= 0 || need <= max, String.format(Locale.ROOT,
        "%d clients x %d values need about %s of heap but the JVM may use %s", n, l, Units.bytes(need), Units.bytes(max)));
    long s = seed != null ? seed : new SecureRandom().nextLong();
    PaillierRun run = new PaillierRun(n, l, keyBits, committee, committeeThreshold, valueBits, threadCount, s, seed != null);
    try {
      run.config();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new ParameterException(spec.commandLine(), "Invalid combination: " + e.getMessage(), e);
    }
    return run;
  }

  /** Validates the Prio3 options (exit 2 for options of the other schemes) and builds the run. */
  Prio3Run prio3() {
    rejectAll(NOT_PRIO3, "--scheme secagg or paillier");
    var parsed = spec.commandLine().getParseResult();
    int n = parsed.hasMatchedOption("--clients") ? clients : PRIO3_DEFAULT_CLIENTS;
    int l = parsed.hasMatchedOption("--length") ? length : PRIO3_DEFAULT_LENGTH;
    int bits = parsed.hasMatchedOption("--value-bits") ? valueBits : PRIO3_DEFAULT_BITS;
    check(n >= 2 && n <= Prio3Round.MAX_CLIENTS,
        "Invalid value for --clients: " + n + "; must be 2.." + Prio3Round.MAX_CLIENTS + " with --scheme prio3");
    check(bits >= BoundedVector.MIN_BITS && bits <= BoundedVector.MAX_BITS,
        "Invalid value for --value-bits: " + bits + "; must be 2..32 with --scheme prio3");
    check(l >= 1 && (long) l * bits <= 1 << 24,
        "Invalid value for --length: " + l + "; length x bits must be at most 16777216 with --scheme prio3");
    check(maliciousFraction >= 0 && maliciousFraction < 1,
        "Invalid value for --malicious-fraction: " + maliciousFraction + "; must be in [0, 1)");
    check(Math.round(maliciousFraction * n) < n, "--malicious-fraction " + maliciousFraction + " leaves no honest client");
    check(clip > 0 && Double.isFinite(clip), "Invalid value for --clip: " + clip + "; must be positive");
    check(dpEpsilon == null || (dpEpsilon > 0 && dpEpsilon <= 1000),
        "Invalid value for --dp-epsilon: " + dpEpsilon + "; must be in (0, 1000]");
    check((dpEpsilon == null) == (dpDelta == null), "--dp-epsilon and --dp-delta go together");
    check(dpDelta == null || (dpDelta > 0 && dpDelta < 1), "Invalid value for --dp-delta: " + dpDelta + "; must be in (0, 1)");
    int threadCount = threads != null ? threads : Math.min(Runtime.getRuntime().availableProcessors(), SecAggRound.MAX_THREADS);
    check(threadCount >= 1 && threadCount <= SecAggRound.MAX_THREADS,
        "Invalid value for --threads: " + threadCount + "; must be 1.." + SecAggRound.MAX_THREADS);
    // The honest clients' quantized updates (kept for the check) and a wave of uploads in flight,
    // each about 8 bytes per encoded bit (measurement share, proofs) held three times.
    double need = 8.0 * n * l + 3.0 * Prio3Round.DEFAULT_JOB_SIZE * 8.0 * l * bits * 1.2 + HEAP_BASE;
    long max = HeapWatermark.maxHeapBytes();
    check(max <= 0 || need <= max, String.format(Locale.ROOT,
        "%d clients x %d coordinates need about %s of heap but the JVM may use %s", n, l, Units.bytes(need), Units.bytes(max)));
    long s = seed != null ? seed : new SecureRandom().nextLong();
    Prio3Run run = new Prio3Run(n, l, bits, clip, maliciousFraction, dpEpsilon, dpDelta, threadCount, s, seed != null);
    try {
      run.config();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new ParameterException(spec.commandLine(), "Invalid combination: " + e.getMessage(), e);
    }
    return run;
  }

  /** The DP pipeline if --dp-epsilon was given (validated), else null. */
  DpRun dpRun() {
    if (dpEpsilon == null) {
      var parsed = spec.commandLine().getParseResult();
      for (String o : new String[] {"--dp-delta", "--dp-clip", "--dp-rounds"}) {
        check(!parsed.hasMatchedOption(o), o + " needs --dp-epsilon");
      }
      return null;
    }
    check(dpEpsilon > 0 && dpEpsilon <= 1000, "Invalid value for --dp-epsilon: " + dpEpsilon + "; must be in (0, 1000]");
    check(dpDelta != null, "--dp-epsilon needs --dp-delta");
    check(dpDelta > 0 && dpDelta < 1, "Invalid value for --dp-delta: " + dpDelta + "; must be in (0, 1)");
    check(dpClip > 0 && Double.isFinite(dpClip), "Invalid value for --dp-clip: " + dpClip + "; must be positive");
    check(dpRounds >= 1, "Invalid value for --dp-rounds: " + dpRounds + "; must be at least 1");
    check(length >= 1 && length <= (1 << 24),
        "Invalid value for --length: " + length + "; must be 1..16777216 with --dp-epsilon");
    check(clients >= 3 && clients <= SecAggConfig.MAX_CLIENTS,
        "Invalid value for --clients: " + clients + "; must be 3.." + SecAggConfig.MAX_CLIENTS);
    Modulus m = modulus();
    try {
      return DpRun.of(dpEpsilon, dpDelta, dpRounds, dpClip, clients, length, m);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new ParameterException(spec.commandLine(), "Invalid combination for --dp-epsilon: " + e.getMessage(), e);
    }
  }

  /** The DP parameters chosen for this run, once the plan's threshold is known. */
  private DdgParameters dpParams;

  /**
   * Sizes the DP noise for the session's threshold, the fewest clients a completed round
   * includes, and returns the SecAgg vector length it needs.
   */
  private int selectDp(DpRun dp, int threshold) {
    try {
      dpParams = dp.select(threshold);
      return dpParams.paddedDimension();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new ParameterException(spec.commandLine(), "Invalid combination for --dp-epsilon: " + e.getMessage(), e);
    }
  }

  private Long drawnSeed;

  /** The run's seed: --seed, or one drawn once from SecureRandom. */
  private long seed() {
    if (seed != null) {
      return seed;
    }
    if (drawnSeed == null) {
      drawnSeed = new SecureRandom().nextLong();
    }
    return drawnSeed;
  }

  private Modulus modulus() {
    boolean bitsGiven = spec.commandLine().getParseResult().hasMatchedOption("--modulus-bits");
    check(!(bitsGiven && modulus != null), "--modulus and --modulus-bits are mutually exclusive");
    check(modulusBits >= 1 && modulusBits <= Modulus.MAX_BITS,
        "Invalid value for --modulus-bits: " + modulusBits + "; must be 1.." + Modulus.MAX_BITS);
    return modulus != null ? modulus : Modulus.powerOfTwo(modulusBits);
  }

  private void rejectAll(String[] options, String scheme) {
    var parsed = spec.commandLine().getParseResult();
    for (String o : options) {
      check(!parsed.hasMatchedOption(o), o + " applies only to " + scheme);
    }
  }

  /** Checks every option's range, then derives the plan; any problem is a usage error. */
  SimulationPlan plan() {
    return plan(null);
  }

  /** As {@link #plan()}, with the DP pipeline's parameters and vector length (D) if {@code dp} is set. */
  SimulationPlan plan(DpRun dp) {
    check(clients >= 3 && clients <= SecAggConfig.MAX_CLIENTS,
        "Invalid value for --clients: " + clients + "; must be 3.." + SecAggConfig.MAX_CLIENTS);
    check(length >= 1 && length <= SecAggConfig.MAX_VECTOR_LENGTH,
        "Invalid value for --length: " + length + "; must be 1.." + SecAggConfig.MAX_VECTOR_LENGTH);
    checkFraction("--dropout", dropout);
    checkFraction("--corruption", corruption);
    if (dropoutBudget != null) {
      checkFraction("--dropout-budget", dropoutBudget);
    }
    check(threshold == null || threshold >= 2,
        "Invalid value for --threshold: " + threshold + "; must be at least 2");
    Modulus m = modulus();
    int threadCount =
        threads != null ? threads : Math.min(Runtime.getRuntime().availableProcessors(), SecAggRound.MAX_THREADS);
    check(threadCount >= 1 && threadCount <= SecAggRound.MAX_THREADS,
        "Invalid value for --threads: " + threadCount + "; must be 1.." + SecAggRound.MAX_THREADS);
    if (dp == null) {
      checkHeap(m, length, false);
    }
    long s = seed();
    SimulationPlan plan;
    try {
      plan = SimulationPlan.derive(
          clients, t -> dp == null ? length : selectDp(dp, t), m, graph, malicious, dropout, dropoutRound,
          dropoutBudget, corruption, threshold, threadCount, s, seed != null);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new ParameterException(spec.commandLine(), "Invalid combination: " + e.getMessage(), e);
    }
    if (dp != null) {
      checkHeap(m, plan.config().vectorLength(), true);
    }
    return plan;
  }

  private void checkFraction(String option, double value) {
    check(value >= 0 && value < 1, "Invalid value for " + option + ": " + value + "; must be in [0, 1)");
  }

  /** Refuses sizes the heap cannot hold, rather than failing with OutOfMemoryError midway. */
  private void checkHeap(Modulus m, int length, boolean supplied) {
    long max = HeapWatermark.maxHeapBytes();
    if (max <= 0) {
      return;
    }
    double need = estimatedHeapBytes(clients, length, m);
    if (supplied) {
      // A supplied (DP) input is also kept for the check, with the client's clipped update.
      need += HEAP_MARGIN * 16.0 * clients * (double) length;
    }
    check(need <= max,
        String.format(Locale.ROOT,
            "%d clients x %d elements need about %s of heap but the JVM may use %s;"
                + " use fewer clients or elements, or a larger heap (SECAGG_JAVA_OPTS=-Xmx...)",
            clients, length, Units.bytes(need), Units.bytes(max)));
  }

  /**
   * An estimate of the simulation's heap: per client, its input (4 bytes per element if the
   * modulus fits an int, as ModVector stores it, else 8) and its queued masked-input frame
   * ({@link Modulus#byteWidth()} per element), with a margin and a fixed base.
   */
  static double estimatedHeapBytes(int clients, int length, Modulus m) {
    boolean ints = m.isPowerOfTwo() ? m.bits() <= 32 : m.bits() <= 31;
    double perElement = (ints ? 4 : 8) + m.byteWidth();
    return HEAP_MARGIN * perElement * clients * (double) length + HEAP_BASE;
  }

  private ProgressDisplay.Style style() {
    switch (progress) {
      case LIVE:
        return ProgressDisplay.Style.LIVE;
      case PLAIN:
        return ProgressDisplay.Style.PLAIN;
      case NONE:
        return ProgressDisplay.Style.QUIET;
      default:
        // System.console() is non-null only when standard input and output are a terminal.
        return System.console() != null ? ProgressDisplay.Style.LIVE : ProgressDisplay.Style.PLAIN;
    }
  }

  private void check(boolean ok, String message) {
    Converters.check(spec, ok, message);
  }
}
