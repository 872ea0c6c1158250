package io.secagg.core.session;

import io.secagg.core.vector.ModVector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** The outcome of one round over every group: the sum of the completed groups' sums. */
public final class GroupedResult {
  private final ModVector sum;
  private final List<GroupOutcome> groups;
  private final List<Integer> included;

  /**
   * The round's result: the sum mod m of the completed groups' sums.
   *
   * @param plan the round's plan
   * @param outcomes every group's outcome, by group index
   * @throws NullPointerException if an argument or an outcome is null
   * @throws IllegalArgumentException if the outcomes do not match the plan's groups
   */
  public static GroupedResult of(GroupPlan plan, List<GroupOutcome> outcomes) {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(outcomes, "outcomes");
    if (outcomes.size() != plan.groupCount()) {
      throw new IllegalArgumentException(outcomes.size() + " outcomes for " + plan.groupCount() + " groups");
    }
    ModVector sum = ModVector.zeros(plan.modulus(), plan.vectorLength());
    for (int g = 0; g < outcomes.size(); g++) {
      GroupOutcome o = Objects.requireNonNull(outcomes.get(g), "outcome");
      if (o.group() != g || o.size() != plan.groupSize(g)) {
        throw new IllegalArgumentException("outcome " + g + " is for group " + o.group() + " of " + o.size());
      }
      if (o.completed()) {
        sum.addInPlace(o.result().sum());
      }
    }
    return new GroupedResult(sum, outcomes);
  }

  private GroupedResult(ModVector sum, List<GroupOutcome> groups) {
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
