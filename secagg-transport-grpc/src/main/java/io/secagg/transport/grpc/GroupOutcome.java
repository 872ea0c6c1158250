package io.secagg.transport.grpc;

import io.secagg.core.protocol.AbortReason;
import io.secagg.core.protocol.AggregationResult;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What one group's session produced in a round: its sum, or why it aborted. Immutable. */
public final class GroupOutcome {
  private final int group;
  private final int size;
  private final int firstParticipant;
  private final AggregationResult result;
  private final List<Integer> included;
  private final AbortReason reason;
  private final String message;

  private GroupOutcome(int group, int size, int firstParticipant, AggregationResult result,
      List<Integer> included, AbortReason reason, String message) {
    this.group = group;
    this.size = size;
    this.firstParticipant = firstParticipant;
    this.result = result;
    this.included = included;
    this.reason = reason;
    this.message = message;
  }

  static GroupOutcome completed(int group, int size, int firstParticipant, AggregationResult result) {
    List<Integer> global = result.includedClients().stream().map(c -> c + firstParticipant - 1).toList();
    return new GroupOutcome(group, size, firstParticipant, Objects.requireNonNull(result), global, null, "completed");
  }

  static GroupOutcome aborted(int group, int size, int firstParticipant, AbortReason reason, String message) {
    return new GroupOutcome(group, size, firstParticipant, null, List.of(), Objects.requireNonNull(reason), message);
  }

  /** The group index. */
  public int group() {
    return group;
  }

  /** The number of participants in the group. */
  public int size() {
    return size;
  }

  /** The smallest global participant id in the group (its client 1). */
  public int firstParticipant() {
    return firstParticipant;
  }

  /** True iff the group's session completed with a sum. */
  public boolean completed() {
    return result != null;
  }

  /**
   * The group's aggregation result; its client ids are LOCAL to the group (global id = local id
   * + {@link #firstParticipant()} - 1).
   *
   * @throws IllegalStateException if the group did not complete
   */
  public AggregationResult result() {
    if (result == null) {
      throw new IllegalStateException("group " + group + " did not complete: " + message);
    }
    return result;
  }

  /** The global ids whose inputs are in the group's sum, ascending; empty if it aborted. */
  public List<Integer> includedParticipants() {
    return included;
  }

  /** Why the group aborted; empty if it completed. */
  public Optional<AbortReason> abortReason() {
    return Optional.ofNullable(reason);
  }

  /** "completed", or the abort's description (public information only). */
  public String message() {
    return message;
  }

  @Override
  public String toString() {
    return "GroupOutcome[group=" + group + ", size=" + size + ", "
        + (completed() ? "completed, " + included.size() + " included" : "aborted " + reason) + "]";
  }
}
