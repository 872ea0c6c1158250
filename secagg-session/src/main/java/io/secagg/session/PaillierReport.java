package io.secagg.session;

import io.secagg.he.packing.PackingLayout;
import java.util.List;
import java.util.Objects;

/**
 * The result of {@link PaillierRound#run()}: the decrypted sum, who is in it, whether it equals
 * the plaintext sum, the packing, the traffic and each phase's cost. Immutable ({@link #sum()}
 * returns a copy; {@code equals} compares the sum by identity, as records do with arrays).
 *
 * @param sum the threshold-decrypted element-wise sum of the included clients' vectors
 * @param includedClients the clients whose vectors are in the sum, ascending
 * @param clients the number of clients of the round, crashed ones included
 * @param verified true iff the sum equals the plaintext sum of the included clients' vectors
 * @param phases each phase's cost, in order
 * @param layout how values were packed into plaintexts
 * @param ciphertextsPerClient ciphertexts in one client's upload
 * @param bytesPerClient serialized size of one client's upload, in bytes
 * @param committeeResponders committee members whose partial decryptions were combined
 * @param bytesPerCommitteeMember serialized size of one member's partial decryptions, in bytes
 * @param protocolNanos wall-clock time of the round, from the encryptor's setup to the combined
 *     sum
 */
public record PaillierReport(long[] sum, List<Integer> includedClients, int clients, boolean verified,
    List<PhaseReport> phases, PackingLayout layout, int ciphertextsPerClient, long bytesPerClient,
    int committeeResponders, long bytesPerCommitteeMember, long protocolNanos) {
  /**
   * Copies the sum and the lists.
   *
   * @throws NullPointerException if an array, list or the layout is null
   */
  public PaillierReport {
    sum = sum.clone();
    includedClients = List.copyOf(includedClients);
    phases = List.copyOf(phases);
    Objects.requireNonNull(layout, "layout");
  }

  /** The threshold-decrypted element-wise sum of the included clients' vectors (a copy). */
  @Override
  public long[] sum() {
    return sum.clone();
  }

  @Override
  public String toString() {
    return "PaillierReport[" + includedClients.size() + " of " + clients + " clients, " + sum.length
        + " values, " + ciphertextsPerClient + " ciphertexts and " + bytesPerClient + " bytes per client, "
        + committeeResponders + " committee members, " + (verified ? "verified" : "MISMATCH") + "]";
  }
}
