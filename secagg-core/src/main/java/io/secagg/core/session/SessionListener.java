package io.secagg.core.session;

import io.secagg.core.protocol.AbortReason;
import io.secagg.core.protocol.AggregationResult;
import io.secagg.core.protocol.LeaveReason;
import io.secagg.core.protocol.Round;
import io.secagg.core.protocol.SecAggConfig;

/**
 * Observes one SecAgg session from the server's side as its driver runs it: phases (rounds),
 * timings, bytes and dropouts. Every method has an empty default, so an implementation overrides
 * only what it shows.
 *
 * <p>The driver calls these methods on its own thread, in event order, between the machine's
 * calls; a slow listener slows the session down, so keep them cheap (hand work to another thread
 * if needed). An exception thrown by a listener is caught and logged by the driver and does not
 * disturb the session.
 */
public interface SessionListener {
  /**
   * The session has started: round 0's requests are about to leave.
   *
   * @param config the session's configuration
   */
  default void sessionStarted(SecAggConfig config) {}

  /**
   * A round's requests have left; called once per round the session reaches, in protocol order.
   *
   * @param round the round just opened
   * @param recipients the number of clients its request went to
   */
  default void roundStarted(Round round, int recipients) {}

  /**
   * A frame from {@code clientId} was taken in while the server collected {@code round}.
   *
   * @param round the round being collected
   * @param clientId the sender
   * @param received how many frames the round has taken in so far (from 1)
   */
  default void answerReceived(Round round, int clientId, int received) {}

  /**
   * The transport reported {@code clientId} gone; the server stops waiting for it at once.
   *
   * @param round the round being collected
   * @param clientId the client
   * @param reason how the transport learnt it
   */
  default void clientLeft(Round round, int clientId, LeaveReason reason) {}

  /**
   * A round closed.
   *
   * @param stats its costs and the clients that left in it
   */
  default void roundEnded(RoundStats stats) {}

  /**
   * The session completed with a sum.
   *
   * @param result the sum, the included clients and every dropout
   */
  default void sessionCompleted(AggregationResult result) {}

  /**
   * The session aborted without a sum.
   *
   * @param reason the abort reason code
   * @param message the machine's description of the failed rule (no secrets)
   */
  default void sessionAborted(AbortReason reason, String message) {}

  /** A listener that ignores every event. */
  static SessionListener none() {
    return new SessionListener() {};
  }
}
