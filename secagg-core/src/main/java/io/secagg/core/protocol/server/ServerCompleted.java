package io.secagg.core.protocol.server;

import io.secagg.core.protocol.AggregationResult;
import java.util.Objects;

/**
 * The server's session completed: the sum and the set of included clients are known. Terminal;
 * its {@link #name()} is the specification's {@code "Completed"}.
 */
public final class ServerCompleted extends ServerState {
  private final AggregationResult result;

  ServerCompleted(AggregationResult result) {
    super("Completed");
    this.result = Objects.requireNonNull(result, "result");
  }

  /** The aggregation result. */
  public AggregationResult result() {
    return result;
  }

  @Override
  public String toString() {
    return "ServerCompleted[" + result + "]";
  }
}
