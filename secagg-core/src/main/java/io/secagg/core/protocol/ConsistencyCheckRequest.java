package io.secagg.core.protocol;

import java.util.List;
import java.util.Objects;

/**
 * Round 3 (malicious mode), server to every client in U3: the survivor set U3.
 *
 * @param survivors U3; honest servers list it ascending, unmodifiable
 */
public record ConsistencyCheckRequest(List<Integer> survivors) implements ServerMessage {
  /**
   * @throws NullPointerException if the list or an element is null
   */
  public ConsistencyCheckRequest {
    survivors = List.copyOf(Objects.requireNonNull(survivors, "survivors"));
  }

  @Override
  public Round round() {
    return Round.CONSISTENCY_CHECK;
  }

  @Override
  public String toString() {
    return "ConsistencyCheckRequest[" + survivors.size() + " survivors]";
  }
}
