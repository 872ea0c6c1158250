package io.secagg.transport.grpc;

import io.secagg.core.protocol.Round;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.session.ConfigPolicy;

/**
 * Observes one participation of a {@link SecAggGrpcClient}: for progress displays, and for
 * fault-injection tests that need a client to stop at a given round. Every method has a no-op
 * default and is called on the thread that called {@code participate}.
 *
 * <p>A method that blocks delays the client: the server treats a client that misses a round's
 * deadline as dropped. A method that throws an unchecked exception ends the participation with
 * that exception (the stream is cancelled first).
 */
public interface ClientListener {
  /**
   * The server's Welcome passed the client's {@link ConfigPolicy}; the session starts.
   *
   * @param group the participant's group, from 0
   * @param clientId the participant's client id in its group's session, 1..n
   * @param config the group's configuration
   */
  default void welcomed(int group, int clientId, SecAggConfig config) {}

  /**
   * The client is about to send its answer for {@code round} (called once per round it answers,
   * never for an abort notice).
   *
   * @throws InterruptedException if the thread is interrupted while the method waits; the
   *     participation then ends with an {@code IOException}
   */
  default void answering(Round round) throws InterruptedException {}

  /**
   * The stream broke and was resumed.
   *
   * @param reconnects how many times the stream has been resumed in this participation so far
   */
  default void resumed(int reconnects) {}
}
