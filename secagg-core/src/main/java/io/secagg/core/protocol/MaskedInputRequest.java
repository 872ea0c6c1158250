package io.secagg.core.protocol;

import java.util.List;
import java.util.Objects;

/** Round 2, server to client u: the ciphertexts u's neighbours in U2 addressed to u. */
public final class MaskedInputRequest implements ServerMessage {
  private final List<EncryptedShares> shares;

  /**
   * @param shares ciphertexts keyed by sender; honest servers list them by ascending sender
   * @throws NullPointerException if the list or an element is null
   */
  public MaskedInputRequest(List<EncryptedShares> shares) {
    this.shares = List.copyOf(Objects.requireNonNull(shares, "shares"));
  }

  /** The ciphertexts, unmodifiable. */
  public List<EncryptedShares> shares() {
    return shares;
  }

  @Override
  public Round round() {
    return Round.MASKED_INPUT_COLLECTION;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MaskedInputRequest && shares.equals(((MaskedInputRequest) o).shares);
  }

  @Override
  public int hashCode() {
    return shares.hashCode();
  }

  @Override
  public String toString() {
    return "MaskedInputRequest[" + shares.size() + " ciphertexts]";
  }
}
