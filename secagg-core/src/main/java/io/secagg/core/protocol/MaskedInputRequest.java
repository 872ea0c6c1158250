package io.secagg.core.protocol;

import java.util.List;
import java.util.Objects;

/**
 * Round 2, server to client u: the ciphertexts u's neighbours in U2 addressed to u.
 *
 * @param shares ciphertexts keyed by sender; honest servers list them by ascending sender, unmodifiable
 */
public record MaskedInputRequest(List<EncryptedShares> shares) implements ServerMessage {
  /**
   * @throws NullPointerException if the list or an element is null
   */
  public MaskedInputRequest {
    shares = List.copyOf(Objects.requireNonNull(shares, "shares"));
  }

  @Override
  public Round round() {
    return Round.MASKED_INPUT_COLLECTION;
  }

  @Override
  public String toString() {
    return "MaskedInputRequest[" + shares.size() + " ciphertexts]";
  }
}
