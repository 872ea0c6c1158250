package io.secagg.core.protocol.server;

import io.secagg.core.protocol.AggregationResult;
import java.util.Objects;

/** The session completed: the sum and the set of included clients are known. Terminal. */
public final class Completed extends ServerState {
  private final AggregationResult result;

  Completed(AggregationResult result) {
    this.result = Objects.requireNonNull(result, "result");
  }

  /** The aggregation result. */
  public AggregationResult result() {
    return result;
  }

  @Override
  public boolean isTerminal() {
    return true;
  }

  @Override
  public String toString() {
    return "Completed[" + result + "]";
  }
}
