package io.secagg.core.protocol;

import java.util.List;
import java.util.Objects;

/**
 * Round 4, server to client u: whose self-mask seed (alive) and whose masking key (dropped) u
 * must help reconstruct, plus, in malicious mode, its neighbours' signatures over U3.
 *
 * @param alive members of u's share group whose masked input is in the sum (u included): the
 *     clients whose self-mask seed shares are requested, unmodifiable
 * @param dropped neighbours of u that shared keys but whose masked input is not in the sum: the
 *     clients whose masking-key shares are requested, unmodifiable
 * @param signatures malicious mode: the neighbours' round-3 signatures; otherwise empty;
 *     unmodifiable
 */
public record UnmaskingRequest(
    List<Integer> alive, List<Integer> dropped, List<SurvivorSignature> signatures)
    implements ServerMessage {
  /**
   * @throws NullPointerException if a list or an element is null
   */
  public UnmaskingRequest {
    alive = List.copyOf(Objects.requireNonNull(alive, "alive"));
    dropped = List.copyOf(Objects.requireNonNull(dropped, "dropped"));
    signatures = List.copyOf(Objects.requireNonNull(signatures, "signatures"));
  }

  @Override
  public Round round() {
    return Round.UNMASKING;
  }

  @Override
  public String toString() {
    return "UnmaskingRequest[alive=" + alive.size() + ", dropped=" + dropped.size()
        + ", signatures=" + signatures.size() + "]";
  }
}
