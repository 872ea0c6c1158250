package io.secagg.transport.grpc;

import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.protocol.client.ClientState;
import io.secagg.core.protocol.client.ClientCompleted;

/** How one participant's round ended, as seen by the client. Immutable. */
public final class Participation {
  private final int participantId;
  private final int group;
  private final int clientId;
  private final SecAggConfig config;
  private final ClientState finalState;
  private final int reconnects;

  Participation(int participantId, int group, int clientId, SecAggConfig config, ClientState finalState, int reconnects) {
    this.participantId = participantId;
    this.group = group;
    this.clientId = clientId;
    this.config = config;
    this.finalState = finalState;
    this.reconnects = reconnects;
  }

  /** The participant's global id. */
  public int participantId() {
    return participantId;
  }

  /** The group the server placed the participant in. */
  public int group() {
    return group;
  }

  /** The participant's 1-based id inside its group's session. */
  public int clientId() {
    return clientId;
  }

  /** The configuration of the group's session (as accepted by the policy). */
  public SecAggConfig config() {
    return config;
  }

  /**
   * The client machine's final state: {@code ClientCompleted}, or {@code ClientAborted} (including a session
   * the server ended without completing this client, reported as cancelled).
   */
  public ClientState finalState() {
    return finalState;
  }

  /** True iff the client machine completed. */
  public boolean completed() {
    return finalState instanceof ClientCompleted;
  }

  /** How many times the stream was re-established after breaking. */
  public int reconnects() {
    return reconnects;
  }

  @Override
  public String toString() {
    return "Participation[participant=" + participantId + ", group=" + group + ", client=" + clientId
        + ", " + finalState + ", reconnects=" + reconnects + "]";
  }
}
