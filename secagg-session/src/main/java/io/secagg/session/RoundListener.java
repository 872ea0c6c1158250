package io.secagg.session;

/**
 * Observes a round runner ({@link SecAggRound}, {@link DpRound}, {@link PaillierRound}) as it
 * runs, phase by phase: for progress displays such as {@code secagg simulate}'s. A phase is a
 * protocol round of SecAgg ({@code ADVERTISE_KEYS}, ...) or a step of the Paillier flow ({@code
 * ENCRYPT}, ...). Every method has an empty default, so an implementation overrides only what it
 * shows.
 *
 * <p>The runner calls these methods from its threads (a SecAgg round runs its server on a thread
 * of its own), one call at a time and in event order per party; a slow listener slows the round
 * (and its measured times) down, so keep them cheap. An exception thrown by a listener is logged
 * and does not disturb the round.
 */
public interface RoundListener {
  /**
   * A phase began: its requests went to {@code participants} parties.
   *
   * @param phase the phase's name
   * @param participants the clients (or committee members) it involves
   */
  default void phaseStarted(String phase, int participants) {}

  /**
   * One more participant has dealt with the phase: it answered, aborted, or crashed.
   *
   * @param phase the phase's name
   * @param done how many of its participants have dealt with it so far (1..participants)
   * @param participants the number it involves
   */
  default void participantDone(String phase, int done, int participants) {}

  /**
   * The server has taken in one more message of the phase.
   *
   * @param phase the phase's name
   * @param received how many it has taken in during this phase so far (from 1)
   */
  default void answerReceived(String phase, int received) {}

  /**
   * A phase ended.
   *
   * @param report its costs and the dropouts recorded in it
   */
  default void phaseEnded(PhaseReport report) {}

  /** A listener that ignores every event. */
  static RoundListener none() {
    return new RoundListener() {};
  }
}
