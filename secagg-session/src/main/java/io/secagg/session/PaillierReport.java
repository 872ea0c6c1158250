package io.secagg.session;

import io.secagg.he.packing.PackingLayout;
import java.util.List;

/**
 * The result of {@link PaillierRound#run()}: the decrypted sum, who is in it, whether it equals
 * the plaintext sum, the packing, the traffic and each phase's cost. Immutable.
 */
public final class PaillierReport {
  private final long[] sum;
  private final List<Integer> includedClients;
  private final int clients;
  private final boolean verified;
  private final List<PhaseReport> phases;
  private final PackingLayout layout;
  private final int ciphertextsPerClient;
  private final long bytesPerClient;
  private final int committeeResponders;
  private final long bytesPerCommitteeMember;
  private final long protocolNanos;

  PaillierReport(long[] sum, List<Integer> includedClients, int clients, boolean verified,
      List<PhaseReport> phases, PackingLayout layout, int ciphertextsPerClient, long bytesPerClient,
      int committeeResponders, long bytesPerCommitteeMember, long protocolNanos) {
    this.sum = sum.clone();
    this.includedClients = List.copyOf(includedClients);
    this.clients = clients;
    this.verified = verified;
    this.phases = List.copyOf(phases);
    this.layout = layout;
    this.ciphertextsPerClient = ciphertextsPerClient;
    this.bytesPerClient = bytesPerClient;
    this.committeeResponders = committeeResponders;
    this.bytesPerCommitteeMember = bytesPerCommitteeMember;
    this.protocolNanos = protocolNanos;
  }

  /** The threshold-decrypted element-wise sum of the included clients' vectors (a copy). */
  public long[] sum() {
    return sum.clone();
  }

  /** The clients whose vectors are in the sum, ascending. */
  public List<Integer> includedClients() {
    return includedClients;
  }

  /** The number of clients of the round, crashed ones included. */
  public int clients() {
    return clients;
  }

  /** True iff the decrypted sum equals the plaintext sum of the included clients' vectors. */
  public boolean verified() {
    return verified;
  }

  /** Each phase's cost, in order. */
  public List<PhaseReport> phases() {
    return phases;
  }

  /** How values were packed into plaintexts. */
  public PackingLayout layout() {
    return layout;
  }

  /** Ciphertexts in one client's upload. */
  public int ciphertextsPerClient() {
    return ciphertextsPerClient;
  }

  /** Serialized size of one client's upload, in bytes. */
  public long bytesPerClient() {
    return bytesPerClient;
  }

  /** Committee members whose partial decryptions were combined. */
  public int committeeResponders() {
    return committeeResponders;
  }

  /** Serialized size of one member's partial decryptions, in bytes. */
  public long bytesPerCommitteeMember() {
    return bytesPerCommitteeMember;
  }

  /** Wall-clock time of the round, from the encryptor's setup to the combined sum (ns). */
  public long protocolNanos() {
    return protocolNanos;
  }

  @Override
  public String toString() {
    return "PaillierReport[" + includedClients.size() + " of " + clients + " clients, " + sum.length
        + " values, " + ciphertextsPerClient + " ciphertexts and " + bytesPerClient + " bytes per client, "
        + committeeResponders + " committee members, " + (verified ? "verified" : "MISMATCH") + "]";
  }
}
