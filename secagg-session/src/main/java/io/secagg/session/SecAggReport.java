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
import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@link SecAggRound#run()}: the outcome, per-phase costs, bytes per party, the
 * server's vector memory, the dropouts, and whether the output equals the plaintext sum of
 * exactly the included clients. Immutable (the array and vector accessors return copies).
 *
 * @param config the session's configuration
 * @param abortReason why the server aborted; empty if it completed
 * @param abortMessage the server's abort message (public information only); empty if it completed
 * @param includedClients the clients whose inputs are in the sum (empty if aborted), ascending
 * @param dropouts the server's record of every client that did not finish, ascending by id
 * @param scheduledDropouts the clients the dropout schedule made crash, by round (ascending ids)
 * @param sumVerified true iff the session completed and its sum equals the plaintext sum, mod m,
 *     of exactly the included clients' inputs (recomputed independently by the runner)
 * @param phases per-round costs, in protocol order (rounds the session never reached are absent)
 * @param clientBytesSent bytes each client sent, indexed by id (index 0 unused)
 * @param clientBytesReceived bytes delivered to each client, indexed by id (index 0 unused)
 * @param serverPeakVectorBytes the server's peak memory in length-L vectors
 * @param serverPeakLiveVectors the most length-L vectors the server held at once
 * @param protocolNanos wall-clock time of the protocol, from the server's start to its end
 * @param sum the server's output, the sum mod m of the included clients' inputs; empty if the
 *     session aborted
 */
public record SecAggReport(
    SecAggConfig config, Optional<AbortReason> abortReason, Optional<String> abortMessage,
    List<Integer> includedClients, List<Dropout> dropouts, Map<Round, List<Integer>> scheduledDropouts,
    boolean sumVerified, List<PhaseReport> phases, long[] clientBytesSent, long[] clientBytesReceived,
    long serverPeakVectorBytes, int serverPeakLiveVectors, long protocolNanos, Optional<ModVector> sum) {
  /**
   * Copies every list, map, array and vector.
   *
   * @throws NullPointerException if a component is null
   */
  public SecAggReport {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(abortReason, "abortReason");
    Objects.requireNonNull(abortMessage, "abortMessage");
    includedClients = List.copyOf(includedClients);
    dropouts = List.copyOf(dropouts);
    scheduledDropouts = Map.copyOf(scheduledDropouts);
    phases = List.copyOf(phases);
    clientBytesSent = clientBytesSent.clone();
    clientBytesReceived = clientBytesReceived.clone();
    sum = sum.map(ModVector::copy);
  }

  /** True iff the server completed with a sum. */
  public boolean completed() {
    return sum.isPresent();
  }

  /**
   * The server's output: the sum mod m of the included clients' inputs (a fresh copy on each
   * call); empty if the session aborted.
   */
  @Override
  public Optional<ModVector> sum() {
    return sum.map(ModVector::copy);
  }

  /** Bytes each client sent, indexed by id (index 0 unused; a copy). */
  @Override
  public long[] clientBytesSent() {
    return clientBytesSent.clone();
  }

  /** Bytes delivered to each client, indexed by id (index 0 unused; a copy). */
  @Override
  public long[] clientBytesReceived() {
    return clientBytesReceived.clone();
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

  /** A multi-line human-readable summary. */
  public String summary() {
    StringBuilder b = new StringBuilder();
    b.append(config).append('\n');
    b.append(completed() ? "completed: " + includedClients.size() + " clients included, sum "
        + (sumVerified ? "verified" : "NOT verified") : "aborted: " + abortReason.orElseThrow() + " ("
        + abortMessage.orElseThrow() + ")");
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
        : "aborted " + abortReason.orElseThrow()) + ", verified=" + sumVerified + "]";
  }
}
