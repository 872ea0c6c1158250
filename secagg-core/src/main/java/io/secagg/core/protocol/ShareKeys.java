package io.secagg.core.protocol;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Round 1, client to server: one ciphertext per neighbour that advertised keys, and the client's
 * commitment to its self-mask seed b_u, which lets the server check every reconstruction of b_u.
 */
public final class ShareKeys implements ClientMessage {
  private final List<EncryptedShares> shares;
  private final byte[] selfMaskCommitment;

  /**
   * @param shares ciphertexts keyed by receiver; honest clients list them by ascending receiver
   * @param selfMaskCommitment the 32-byte commitment to b_u of the specification (copied; its
   *     length is checked by the receiver)
   * @throws NullPointerException if an argument or an element is null
   */
  public ShareKeys(List<EncryptedShares> shares, byte[] selfMaskCommitment) {
    this.shares = List.copyOf(Objects.requireNonNull(shares, "shares"));
    this.selfMaskCommitment = Objects.requireNonNull(selfMaskCommitment, "selfMaskCommitment").clone();
  }

  /** The ciphertexts, unmodifiable. */
  public List<EncryptedShares> shares() {
    return shares;
  }

  /** A copy of the commitment to the sender's self-mask seed. */
  public byte[] selfMaskCommitment() {
    return selfMaskCommitment.clone();
  }

  @Override
  public Round round() {
    return Round.SHARE_KEYS;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ShareKeys
        && shares.equals(((ShareKeys) o).shares)
        && Arrays.equals(selfMaskCommitment, ((ShareKeys) o).selfMaskCommitment);
  }

  @Override
  public int hashCode() {
    return shares.hashCode() * 31 + Arrays.hashCode(selfMaskCommitment);
  }

  @Override
  public String toString() {
    return "ShareKeys[" + shares.size() + " ciphertexts]";
  }
}
