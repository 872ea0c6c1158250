package io.secagg.transport.grpc;

/**
 * Observes a {@link SecAggGrpcServer}: every method has a no-op default. Methods are called from
 * gRPC and driver threads, possibly concurrently, and must return quickly and not throw (a
 * throwing listener is ignored).
 */
public interface ServerListener {
  /**
   * A participant's Hello was accepted (a first join or a resumption).
   *
   * @param participant the global participant id
   * @param group its group index
   * @param clientId its id inside the group's session
   */
  default void participantConnected(int participant, int group, int clientId) {}

  /**
   * A participant's stream ended before its group's session did (it may resume).
   *
   * @param participant the global participant id
   */
  default void participantDisconnected(int participant) {}

  /**
   * A group's session ended (completed or aborted).
   *
   * @param outcome what the group's session produced
   */
  default void groupFinished(GroupOutcome outcome) {}
}
