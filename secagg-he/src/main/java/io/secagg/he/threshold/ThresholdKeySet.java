package io.secagg.he.threshold;

import java.util.Collections;
import java.util.List;

/**
 * What the dealer hands out: the public key for everyone and one {@link KeyShare} per party
 * (share {@code i} at list position {@code i - 1}). Immutable.
 */
public final class ThresholdKeySet {
  private final ThresholdPublicKey publicKey;
  private final List<KeyShare> shares;

  ThresholdKeySet(ThresholdPublicKey publicKey, List<KeyShare> shares) {
    this.publicKey = publicKey;
    this.shares = Collections.unmodifiableList(shares);
  }

  /** The threshold public key. */
  public ThresholdPublicKey publicKey() {
    return publicKey;
  }

  /** The shares, party 1 first (unmodifiable). Each must go to its party only. */
  public List<KeyShare> shares() {
    return shares;
  }

  /**
   * Party {@code index}'s share.
   *
   * @throws IllegalArgumentException unless {@code 1 <= index <= w}
   */
  public KeyShare share(int index) {
    publicKey.checkIndex(index);
    return shares.get(index - 1);
  }

  @Override
  public String toString() {
    return "ThresholdKeySet[" + publicKey + "]";
  }
}
