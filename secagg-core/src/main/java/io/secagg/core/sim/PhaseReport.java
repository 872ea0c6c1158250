package io.secagg.core.sim;

import io.secagg.core.protocol.Round;
import java.util.Objects;

/**
 * Cost of one round of a simulation. Times are wall-clock nanoseconds measured around the
 * machines' calls (encoding and decoding included), so they are noisy on a shared machine;
 * byte counts are exact.
 */
public final class PhaseReport {
  private final Round round;
  private final long serverNanos;
  private final long clientNanosTotal;
  private final long clientNanosMax;
  private final int clientsAnswering;
  private final long serverBytesSent;
  private final long serverBytesReceived;

  PhaseReport(
      Round round, long serverNanos, long clientNanosTotal, long clientNanosMax, int clientsAnswering,
      long serverBytesSent, long serverBytesReceived) {
    this.round = Objects.requireNonNull(round, "round");
    this.serverNanos = serverNanos;
    this.clientNanosTotal = clientNanosTotal;
    this.clientNanosMax = clientNanosMax;
    this.clientsAnswering = clientsAnswering;
    this.serverBytesSent = serverBytesSent;
    this.serverBytesReceived = serverBytesReceived;
  }

  /** The round. */
  public Round round() {
    return round;
  }

  /** Server time spent in this round: handling its answers and closing it (ns). */
  public long serverNanos() {
    return serverNanos;
  }

  /** Client time summed over all clients that handled this round's request (ns). */
  public long clientNanosTotal() {
    return clientNanosTotal;
  }

  /** The slowest single client's time for this round's request (ns). */
  public long clientNanosMax() {
    return clientNanosMax;
  }

  /** Mean client time over the clients that answered, or 0 if none did (ns). */
  public long clientNanosMean() {
    return clientsAnswering == 0 ? 0 : clientNanosTotal / clientsAnswering;
  }

  /** The number of clients that answered this round's request. */
  public int clientsAnswering() {
    return clientsAnswering;
  }

  /** Bytes the server sent with this round's requests. */
  public long serverBytesSent() {
    return serverBytesSent;
  }

  /** Bytes the server received as this round's answers. */
  public long serverBytesReceived() {
    return serverBytesReceived;
  }

  @Override
  public String toString() {
    return String.format(
        "%s: server %.1f ms, clients mean %.2f ms max %.2f ms (%d answering), server sent %d B,"
            + " received %d B",
        round, serverNanos / 1e6, clientNanosMean() / 1e6, clientNanosMax / 1e6, clientsAnswering,
        serverBytesSent, serverBytesReceived);
  }
}
