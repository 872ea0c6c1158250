package io.secagg.vdaf;

import java.util.ArrayList;
import java.util.List;

/**
 * A client's report: the nonce, the public share and one input share per aggregator, each as the
 * draft's encoding ("Message Serialization"). Send the nonce and public share to every
 * aggregator and input share {@code i} to aggregator {@code i} only, over a confidential,
 * aggregator-authenticated channel.
 *
 * <p>Immutable; accessors return copies. {@link #toString()} shows sizes only: input shares are
 * secret.
 */
public final class Prio3Report {
  private final byte[] nonce;
  private final byte[] publicShare;
  private final List<byte[]> inputShares;

  Prio3Report(byte[] nonce, byte[] publicShare, List<byte[]> inputShares) {
    this.nonce = nonce.clone();
    this.publicShare = publicShare.clone();
    List<byte[]> copies = new ArrayList<>(inputShares.size());
    for (byte[] s : inputShares) {
      copies.add(s.clone());
    }
    this.inputShares = List.copyOf(copies);
  }

  /** The 16-byte report nonce (also the natural report identifier for replay protection). */
  public byte[] nonce() {
    return nonce.clone();
  }

  /** The public share (empty for variants without joint randomness). */
  public byte[] publicShare() {
    return publicShare.clone();
  }

  /** Number of input shares, the Prio3 instance's number of aggregators. */
  public int inputShareCount() {
    return inputShares.size();
  }

  /**
   * The encoded input share for aggregator {@code aggregatorId} (0 is the leader).
   *
   * @throws IndexOutOfBoundsException if there is no such aggregator
   */
  public byte[] inputShare(int aggregatorId) {
    return inputShares.get(aggregatorId).clone();
  }

  @Override
  public String toString() {
    return "Prio3Report[" + inputShares.size() + " input shares, public share " + publicShare.length + " bytes]";
  }
}
