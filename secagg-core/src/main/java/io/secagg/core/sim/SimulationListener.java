package io.secagg.core.sim;

import io.secagg.core.protocol.Round;

/**
 * Observes a simulation as it runs, for progress displays such as {@code secagg simulate}'s.
 * Every method has an empty default, so an implementation overrides only what it shows.
 *
 * <p>The simulator calls these methods on the thread that called {@link
 * Simulator#run(SimulationSpec, SimulationListener)}, in event order, between the machines'
 * calls; a slow listener slows the simulation (and its measured times) down, so keep them cheap.
 * An exception thrown by a listener propagates out of {@code run} and ends the simulation.
 */
public interface SimulationListener {
  /**
   * The server has sent round {@code round}'s request to {@code recipients} clients; called
   * once per round the session reaches, in protocol order.
   *
   * @param round the round just opened
   * @param recipients the number of clients the request went to (1..n)
   */
  default void roundStarted(Round round, int recipients) {}

  /**
   * A client has dealt with round {@code round}'s request: it answered, aborted, or (by the
   * dropout schedule) left without answering. {@code done} counts up to at most {@code
   * recipients}; it stays below when a client is cut off earlier (for example by an abort).
   *
   * @param round the round whose request the client received
   * @param done how many of this round's recipients have dealt with it so far (1..recipients)
   * @param recipients the number of clients the request went to
   */
  default void clientDone(Round round, int done, int recipients) {}

  /**
   * The server has taken in one more message while collecting round {@code round}.
   *
   * @param round the round the server was collecting when the message arrived
   * @param received how many messages it has taken in during this round so far (from 1)
   */
  default void answerReceived(Round round, int received) {}

  /** A listener that ignores every event. */
  static SimulationListener none() {
    return new SimulationListener() {};
  }
}
