package io.secagg.transport.grpc;

import java.io.IOException;
import java.util.Objects;

/**
 * The server refused the participant or ended its session with a definite answer (a wrong or
 * unauthenticated id, an id that already joined, no session to resume, a protocol error):
 * retrying the same request cannot succeed, so the client does not retry.
 *
 * <p>{@link #status()} is the gRPC status code name the server closed the stream with (for
 * example {@code "PERMISSION_DENIED"}); see {@code spec/transport.md}, section 7.8.
 */
public final class SessionRefusedException extends IOException {
  private static final long serialVersionUID = 1L;
  /** The gRPC status code name. */
  private final String status;

  /**
   * @param status the gRPC status code name
   * @param message the server's description (public information only)
   * @throws NullPointerException if {@code status} is null
   */
  public SessionRefusedException(String status, String message) {
    super(Objects.requireNonNull(status, "status") + ": " + message);
    this.status = status;
  }

  /** The gRPC status code name, such as {@code "ALREADY_EXISTS"}. */
  public String status() {
    return status;
  }
}
