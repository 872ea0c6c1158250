package io.secagg.vdaf;

import io.secagg.vdaf.internal.field.Field;
import io.secagg.vdaf.internal.field.Field128;
import io.secagg.vdaf.internal.flp.HistogramCircuit;
import java.math.BigInteger;

/**
 * Prio3Histogram ({@code ID = 0x00000004}): each measurement is a bucket index in
 * {@code [0, length)}, the result the count per bucket. Field128, one proof; the measurement is a
 * one-hot vector ({@code MEAS_LEN = length}, at most 2^24), checked to be bits (in chunks of
 * {@code chunkLength}, default {@code floor(sqrt(length))}) that sum to one.
 *
 * <pre>{@code
 * Prio3<Integer, long[]> hist = Prio3Histogram.builder().length(10).build();
 * }</pre>
 */
public final class Prio3Histogram {
  /** The draft's codepoint. */
  public static final int ALGORITHM_ID = 0x00000004;

  private Prio3Histogram() {}

  /** A builder; {@link Builder#length} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Parameters of Prio3Histogram. */
  public static final class Builder extends VectorVariantBuilder<Builder> {
    private Builder() {}

    /**
     * The instance.
     *
     * @throws IllegalStateException if {@code length} was not set
     */
    public Prio3<Integer, long[]> build() {
      Variants.requireSet(length > 0, "length");
      int measLen = Variants.checkMeasLen(length);
      int chunk = Variants.chunkLength(chunkLength, measLen);
      return new Prio3<>(
          "Prio3Histogram", ALGORITHM_ID, new HistogramCircuit(Field128.INSTANCE, length, chunk), shares, 1, new HistogramCodec(length));
    }
  }

  private record HistogramCodec(int length) implements Codec<Integer, long[]> {
    @Override
    public long[] encode(Field f, Integer measurement) {
      int m = measurement;
      if (m < 0 || m >= length) {
        throw new IllegalArgumentException("bucket " + m + " not in [0, " + length + ")");
      }
      long[] v = f.newVector(length);
      for (int i = 0; i < length; i++) {
        // 1 iff i == m, without a branch or a store at a secret index.
        f.set(v, i, ((long) (i ^ m) - 1) >>> 63);
      }
      return v;
    }

    @Override
    public long[] decode(Field f, long[] aggregate, long numMeasurements) throws InvalidAggregateException {
      long[] out = Codec.counts(f, aggregate, length, numMeasurements, "bucket");
      if (!Codec.total(out).equals(BigInteger.valueOf(numMeasurements))) {
        throw new InvalidAggregateException("bucket counts do not add up to the number of measurements");
      }
      return out;
    }
  }
}
