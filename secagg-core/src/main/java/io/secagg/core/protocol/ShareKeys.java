package io.secagg.core.protocol;

import java.util.List;
import java.util.Objects;

/** Round 1, client to server: one ciphertext per neighbour that advertised keys. */
public final class ShareKeys implements ClientMessage {
  private final List<EncryptedShares> shares;

  /**
   * @param shares ciphertexts keyed by receiver; honest clients list them by ascending receiver
   * @throws NullPointerException if the list or an element is null
   */
  public ShareKeys(List<EncryptedShares> shares) {
    this.shares = List.copyOf(Objects.requireNonNull(shares, "shares"));
  }

  /** The ciphertexts, unmodifiable. */
  public List<EncryptedShares> shares() {
    return shares;
  }

  @Override
  public Round round() {
    return Round.SHARE_KEYS;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ShareKeys && shares.equals(((ShareKeys) o).shares);
  }

  @Override
  public int hashCode() {
    return shares.hashCode();
  }

  @Override
  public String toString() {
    return "ShareKeys[" + shares.size() + " ciphertexts]";
  }
}
