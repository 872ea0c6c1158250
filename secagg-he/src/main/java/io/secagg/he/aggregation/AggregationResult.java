package io.secagg.he.aggregation;

/**
 * What {@link PaillierAggregation#simulate} reports: the decoded sum and the traffic of the
 * round. Immutable.
 */
public final class AggregationResult {
  private final long[] sum;
  private final int clients;
  private final int ciphertextsPerClient;
  private final long bytesPerClient;
  private final int committeeResponders;
  private final long bytesPerCommitteeMember;

  AggregationResult(long[] sum, int clients, int ciphertextsPerClient, long bytesPerClient,
      int committeeResponders, long bytesPerCommitteeMember) {
    this.sum = sum.clone();
    this.clients = clients;
    this.ciphertextsPerClient = ciphertextsPerClient;
    this.bytesPerClient = bytesPerClient;
    this.committeeResponders = committeeResponders;
    this.bytesPerCommitteeMember = bytesPerCommitteeMember;
  }

  /** The element-wise sum of the clients' vectors (a copy). */
  public long[] sum() {
    return sum.clone();
  }

  /** Number of clients whose vectors were summed. */
  public int clients() {
    return clients;
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

  @Override
  public String toString() {
    return "AggregationResult[" + clients + " clients, " + sum.length + " values, "
        + ciphertextsPerClient + " ciphertexts and " + bytesPerClient + " bytes per client, "
        + committeeResponders + " committee members, " + bytesPerCommitteeMember + " bytes each]";
  }
}
