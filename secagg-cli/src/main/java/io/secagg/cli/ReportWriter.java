package io.secagg.cli;

import io.secagg.core.graph.GraphKind;
import io.secagg.core.protocol.Dropout;
import io.secagg.core.protocol.Round;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.protocol.SecurityMode;
import io.secagg.session.PhaseReport;
import io.secagg.session.SecAggReport;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Writes {@code secagg simulate}'s plan and report as aligned plain text. The labels at the
 * start of each line are stable ("Result", "Included clients", ...), so scripts may grep them;
 * the last line is "Result  VERIFIED ..." or "Result  MISMATCH ..." or "Result  ABORTED ..."
 * (with {@code --dp-epsilon}, {@link DpRun} then adds its "DP privacy" and "DP error" lines).
 */
final class ReportWriter {
  private static final String LABEL = "%-18s";

  private final PrintWriter out;

  ReportWriter(PrintWriter out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  /** The parameters of the run, before it starts. */
  void writePlan(SimulationPlan plan) {
    SecAggConfig c = plan.config();
    out.println("secagg simulate");
    line("Clients", String.format(Locale.ROOT, "%d, threshold t = %d, %s", c.clientCount(),
        c.threshold(), c.securityMode() == SecurityMode.MALICIOUS
            ? "malicious-server mode" : "semi-honest mode"));
    String graph;
    if (c.graphKind() == GraphKind.COMPLETE) {
      graph = "complete (SecAgg), " + (c.clientCount() - 1) + " neighbours each";
      if (plan.fellBackToComplete()) {
        graph += " (no sparse graph fits " + percent(plan.dropoutBudget()) + " dropouts and "
            + percent(plan.corruption()) + " corrupted)";
      } else if (!plan.thresholdGiven()) {
        graph += "; threshold for " + percent(plan.corruption()) + " corrupted";
      }
    } else {
      graph = "sparse (SecAgg+ Harary), degree k = " + c.degree() + String.format(
          Locale.ROOT, "; sized for %s dropouts, %s corrupted",
          percent(plan.dropoutBudget()), percent(plan.corruption()));
    }
    line("Graph", graph);
    line("Vectors", String.format(Locale.ROOT, "%d elements in Z_m, m = %s (%d bytes each on the wire)",
        c.vectorLength(), c.modulus(), c.modulus().byteWidth()));
    String where = plan.dropoutRound() == SimulationPlan.DropoutRound.SPREAD
        ? "spread over the " + plan.answeredRounds() + " rounds clients answer"
        : "all at " + plan.dropoutRound();
    line("Dropout", plan.dropout() == 0 ? "none"
        : String.format(Locale.ROOT, "each client with probability %s, %s", plan.dropout(), where));
    line("Server threads", plan.threads() + " for unmasking");
    line("Seed", plan.seedGiven()
        ? String.valueOf(plan.seed())
        : plan.seed() + " (random; --seed " + plan.seed() + " repeats this run)");
  }

  /**
   * The results.
   *
   * @param report the runner's report
   * @param totalWallNanos the whole run, setup and verification included
   * @param heapPeakBytes the JVM heap high-water mark over the run
   */
  void writeReport(SecAggReport report, long totalWallNanos, long heapPeakBytes) {
    SecAggConfig c = report.config();
    out.println();
    out.println(String.format(Locale.ROOT, "%-25s %10s %10s %10s %11s %11s %8s %11s %11s",
        "Phase", "wall", "server", "clients", "client avg", "client max", "answers",
        "server out", "server in"));
    for (PhaseReport p : report.phases()) {
      out.println(String.format(Locale.ROOT, "  %-23s %10s %10s %10s %11s %11s %8d %11s %11s",
          p.name(), Units.duration(p.wallNanos()), Units.duration(p.serverNanos()),
          Units.duration(p.participantNanosTotal()), Units.duration(p.participantNanosMean()),
          Units.duration(p.participantNanosMax()), p.answers(),
          Units.bytes(p.serverBytesSent()), Units.bytes(p.serverBytesReceived())));
    }
    out.println();
    line("Bytes per client", String.format(Locale.ROOT,
        "sent %s on average (max %s), received %s on average (max %s)",
        Units.bytes(report.meanClientBytesSent()), Units.bytes(report.maxClientBytesSent()),
        Units.bytes(report.meanClientBytesReceived()), Units.bytes(report.maxClientBytesReceived())));
    line("Server traffic", String.format(Locale.ROOT, "sent %s, received %s",
        Units.bytes(report.serverBytesSent()), Units.bytes(report.serverBytesReceived())));
    line("Server memory", String.format(Locale.ROOT,
        "peak %s in %d length-L vectors (accumulator and working buffers)",
        Units.bytes(report.serverPeakVectorBytes()), report.serverPeakLiveVectors()));
    long maxHeap = HeapWatermark.maxHeapBytes();
    line("JVM heap peak", String.format(Locale.ROOT,
        "%s (whole simulation: all %d clients, queued messages and the server; max heap %s)",
        Units.bytes(heapPeakBytes), c.clientCount(), maxHeap > 0 ? Units.bytes(maxHeap) : "unbounded"));
    line("Dropouts", dropoutLine(report));
    line("Server recorded", recordedLine(report.dropouts()));
    line("Included clients", report.includedClients().size() + " of " + c.clientCount());
    long protocol = report.protocolNanos();
    line("Time", String.format(Locale.ROOT, "%s protocol, %s setup and check, %s in all",
        Units.duration(protocol), Units.duration(Math.max(0, totalWallNanos - protocol)),
        Units.duration(totalWallNanos)));
    line("Result", result(report));
  }

  private static String dropoutLine(SecAggReport report) {
    Map<Round, List<Integer>> scheduled = report.scheduledDropouts();
    int total = scheduled.values().stream().mapToInt(List::size).sum();
    if (total == 0) {
      return "none";
    }
    StringJoiner j = new StringJoiner(", ", total + " by the schedule: ", "");
    for (Round r : Round.values()) {
      List<Integer> ids = scheduled.get(r);
      if (ids != null && !ids.isEmpty()) {
        j.add(r + " " + ids.size());
      }
    }
    return j.toString();
  }

  private static String recordedLine(List<Dropout> dropouts) {
    if (dropouts.isEmpty()) {
      return "no client left";
    }
    Map<Dropout.Cause, Integer> byCause = new EnumMap<>(Dropout.Cause.class);
    for (Dropout d : dropouts) {
      byCause.merge(d.cause(), 1, Integer::sum);
    }
    StringJoiner j = new StringJoiner(", ", dropouts.size() + " clients left: ", "");
    byCause.forEach((cause, count) -> j.add(cause + " " + count));
    return j.toString();
  }

  private static String result(SecAggReport report) {
    if (!report.completed()) {
      return "ABORTED: " + report.abortReason().orElseThrow() + " (" + report.abortMessage().orElseThrow() + ")";
    }
    int included = report.includedClients().size();
    String m = report.config().modulus().toString();
    return report.sumVerified()
        ? "VERIFIED: the sum equals the plaintext sum of the " + included + " included inputs mod " + m
        : "MISMATCH: the sum differs from the plaintext sum of the " + included + " included inputs mod " + m;
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.4g%%", fraction * 100).replaceAll("\\.?0+%$", "%");
  }

  private void line(String label, String text) {
    line(out, label, text);
  }

  /**
   * One report line: the label padded to the report's label column, then the text. Every
   * subcommand's report uses it, so scripts grep the same layout everywhere.
   */
  static void line(PrintWriter out, String label, String text) {
    out.println(String.format(Locale.ROOT, LABEL, label) + text);
  }
}
