package io.secagg.session;

import io.secagg.vdaf.BoundedVectorResult;
import io.secagg.vdaf.VdafException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of {@link Prio3Round#run()}: who was accepted and who rejected (by reason and by
 * malicious kind), whether the collected sum equals the plaintext sum of the accepted honest
 * clients, the traffic and each phase's cost. Immutable.
 *
 * @param result what the collector decoded
 * @param clients the number of clients of the round, malicious ones included
 * @param maliciousByKind how many clients sent each kind of malicious report
 * @param honestAccepted honest clients whose report was aggregated
 * @param maliciousAccepted malicious clients whose report was aggregated (0 unless a forgery
 *     passed the proof's soundness error)
 * @param rejectedByReason reports rejected, by the reason the aggregators gave
 * @param rejectedByKind malicious clients whose report was rejected, by kind
 * @param sumVerified true iff the collected integer sum equals the plaintext sum of the accepted
 *     honest clients' quantized updates (without noise), or lies within the stated noise bound of
 *     it (with noise)
 * @param phases each phase's cost, in order
 * @param bytesPerClient the bytes of one honest client's two upload frames
 * @param aggregatorBytes the bytes the leader and the helper exchanged (verification, commits)
 * @param protocolNanos wall-clock time from the first client's sharding to the collected result
 */
public record Prio3RoundReport(BoundedVectorResult result, int clients, Map<MaliciousKind, Integer> maliciousByKind,
    int honestAccepted, int maliciousAccepted, Map<VdafException.Reason, Long> rejectedByReason,
    Map<MaliciousKind, Integer> rejectedByKind, boolean sumVerified, List<PhaseReport> phases, long bytesPerClient,
    long aggregatorBytes, long protocolNanos) {
  /**
   * Copies the maps and lists.
   *
   * @throws NullPointerException if a component is null
   */
  public Prio3RoundReport {
    Objects.requireNonNull(result, "result");
    maliciousByKind = copy(maliciousByKind, MaliciousKind.class);
    rejectedByReason = copy(rejectedByReason, VdafException.Reason.class);
    rejectedByKind = copy(rejectedByKind, MaliciousKind.class);
    phases = List.copyOf(phases);
  }

  private static <K extends Enum<K>, V> Map<K, V> copy(Map<K, V> m, Class<K> type) {
    Map<K, V> out = new EnumMap<>(type);
    out.putAll(m);
    return java.util.Collections.unmodifiableMap(out);
  }

  /** The number of malicious clients. */
  public int maliciousClients() {
    return maliciousByKind.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** The number of honest clients. */
  public int honestClients() {
    return clients - maliciousClients();
  }

  /** Every honest report aggregated, every malicious one rejected, and the sum verified. */
  public boolean verified() {
    return honestAccepted == honestClients() && maliciousAccepted == 0 && sumVerified;
  }

  @Override
  public String toString() {
    return "Prio3RoundReport[" + clients + " clients, " + honestAccepted + " of " + honestClients() + " honest accepted, "
        + (maliciousClients() - maliciousAccepted) + " of " + maliciousClients() + " malicious rejected, sum "
        + (sumVerified ? "verified" : "MISMATCH") + "]";
  }
}
