package io.secagg.core.protocol;

import java.util.List;
import java.util.Objects;

/** Round 3 (malicious mode), server to every client in U3: the survivor set U3. */
public final class ConsistencyCheckRequest implements ServerMessage {
  private final List<Integer> survivors;

  /**
   * @param survivors U3; honest servers list it ascending
   * @throws NullPointerException if the list or an element is null
   */
  public ConsistencyCheckRequest(List<Integer> survivors) {
    this.survivors = List.copyOf(Objects.requireNonNull(survivors, "survivors"));
  }

  /** U3, unmodifiable. */
  public List<Integer> survivors() {
    return survivors;
  }

  @Override
  public Round round() {
    return Round.CONSISTENCY_CHECK;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConsistencyCheckRequest
        && survivors.equals(((ConsistencyCheckRequest) o).survivors);
  }

  @Override
  public int hashCode() {
    return survivors.hashCode();
  }

  @Override
  public String toString() {
    return "ConsistencyCheckRequest[" + survivors.size() + " survivors]";
  }
}
