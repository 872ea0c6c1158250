package io.secagg.transport.grpc;

import io.secagg.core.protocol.SecAggConfig;

/**
 * Gives the session configuration of one group of a {@link GroupPlan}: called once per group
 * when the plan is made.
 */
@FunctionalInterface
public interface GroupConfigFactory {
  /**
   * The configuration of group {@code groupIndex}.
   *
   * @param groupIndex the group, 0-based
   * @param groupSize the number of participants in the group (at least 3); the returned
   *     configuration's {@code clientCount()} MUST equal it
   * @return the group's configuration (vector length and modulus equal for every group)
   */
  SecAggConfig forGroup(int groupIndex, int groupSize);
}
