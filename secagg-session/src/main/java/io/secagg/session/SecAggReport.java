package io.secagg.session;

import io.secagg.core.protocol.AbortReason;
import io.secagg.core.protocol.Dropout;
import io.secagg.core.protocol.Round;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.vector.ModVector;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The result of {@link SecAggRound#run()}: the outcome, per-phase costs, bytes per party, the
 * server's vector memory, the dropouts, and whether the output equals the plaintext sum of
 * exactly the included clients. Immutable.
 */
public final class SecAggReport {
  private final SecAggConfig config;
  private final AbortReason abortReason;
  private final String abortMessage;
  private final List<Integer> includedClients;
  private final List<Dropout> dropouts;
  private final Map<Round, List<Integer>> scheduledDropouts;
  private final boolean sumVerified;
  private final List<PhaseReport> phases;
  private final long[] clientBytesSent;
  private final long[] clientBytesReceived;
  private final long serverPeakVectorBytes;
  private final int serverPeakLiveVectors;
  private final long protocolNanos;
  private final ModVector sum;

  SecAggReport(
      SecAggConfig config, AbortReason abortReason, String abortMessage, List<Integer> includedClients,
      List<Dropout> dropouts, Map<Round, List<Integer>> scheduledDropouts, boolean sumVerified,
      List<PhaseReport> phases, long[] clientBytesSent, long[] clientBytesReceived,
      long serverPeakVectorBytes, int serverPeakLiveVectors, long protocolNanos, ModVector sum) {
    this.config = config;
    this.abortReason = abortReason;
    this.abortMessage = abortMessage;
    this.includedClients = List.copyOf(includedClients);
    this.dropouts = List.copyOf(dropouts);
    this.scheduledDropouts = Map.copyOf(scheduledDropouts);
    this.sumVerified = sumVerified;
    this.phases = List.copyOf(phases);
    this.clientBytesSent = clientBytesSent.clone();
    this.clientBytesReceived = clientBytesReceived.clone();
    this.serverPeakVectorBytes = serverPeakVectorBytes;
    this.serverPeakLiveVectors = serverPeakLiveVectors;
    this.protocolNanos = protocolNanos;
    this.sum = sum;
  }

  /** The session's configuration. */
  public SecAggConfig config() {
    return config;
  }

  /** True iff the server completed with a sum. */
  public boolean completed() {
    return sum != null;
  }

  /** Why the server aborted; empty if it completed. */
  public Optional<AbortReason> abortReason() {
    return Optional.ofNullable(abortReason);
  }

  /** The server's abort message (public information only); empty if it completed. */
  public Optional<String> abortMessage() {
    return Optional.ofNullable(abortMessage);
  }

  /** The clients whose inputs are in the sum (empty if aborted), ascending. */
  public List<Integer> includedClients() {
    return includedClients;
  }

  /**
   * The server's output: the sum mod m of the included clients' inputs (a fresh copy on each
   * call); empty if the session aborted.
   */
  public Optional<ModVector> sum() {
    return sum == null ? Optional.empty() : Optional.of(sum.copy());
  }

  /** The server's record of every client that did not finish, ascending by id. */
  public List<Dropout> dropouts() {
    return dropouts;
  }

  /** The clients the dropout schedule made crash, by round (ascending ids). */
  public Map<Round, List<Integer>> scheduledDropouts() {
    return scheduledDropouts;
  }

  /**
   * True iff the session completed and its sum equals the plaintext sum, mod m, of exactly the
   * included clients' inputs (recomputed independently by the runner).
   */
  public boolean sumVerified() {
    return sumVerified;
  }

  /** Per-round costs, in protocol order (rounds the session never reached are absent). */
  public List<PhaseReport> phases() {
    return phases;
  }

  /**
   * Bytes client {@code id} sent.
   *
   * @throws IllegalArgumentException if {@code id} is outside 1..n
   */
  public long clientBytesSent(int id) {
    config.checkClientId(id);
    return clientBytesSent[id];
  }

  /**
   * Bytes delivered to client {@code id}.
   *
   * @throws IllegalArgumentException if {@code id} is outside 1..n
   */
  public long clientBytesReceived(int id) {
    config.checkClientId(id);
    return clientBytesReceived[id];
  }

  /** The most bytes any client sent. */
  public long maxClientBytesSent() {
    return Arrays.stream(clientBytesSent).max().orElse(0);
  }

  /** The mean bytes sent per client. */
  public double meanClientBytesSent() {
    return Arrays.stream(clientBytesSent, 1, clientBytesSent.length).average().orElse(0);
  }

  /** The most bytes delivered to any client. */
  public long maxClientBytesReceived() {
    return Arrays.stream(clientBytesReceived).max().orElse(0);
  }

  /** The mean bytes delivered per client. */
  public double meanClientBytesReceived() {
    return Arrays.stream(clientBytesReceived, 1, clientBytesReceived.length).average().orElse(0);
  }

  /** Bytes the server sent, over all rounds. */
  public long serverBytesSent() {
    return phases.stream().mapToLong(PhaseReport::serverBytesSent).sum();
  }

  /** Bytes the server received, over all rounds. */
  public long serverBytesReceived() {
    return phases.stream().mapToLong(PhaseReport::serverBytesReceived).sum();
  }

  /** The server's peak memory in length-L vectors (accumulator, decode buffer, thread parts). */
  public long serverPeakVectorBytes() {
    return serverPeakVectorBytes;
  }

  /** The most length-L vectors the server held at once. */
  public int serverPeakLiveVectors() {
    return serverPeakLiveVectors;
  }

  /** Wall-clock time of the protocol, from the server's start to its end (ns). */
  public long protocolNanos() {
    return protocolNanos;
  }

  /** A multi-line human-readable summary. */
  public String summary() {
    StringBuilder b = new StringBuilder();
    b.append(config).append('\n');
    b.append(completed() ? "completed: " + includedClients.size() + " clients included, sum "
        + (sumVerified ? "verified" : "NOT verified") : "aborted: " + abortReason + " (" + abortMessage + ")");
    b.append('\n');
    for (PhaseReport p : phases) {
      b.append("  ").append(p).append('\n');
    }
    b.append(String.format(Locale.ROOT,
        "  client bytes: sent mean %.0f max %d, received mean %.0f max %d%n",
        meanClientBytesSent(), maxClientBytesSent(), meanClientBytesReceived(), maxClientBytesReceived()));
    b.append(String.format(Locale.ROOT,
        "  server: sent %d B, received %d B, peak %d vectors (%d B)%n",
        serverBytesSent(), serverBytesReceived(), serverPeakLiveVectors, serverPeakVectorBytes));
    b.append(String.format(Locale.ROOT, "  dropouts: %d; protocol %.1f ms%n", dropouts.size(), protocolNanos / 1e6));
    return b.toString();
  }

  @Override
  public String toString() {
    return "SecAggReport[" + (completed() ? "completed, " + includedClients.size() + " included"
        : "aborted " + abortReason) + ", verified=" + sumVerified + "]";
  }
}
