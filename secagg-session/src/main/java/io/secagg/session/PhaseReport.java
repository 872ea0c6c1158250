package io.secagg.session;

import io.secagg.core.protocol.Dropout;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one phase of a round cost: wall-clock time, the server's and the participants' time,
 * answers, the server's bytes and the dropouts recorded in the phase. Times are wall-clock
 * nanoseconds measured around each party's work (so they are noisy on a shared machine); counts
 * and bytes are exact. Immutable.
 *
 * @param name the phase: a SecAgg round ({@code SHARE_KEYS}, ...) or a Paillier step ({@code
 *     ENCRYPT_AND_ADD}, ...)
 * @param participants the clients (or committee members) the phase involved
 * @param answers the participants that answered (sent the phase's message; aborts and crashes
 *     excluded)
 * @param wallNanos from the phase's start to its end
 * @param serverNanos server time in the phase
 * @param participantNanosTotal participant time summed over the participants
 * @param participantNanosMax the slowest single participant's time
 * @param serverBytesSent bytes the server sent in the phase
 * @param serverBytesReceived bytes the server received in the phase
 * @param dropouts the clients the server stopped counting on in this phase, ascending by id
 */
public record PhaseReport(String name, int participants, int answers, long wallNanos, long serverNanos,
    long participantNanosTotal, long participantNanosMax, long serverBytesSent, long serverBytesReceived,
    List<Dropout> dropouts) {
  /**
   * Validates and copies.
   *
   * @throws NullPointerException if {@code name} or {@code dropouts} is null
   */
  public PhaseReport {
    Objects.requireNonNull(name, "name");
    dropouts = List.copyOf(dropouts);
  }

  /** Mean participant time over those that answered, or 0 if none did (ns). */
  public long participantNanosMean() {
    return answers == 0 ? 0 : participantNanosTotal / answers;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT,
        "%s: wall %.1f ms, server %.1f ms, participants mean %.2f ms max %.2f ms (%d of %d answering),"
            + " server sent %d B, received %d B, %d dropouts",
        name, wallNanos / 1e6, serverNanos / 1e6, participantNanosMean() / 1e6, participantNanosMax / 1e6,
        answers, participants, serverBytesSent, serverBytesReceived, dropouts.size());
  }
}
