package io.secagg.core.session;

import io.secagg.core.protocol.Dropout;
import io.secagg.core.protocol.Round;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one protocol round cost the server and who left in it, as measured by the server driver:
 * from the moment the round's requests left to the moment it closed. Times are wall-clock
 * nanoseconds (noisy on a loaded machine); counts and bytes are exact. Immutable.
 *
 * @param round the round
 * @param recipients the clients its request went to
 * @param answers the frames received while it was open (answers, abort notices, undecodable
 *     frames)
 * @param wallNanos from its requests leaving to its close
 * @param serverNanos time spent decoding frames and in the server machine while it was open
 *     (closing it included)
 * @param bytesSent bytes of its requests and of the notices sent while it was open
 * @param bytesReceived bytes of the frames received while it was open
 * @param dropouts the clients the server stopped counting on in this round, ascending by id
 */
public record RoundStats(Round round, int recipients, int answers, long wallNanos, long serverNanos,
    long bytesSent, long bytesReceived, List<Dropout> dropouts) {
  /**
   * Validates and copies.
   *
   * @throws NullPointerException if {@code round} or {@code dropouts} is null
   * @throws IllegalArgumentException if a count, time or byte total is negative
   */
  public RoundStats {
    Objects.requireNonNull(round, "round");
    if (recipients < 0 || answers < 0 || wallNanos < 0 || serverNanos < 0 || bytesSent < 0 || bytesReceived < 0) {
      throw new IllegalArgumentException("negative count, time or byte total");
    }
    dropouts = List.copyOf(dropouts);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT,
        "RoundStats[%s: %d recipients, %d answers, %.1f ms wall, %.1f ms server, sent %d B,"
            + " received %d B, %d dropouts]",
        round, recipients, answers, wallNanos / 1e6, serverNanos / 1e6, bytesSent, bytesReceived,
        dropouts.size());
  }
}
