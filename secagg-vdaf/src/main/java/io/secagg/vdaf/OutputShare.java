package io.secagg.vdaf;

/**
 * An aggregator's output share of one verified report: a share of the report's aggregatable
 * output ({@code OUTPUT_LEN} field elements). It only exists for reports that passed
 * verification; add it to an {@link AggregateShare} of the same Prio3 instance.
 *
 * <p>Immutable. {@link #toString()} shows no values: an output share is secret.
 */
public final class OutputShare {
  final Prio3<?, ?> prio3;
  final long[] values;

  OutputShare(Prio3<?, ?> prio3, long[] values) {
    this.prio3 = prio3;
    this.values = values;
  }

  /** Number of field elements. */
  public int length() {
    return prio3.field().length(values);
  }

  /** The encoding: the field elements, little-endian, concatenated. */
  public byte[] encode() {
    return prio3.field().encode(values);
  }

  @Override
  public String toString() {
    return "OutputShare[" + length() + " elements]";
  }
}
