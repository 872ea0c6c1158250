package io.secagg.transport.grpc;

import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.protocol.client.ClientState;
import io.secagg.core.protocol.client.ClientCompleted;
import java.util.Objects;

/**
 * How one participant's round ended, as seen by the client. Immutable.
 *
 * @param participantId the participant's global id
 * @param group the group the server placed the participant in
 * @param clientId the participant's 1-based id inside its group's session
 * @param config the configuration of the group's session (as accepted by the policy)
 * @param finalState the client machine's final state: {@code ClientCompleted}, or {@code
 *     ClientAborted} (including a session the server ended without completing this client,
 *     reported as cancelled)
 * @param reconnects how many times the stream was re-established after breaking
 */
public record Participation(
    int participantId, int group, int clientId, SecAggConfig config, ClientState finalState, int reconnects) {
  /**
   * @throws NullPointerException if {@code config} or {@code finalState} is null
   */
  public Participation {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(finalState, "finalState");
  }

  /** True iff the client machine completed. */
  public boolean completed() {
    return finalState instanceof ClientCompleted;
  }

  @Override
  public String toString() {
    return "Participation[participant=" + participantId + ", group=" + group + ", client=" + clientId
        + ", " + finalState + ", reconnects=" + reconnects + "]";
  }
}
