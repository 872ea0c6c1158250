package io.secagg.vdaf;

import io.secagg.vdaf.internal.field.Field;
import io.secagg.vdaf.internal.field.Field128;
import io.secagg.vdaf.internal.flp.MultihotCountVecCircuit;
import io.secagg.vdaf.internal.flp.RangeCheckedInt;

/**
 * Prio3MultihotCountVec ({@code ID = 0x00000005}): each measurement is a vector of
 * {@code length} booleans with at most {@code maxWeight} set, the result the count per position.
 * Field128, one proof; the encoding appends the weight as a range-checked integer, and the
 * circuit checks that every element is a bit and that the weight matches
 * ({@code MEAS_LEN = length + bit_length(maxWeight)}, at most 2^24; chunk length default
 * {@code floor(sqrt(MEAS_LEN))}).
 *
 * <pre>{@code
 * Prio3<boolean[], long[]> multi =
 *     Prio3MultihotCountVec.builder().length(20).maxWeight(3).build();
 * }</pre>
 */
public final class Prio3MultihotCountVec {
  /** The draft's codepoint. */
  public static final int ALGORITHM_ID = 0x00000005;

  private Prio3MultihotCountVec() {}

  /** A builder; {@link Builder#length} and {@link Builder#maxWeight} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Parameters of Prio3MultihotCountVec. */
  public static final class Builder extends VectorVariantBuilder<Builder> {
    private long maxWeight;

    private Builder() {}

    /** The largest number of {@code true} entries, in {@code [1, length]}. */
    public Builder maxWeight(long maxWeight) {
      this.maxWeight = Variants.checkMax("maxWeight", maxWeight);
      return this;
    }

    /**
     * The instance.
     *
     * @throws IllegalStateException if {@code length} or {@code maxWeight} was not set
     * @throws IllegalArgumentException if {@code maxWeight > length}
     */
    public Prio3<boolean[], long[]> build() {
      Variants.requireSet(length > 0, "length");
      Variants.requireSet(maxWeight > 0, "maxWeight");
      if (maxWeight > length) {
        throw new IllegalArgumentException("maxWeight " + maxWeight + " exceeds length " + length);
      }
      int measLen = Variants.checkMeasLen((long) length + RangeCheckedInt.bits(maxWeight));
      int chunk = Variants.chunkLength(chunkLength, measLen);
      return new Prio3<>(
          "Prio3MultihotCountVec",
          ALGORITHM_ID,
          new MultihotCountVecCircuit(Field128.INSTANCE, length, maxWeight, chunk),
          shares,
          1,
          new MultihotCodec(length, maxWeight));
    }
  }

  private record MultihotCodec(int length, long maxWeight) implements Codec<boolean[], long[]> {
    @Override
    public long[] encode(Field f, boolean[] measurement) {
      if (measurement.length != length) {
        throw new IllegalArgumentException("measurement has " + measurement.length + " entries, expected " + length);
      }
      long[] v = f.newVector(length + RangeCheckedInt.bits(maxWeight));
      long weight = 0;
      for (int i = 0; i < length; i++) {
        long bit = measurement[i] ? 1 : 0;
        f.set(v, i, bit);
        weight += bit;
      }
      if (weight > maxWeight) {
        throw new IllegalArgumentException("measurement has weight above maxWeight " + maxWeight);
      }
      RangeCheckedInt.encode(f, weight, maxWeight, v, length);
      return v;
    }

    @Override
    public long[] decode(Field f, long[] aggregate, long numMeasurements) throws InvalidAggregateException {
      long[] out = Codec.counts(f, aggregate, length, numMeasurements, "count");
      if (Codec.total(out).compareTo(Codec.bound(numMeasurements, maxWeight)) > 0) {
        throw new InvalidAggregateException("total count exceeds numMeasurements * maxWeight");
      }
      return out;
    }
  }
}
