package io.secagg.transport.grpc;

import com.google.protobuf.ByteString;
import io.secagg.core.session.GroupPlan;
import io.secagg.core.wire.ConfigCodec;

/** One open round on the server: its id, and every group's channel and participant slots. */
final class ServerRound {
  final ByteString roundId;
  final GroupChannel[] groups;
  private final ByteString[] configs;
  private final GroupPlan plan;

  ServerRound(GroupPlan plan, byte[] roundId, long expiryJumpNanos) {
    this.plan = plan;
    this.roundId = ByteString.copyFrom(roundId);
    this.groups = new GroupChannel[plan.groupCount()];
    this.configs = new ByteString[plan.groupCount()];
    for (int g = 0; g < groups.length; g++) {
      groups[g] = new GroupChannel(g, plan.groupConfig(g), plan.firstParticipant(g), expiryJumpNanos);
      configs[g] = ByteString.copyFrom(ConfigCodec.encode(plan.groupConfig(g)));
    }
  }

  Slot slot(int participant) {
    return groups[plan.groupOf(participant)].slots[plan.clientIdOf(participant) - 1];
  }

  ByteString encodedConfig(int group) {
    return configs[group];
  }

  @Override
  public String toString() {
    return "ServerRound[" + groups.length + " groups]";
  }
}
