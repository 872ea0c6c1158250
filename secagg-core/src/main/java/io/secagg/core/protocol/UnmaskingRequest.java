package io.secagg.core.protocol;

import java.util.List;
import java.util.Objects;

/**
 * Round 4, server to client u: whose self-mask seed (alive) and whose masking key (dropped) u
 * must help reconstruct, plus, in malicious mode, its neighbours' signatures over U3.
 */
public final class UnmaskingRequest implements ServerMessage {
  private final List<Integer> alive;
  private final List<Integer> dropped;
  private final List<SurvivorSignature> signatures;

  /**
   * @param alive members of u's share group whose masked input is in the sum (u included)
   * @param dropped neighbours of u that shared keys but whose masked input is not in the sum
   * @param signatures malicious mode: the neighbours' round-3 signatures; otherwise empty
   * @throws NullPointerException if a list or an element is null
   */
  public UnmaskingRequest(
      List<Integer> alive, List<Integer> dropped, List<SurvivorSignature> signatures) {
    this.alive = List.copyOf(Objects.requireNonNull(alive, "alive"));
    this.dropped = List.copyOf(Objects.requireNonNull(dropped, "dropped"));
    this.signatures = List.copyOf(Objects.requireNonNull(signatures, "signatures"));
  }

  /** The clients whose self-mask seed shares are requested, unmodifiable. */
  public List<Integer> alive() {
    return alive;
  }

  /** The clients whose masking-key shares are requested, unmodifiable. */
  public List<Integer> dropped() {
    return dropped;
  }

  /** The relayed round-3 signatures (empty in semi-honest mode), unmodifiable. */
  public List<SurvivorSignature> signatures() {
    return signatures;
  }

  @Override
  public Round round() {
    return Round.UNMASKING;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof UnmaskingRequest)) {
      return false;
    }
    UnmaskingRequest that = (UnmaskingRequest) o;
    return alive.equals(that.alive) && dropped.equals(that.dropped) && signatures.equals(that.signatures);
  }

  @Override
  public int hashCode() {
    return Objects.hash(alive, dropped, signatures);
  }

  @Override
  public String toString() {
    return "UnmaskingRequest[alive=" + alive.size() + ", dropped=" + dropped.size()
        + ", signatures=" + signatures.size() + "]";
  }
}
