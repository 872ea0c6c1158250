package io.secagg.core.session;

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

  /**
   * A group whose session completed.
   *
   * @param group the group
   * @param result its session's result (client ids local to the group)
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the result names a client outside the group
   */
  public static GroupOutcome completed(GroupPlan.Group group, AggregationResult result) {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(result, "result");
    int first = group.firstParticipant();
    for (int c : result.includedClients()) {
      if (c < 1 || c > group.size()) {
        throw new IllegalArgumentException("client " + c + " is not in group " + group.index() + " of " + group.size());
      }
    }
    List<Integer> global = result.includedClients().stream().map(c -> c + first - 1).toList();
    return new GroupOutcome(group.index(), group.size(), first, result, global, null, "completed");
  }

  /**
   * A group whose session ended without a sum.
   *
   * @param group the group
   * @param reason why
   * @param message a description of the failure (public information only)
   * @throws NullPointerException if an argument is null
   */
  public static GroupOutcome aborted(GroupPlan.Group group, AbortReason reason, String message) {
    Objects.requireNonNull(group, "group");
    return new GroupOutcome(group.index(), group.size(), group.firstParticipant(), null, List.of(),
        Objects.requireNonNull(reason, "reason"), Objects.requireNonNull(message, "message"));
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
