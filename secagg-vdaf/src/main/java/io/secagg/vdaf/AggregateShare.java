package io.secagg.vdaf;

/**
 * An aggregator's running sum of output shares ({@code agg_init} / {@code agg_update} /
 * {@code merge} of the draft), encoded for the collector with {@link #encode()} (the draft's
 * {@code Prio3AggShare}).
 *
 * <p>Mutable and not thread-safe: one accumulator per batch and thread, {@link #merge} to
 * combine. Memory is {@code OUTPUT_LEN} field elements whatever the number of reports. The caller
 * counts the reports it adds (the collector needs the count) and must add each report at most
 * once: Prio3 reports may be aggregated only once.
 */
public final class AggregateShare {
  private final Prio3<?, ?> prio3;
  final long[] sum;

  AggregateShare(Prio3<?, ?> prio3, long[] sum) {
    this.prio3 = prio3;
    this.sum = sum;
  }

  /**
   * Adds an output share.
   *
   * @throws IllegalArgumentException if it belongs to another Prio3 instance
   */
  public AggregateShare add(OutputShare share) {
    if (share.prio3 != prio3) {
      throw new IllegalArgumentException("output share of another Prio3 instance");
    }
    prio3.field().addInPlace(sum, share.values);
    return this;
  }

  /**
   * Adds another aggregate share of the same instance (e.g. from another thread's batch).
   *
   * @throws IllegalArgumentException if it belongs to another Prio3 instance
   */
  public AggregateShare merge(AggregateShare other) {
    if (other.prio3 != prio3) {
      throw new IllegalArgumentException("aggregate share of another Prio3 instance");
    }
    prio3.field().addInPlace(sum, other.sum);
    return this;
  }

  /** The encoding: {@code OUTPUT_LEN} field elements, little-endian, concatenated. */
  public byte[] encode() {
    return prio3.field().encode(sum);
  }

  Prio3<?, ?> prio3() {
    return prio3;
  }

  @Override
  public String toString() {
    return "AggregateShare[" + prio3.field().length(sum) + " elements, " + prio3.name() + "]";
  }
}
