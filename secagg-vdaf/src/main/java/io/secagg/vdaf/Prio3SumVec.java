package io.secagg.vdaf;

import io.secagg.vdaf.internal.field.Field;
import io.secagg.vdaf.internal.field.Field128;
import io.secagg.vdaf.internal.flp.RangeCheckedInt;
import io.secagg.vdaf.internal.flp.SumVecCircuit;
import java.math.BigInteger;

/**
 * Prio3SumVec ({@code ID = 0x00000003}): each measurement is a vector of {@code length} integers
 * in {@code [0, maxMeasurement]}, the result is their element-wise sum. Field128, one proof; each
 * element becomes {@code bits = bit_length(maxMeasurement)} range-checked bits, checked in chunks
 * of {@code chunkLength} by one {@code ParallelSum(Mul)} gadget ({@code MEAS_LEN = length * bits},
 * at most 2^24).
 *
 * <pre>{@code
 * Prio3<long[], BigInteger[]> vec =
 *     Prio3SumVec.builder().length(100_000).maxMeasurement(255).build();  // chunk length 894
 * }</pre>
 *
 * <p>The chunk length trades proof size against gadget arity; the draft recommends about
 * {@code sqrt(length * bits)}, the default here ({@code floor}, at least 1).
 * {@link #shortestProofChunkLength} finds the one that minimises the proof (and roughly the
 * client's work): for 100,000 x 16 bits it is 1565 instead of 1264, which cuts sharding time by
 * almost half.
 */
public final class Prio3SumVec {
  /** The draft's codepoint. */
  public static final int ALGORITHM_ID = 0x00000003;

  private Prio3SumVec() {}

  /** A builder; {@link Builder#length} and {@link Builder#maxMeasurement} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Parameters of Prio3SumVec. */
  public static final class Builder extends VectorVariantBuilder<Builder> {
    private long maxMeasurement;

    private Builder() {}

    /** The largest valid element, at least 1. */
    public Builder maxMeasurement(long maxMeasurement) {
      this.maxMeasurement = Variants.checkMax("maxMeasurement", maxMeasurement);
      return this;
    }

    /**
     * The instance.
     *
     * @throws IllegalStateException if {@code length} or {@code maxMeasurement} was not set
     * @throws IllegalArgumentException if {@code length * bits} exceeds 2^24 or the chunk length
     *     exceeds it
     */
    public Prio3<long[], BigInteger[]> build() {
      Variants.requireSet(length > 0, "length");
      Variants.requireSet(maxMeasurement > 0, "maxMeasurement");
      return Prio3SumVec.build("Prio3SumVec", ALGORITHM_ID, Field128.INSTANCE, 1, shares, length, maxMeasurement, chunkLength);
    }
  }

  /**
   * The chunk length that gives the shortest proof for vectors of {@code length} elements in
   * {@code [0, maxMeasurement]} (e.g. 783 for 100,000 x 8 bits, 1565 for 100,000 x 16 bits).
   * Clients and aggregators must use the same chunk length; pass it to
   * {@link Builder#chunkLength}.
   *
   * @param length the vector length, at least 1
   * @param maxMeasurement the largest element, at least 1
   * @return a chunk length in {@code [1, length * bit_length(maxMeasurement)]}
   * @throws IllegalArgumentException if a parameter is out of range
   */
  public static int shortestProofChunkLength(int length, long maxMeasurement) {
    Variants.checkLength(length);
    Variants.checkMax("maxMeasurement", maxMeasurement);
    return Variants.shortestProofChunkLength(
        Variants.checkMeasLen((long) length * RangeCheckedInt.bits(maxMeasurement)));
  }

  static Prio3<long[], BigInteger[]> build(
      String name, int id, Field field, int proofs, int shares, int length, long max, int chunkGiven) {
    int measLen = Variants.checkMeasLen((long) length * RangeCheckedInt.bits(max));
    int chunk = Variants.chunkLength(chunkGiven, measLen);
    return new Prio3<>(name, id, new SumVecCircuit(field, length, max, chunk), shares, proofs, new SumVecCodec(length, max));
  }

  record SumVecCodec(int length, long max) implements Codec<long[], BigInteger[]> {
    @Override
    public long[] encode(Field f, long[] measurement) {
      if (measurement.length != length) {
        throw new IllegalArgumentException("measurement has " + measurement.length + " elements, expected " + length);
      }
      int bits = RangeCheckedInt.bits(max);
      long[] v = f.newVector(length * bits);
      for (int i = 0; i < length; i++) {
        RangeCheckedInt.encode(f, measurement[i], max, v, i * bits);
      }
      return v;
    }

    @Override
    public BigInteger[] decode(Field f, long[] aggregate, long numMeasurements) throws InvalidAggregateException {
      return Codec.sums(f, aggregate, length, Codec.bound(numMeasurements, max), "element");
    }
  }
}
