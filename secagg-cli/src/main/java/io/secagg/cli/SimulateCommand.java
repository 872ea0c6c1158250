package io.secagg.cli;

import io.secagg.cli.SimulationPlan.DropoutRound;
import io.secagg.cli.SimulationPlan.GraphChoice;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.sim.SimulationReport;
import io.secagg.core.sim.SimulationSpec;
import io.secagg.core.sim.Simulator;
import io.secagg.core.vector.Modulus;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code secagg simulate}: runs one secure-aggregation session of n clients and a server in this
 * JVM over the in-memory transport (every message really encoded and decoded), shows each
 * round's progress on the error stream, checks the output against the plaintext sum, and prints
 * a report on standard output. Exit code 0 iff the sum was verified.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Runs one secure-aggregation session in memory: n clients with random vectors in Z_m and a"
          + " server, every message encoded and decoded, clients dropping out at random.",
      "Progress goes to the error stream; the report (time per phase, bytes per client, server"
          + " traffic and memory, dropouts) goes to standard output and ends with VERIFIED or"
          + " MISMATCH.",
      ""
    },
    footer = {
      "",
      "Exit codes: 0 verified, 1 mismatch or aborted session, 2 usage error.",
      "Example:",
      "  secagg simulate --clients 1000 --length 100000 --dropout 0.1 --graph sparse"
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

  @Spec CommandSpec spec;

  @Option(
      names = {"-n", "--clients"},
      paramLabel = "N",
      defaultValue = "100",
      description = "Number of clients, 3..65535 (default: ${DEFAULT-VALUE}).")
  int clients;

  @Option(
      names = {"-l", "--length"},
      paramLabel = "L",
      defaultValue = "10000",
      description = "Elements per client vector, 1..67108864 (default: ${DEFAULT-VALUE}).")
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
      converter = ModulusConverter.class,
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

  /** Picocli creates this command by reflection. */
  SimulateCommand() {}

  @Override
  public Integer call() {
    SimulationPlan plan = plan();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ReportWriter writer = new ReportWriter(out);
    writer.writePlan(plan);
    out.flush();

    HeapWatermark heap = HeapWatermark.start();
    long start = System.nanoTime();
    SimulationReport report;
    ProgressDisplay display = new ProgressDisplay(style(), err, plan.answeredRounds());
    try (display) {
      report = Simulator.run(plan.spec(), display);
    }
    long wall = System.nanoTime() - start;
    writer.writeReport(plan, report, display.phaseWallNanos(), wall, heap.peakBytes());
    out.flush();
    return report.sumVerified() ? Secagg.EXIT_OK : Secagg.EXIT_FAILURE;
  }

  /** Checks every option's range, then derives the plan; any problem is a usage error. */
  SimulationPlan plan() {
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
    boolean bitsGiven = spec.commandLine().getParseResult().hasMatchedOption("--modulus-bits");
    check(!(bitsGiven && modulus != null), "--modulus and --modulus-bits are mutually exclusive");
    check(modulusBits >= 1 && modulusBits <= Modulus.MAX_BITS,
        "Invalid value for --modulus-bits: " + modulusBits + "; must be 1.." + Modulus.MAX_BITS);
    int threadCount =
        threads != null ? threads : Math.min(Runtime.getRuntime().availableProcessors(), SimulationSpec.MAX_THREADS);
    check(threadCount >= 1 && threadCount <= SimulationSpec.MAX_THREADS,
        "Invalid value for --threads: " + threadCount + "; must be 1.." + SimulationSpec.MAX_THREADS);
    Modulus m = modulus != null ? modulus : Modulus.powerOfTwo(modulusBits);
    checkHeap(m);
    long s = seed != null ? seed : new SecureRandom().nextLong();
    try {
      return SimulationPlan.derive(
          clients, length, m, graph, malicious, dropout, dropoutRound, dropoutBudget, corruption,
          threshold, threadCount, s, seed != null);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new ParameterException(spec.commandLine(), "Invalid combination: " + e.getMessage(), e);
    }
  }

  private void checkFraction(String option, double value) {
    check(value >= 0 && value < 1, "Invalid value for " + option + ": " + value + "; must be in [0, 1)");
  }

  /** Refuses sizes the heap cannot hold, rather than failing with OutOfMemoryError midway. */
  private void checkHeap(Modulus m) {
    long max = HeapWatermark.maxHeapBytes();
    if (max <= 0) {
      return;
    }
    double need = estimatedHeapBytes(clients, length, m);
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
    if (!ok) {
      throw new ParameterException(spec.commandLine(), message);
    }
  }

  /** Parses --modulus with {@link Modulus#parse}, keeping its message for the user. */
  static final class ModulusConverter implements ITypeConverter<Modulus> {
    ModulusConverter() {}

    @Override
    public Modulus convert(String value) {
      try {
        return Modulus.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "'" + value + "' is not a supported modulus (" + e.getMessage() + ")");
      }
    }
  }
}
