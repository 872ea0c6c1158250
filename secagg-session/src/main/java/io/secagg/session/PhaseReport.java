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
 */
public final class PhaseReport {
  private final String name;
  private final int participants;
  private final int answers;
  private final long wallNanos;
  private final long serverNanos;
  private final long participantNanosTotal;
  private final long participantNanosMax;
  private final long serverBytesSent;
  private final long serverBytesReceived;
  private final List<Dropout> dropouts;

  PhaseReport(String name, int participants, int answers, long wallNanos, long serverNanos,
      long participantNanosTotal, long participantNanosMax, long serverBytesSent,
      long serverBytesReceived, List<Dropout> dropouts) {
    this.name = Objects.requireNonNull(name, "name");
    this.participants = participants;
    this.answers = answers;
    this.wallNanos = wallNanos;
    this.serverNanos = serverNanos;
    this.participantNanosTotal = participantNanosTotal;
    this.participantNanosMax = participantNanosMax;
    this.serverBytesSent = serverBytesSent;
    this.serverBytesReceived = serverBytesReceived;
    this.dropouts = List.copyOf(dropouts);
  }

  /** The phase's name: a SecAgg round ({@code SHARE_KEYS}, ...) or a Paillier step ({@code ENCRYPT}, ...). */
  public String name() {
    return name;
  }

  /** The clients (or committee members) the phase involved. */
  public int participants() {
    return participants;
  }

  /** The participants that answered (sent the phase's message; aborts and crashes excluded). */
  public int answers() {
    return answers;
  }

  /** Wall-clock time from the phase's start to its end (ns). */
  public long wallNanos() {
    return wallNanos;
  }

  /** Server time in the phase (ns). */
  public long serverNanos() {
    return serverNanos;
  }

  /** Participant time summed over the participants (ns). */
  public long participantNanosTotal() {
    return participantNanosTotal;
  }

  /** The slowest single participant's time (ns). */
  public long participantNanosMax() {
    return participantNanosMax;
  }

  /** Mean participant time over those that answered, or 0 if none did (ns). */
  public long participantNanosMean() {
    return answers == 0 ? 0 : participantNanosTotal / answers;
  }

  /** Bytes the server sent in the phase. */
  public long serverBytesSent() {
    return serverBytesSent;
  }

  /** Bytes the server received in the phase. */
  public long serverBytesReceived() {
    return serverBytesReceived;
  }

  /** The clients the server stopped counting on in this phase, with why, ascending by id. */
  public List<Dropout> dropouts() {
    return dropouts;
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
