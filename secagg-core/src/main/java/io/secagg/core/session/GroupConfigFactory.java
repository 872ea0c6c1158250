package io.secagg.core.session;

import io.secagg.core.protocol.SecAggConfig;

/**
 * Gives the session configuration of one group of a {@link GroupPlan}: called once per group,
 * in group order, when the plan is made.
 */
@FunctionalInterface
public interface GroupConfigFactory {
  /**
   * The configuration of {@code group}.
   *
   * @param group the group's index, first participant and size (at least 3); the returned
   *     configuration's {@code clientCount()} MUST equal its size, and a configuration that names
   *     participants (identity keys in malicious mode) lists those of ids {@code
   *     group.firstParticipant()}..{@code group.lastParticipant()}, in order
   * @return the group's configuration (vector length and modulus equal for every group)
   */
  SecAggConfig forGroup(GroupPlan.Group group);
}
