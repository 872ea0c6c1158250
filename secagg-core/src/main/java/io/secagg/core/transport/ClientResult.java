package io.secagg.core.transport;

import io.secagg.core.protocol.AbortReason;
import io.secagg.core.protocol.client.ClientAborted;
import io.secagg.core.protocol.client.ClientCompleted;
import io.secagg.core.protocol.client.ClientState;
import java.util.Objects;
import java.util.Optional;

/**
 * How one client's part of a session ended, as the client saw it: completed (it sent its
 * unmasking response, so its input is in the sum unless the server aborts afterwards) or
 * aborted, with the reason. Immutable; returned by {@link ClientDriver#run()}.
 *
 * @param clientId the client's id in its session
 * @param finalState the machine's state when it stopped: {@code ClientCompleted}, {@code
 *     ClientAborted}, or a round state when the session ended before the client finished
 *     (reported as aborted with {@link AbortReason#CANCELLED})
 */
public record ClientResult(int clientId, ClientState finalState) {
  /**
   * Checks the state.
   *
   * @throws NullPointerException if {@code finalState} is null
   */
  public ClientResult {
    Objects.requireNonNull(finalState, "finalState");
  }

  /** True iff the client completed its part of the session. */
  public boolean completed() {
    return finalState instanceof ClientCompleted;
  }

  /** Why the client stopped without completing; empty if it completed. */
  public Optional<AbortReason> abortReason() {
    if (completed()) {
      return Optional.empty();
    }
    return Optional.of(finalState instanceof ClientAborted ? ((ClientAborted) finalState).reason() : AbortReason.CANCELLED);
  }

  /** "completed", or a description of why it stopped (public information only). */
  public String message() {
    if (completed()) {
      return "completed";
    }
    if (finalState instanceof ClientAborted) {
      return ((ClientAborted) finalState).message();
    }
    return "the session ended while the client was in " + finalState.name();
  }

  @Override
  public String toString() {
    return "ClientResult[client " + clientId + ", " + (completed() ? "completed"
        : "aborted " + abortReason().orElseThrow() + ": " + message()) + "]";
  }
}
