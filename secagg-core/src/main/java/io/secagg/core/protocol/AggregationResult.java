package io.secagg.core.protocol;

import io.secagg.core.vector.ModVector;
import java.util.List;
import java.util.Objects;

/**
 * The output of a completed session: the sum mod m of the inputs of exactly {@link
 * #includedClients()}, and who dropped out where.
 */
public final class AggregationResult {
  private final ModVector sum;
  private final List<Integer> includedClients;
  private final List<Dropout> dropouts;
  private final List<RejectedShare> rejectedShares;

  /**
   * A result in which no share was rejected.
   *
   * @param sum the unmasked sum (copied)
   * @param includedClients the clients whose inputs are in the sum, ascending
   * @param dropouts every client that did not finish, ascending by id
   * @throws NullPointerException if an argument is null
   */
  public AggregationResult(ModVector sum, List<Integer> includedClients, List<Dropout> dropouts) {
    this(sum, includedClients, dropouts, List.of());
  }

  /**
   * @param sum the unmasked sum (copied)
   * @param includedClients the clients whose inputs are in the sum, ascending
   * @param dropouts every client that did not finish, ascending by id
   * @param rejectedShares every share left out of a reconstruction, ascending by owner, kind and
   *     sender
   * @throws NullPointerException if an argument is null
   */
  public AggregationResult(
      ModVector sum, List<Integer> includedClients, List<Dropout> dropouts, List<RejectedShare> rejectedShares) {
    this.sum = Objects.requireNonNull(sum, "sum").copy();
    this.includedClients = List.copyOf(includedClients);
    this.dropouts = List.copyOf(dropouts);
    this.rejectedShares = List.copyOf(rejectedShares);
  }

  /** A copy of the sum of the included clients' inputs, mod m. */
  public ModVector sum() {
    return sum.copy();
  }

  /** The clients whose inputs are in the sum (U3), ascending, unmodifiable. */
  public List<Integer> includedClients() {
    return includedClients;
  }

  /** Every client that did not finish the session, ascending by id, unmodifiable. */
  public List<Dropout> dropouts() {
    return dropouts;
  }

  /**
   * Every unmasking share the server found to be wrong and left out, ascending by owner, kind and
   * sender; unmodifiable, empty when every share was consistent. Their senders are still among
   * {@link #includedClients()} (their masked inputs could not be withdrawn) but sent a share their
   * neighbour never dealt: a deployment should treat them as misbehaving.
   */
  public List<RejectedShare> rejectedShares() {
    return rejectedShares;
  }

  @Override
  public String toString() {
    return "AggregationResult[" + includedClients.size() + " clients included, "
        + dropouts.size() + " dropouts, " + rejectedShares.size() + " shares rejected, sum=" + sum + "]";
  }
}
