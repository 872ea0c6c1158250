package io.secagg.transport.grpc;

import io.secagg.core.vector.ModVector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The outcome of one round over every group: the sum of the completed groups' sums. */
public final class GroupedResult {
  private final ModVector sum;
  private final List<GroupOutcome> groups;
  private final List<Integer> included;

  GroupedResult(ModVector sum, List<GroupOutcome> groups) {
    this.sum = sum;
    this.groups = List.copyOf(groups);
    List<Integer> all = new ArrayList<>();
    for (GroupOutcome g : groups) {
      all.addAll(g.includedParticipants());
    }
    Collections.sort(all);
    this.included = Collections.unmodifiableList(all);
  }

  /** The sum mod m of the completed groups' sums (all zeros if none completed); a copy. */
  public ModVector sum() {
    return sum.copy();
  }

  /** Every group's outcome, by group index. */
  public List<GroupOutcome> groups() {
    return groups;
  }

  /** The global ids whose inputs are in {@link #sum()}, ascending. */
  public List<Integer> includedParticipants() {
    return included;
  }

  /** True iff every group completed. */
  public boolean allGroupsCompleted() {
    return groups.stream().allMatch(GroupOutcome::completed);
  }

  @Override
  public String toString() {
    return "GroupedResult[" + groups.size() + " groups, " + included.size() + " participants included]";
  }
}
