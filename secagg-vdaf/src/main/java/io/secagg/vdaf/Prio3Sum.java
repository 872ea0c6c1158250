package io.secagg.vdaf;

import io.secagg.vdaf.internal.field.Field;
import io.secagg.vdaf.internal.field.Field64;
import io.secagg.vdaf.internal.flp.RangeCheckedInt;
import io.secagg.vdaf.internal.flp.SumCircuit;
import java.math.BigInteger;

/**
 * Prio3Sum ({@code ID = 0x00000002}): each measurement is an integer in
 * {@code [0, maxMeasurement]}, the result is their sum. Field64, one proof; the measurement is
 * encoded as {@code bit_length(maxMeasurement)} bits with the draft's weights, each checked by
 * {@code PolyEval(x^2 - x)}.
 *
 * <pre>{@code
 * Prio3<Long, BigInteger> sum = Prio3Sum.builder().maxMeasurement(255).build();
 * }</pre>
 */
public final class Prio3Sum {
  /** The draft's codepoint. */
  public static final int ALGORITHM_ID = 0x00000002;

  private Prio3Sum() {}

  /** A builder; {@link Builder#maxMeasurement} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Parameters of Prio3Sum. */
  public static final class Builder extends VariantBuilder<Builder> {
    private long maxMeasurement;

    private Builder() {}

    /**
     * The largest valid measurement, at least 1 (any {@code long}: measurements are non-negative
     * longs).
     */
    public Builder maxMeasurement(long maxMeasurement) {
      this.maxMeasurement = Variants.checkMax("maxMeasurement", maxMeasurement);
      return this;
    }

    /**
     * The instance.
     *
     * @throws IllegalStateException if {@code maxMeasurement} was not set
     */
    public Prio3<Long, BigInteger> build() {
      Variants.requireSet(maxMeasurement > 0, "maxMeasurement");
      return new Prio3<>(
          "Prio3Sum", ALGORITHM_ID, new SumCircuit(Field64.INSTANCE, maxMeasurement), shares, 1, new SumCodec(maxMeasurement));
    }
  }

  private record SumCodec(long max) implements Codec<Long, BigInteger> {
    @Override
    public long[] encode(Field f, Long measurement) {
      long[] v = f.newVector(RangeCheckedInt.bits(max));
      RangeCheckedInt.encode(f, measurement, max, v, 0);
      return v;
    }

    @Override
    public BigInteger decode(Field f, long[] aggregate, long numMeasurements) throws InvalidAggregateException {
      return Codec.sums(f, aggregate, 1, Codec.bound(numMeasurements, max), "sum")[0];
    }
  }
}
