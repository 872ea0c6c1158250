package io.secagg.vdaf;

import io.secagg.vdaf.internal.field.Field;
import io.secagg.vdaf.internal.field.Field64;
import io.secagg.vdaf.internal.flp.CountCircuit;

/**
 * Prio3Count ({@code ID = 0x00000001}): each measurement is a bit, the result is how many are
 * set. Field64, one proof, circuit {@code x * x - x} with the {@code Mul} gadget.
 *
 * <pre>{@code
 * Prio3<Boolean, Long> count = Prio3Count.create();   // two aggregators
 * }</pre>
 */
public final class Prio3Count {
  /** The draft's codepoint. */
  public static final int ALGORITHM_ID = 0x00000001;

  private Prio3Count() {}

  /** Prio3Count with two aggregators. */
  public static Prio3<Boolean, Long> create() {
    return builder().build();
  }

  /** A builder (default: two aggregators). */
  public static Builder builder() {
    return new Builder();
  }

  /** Parameters of Prio3Count. */
  public static final class Builder extends VariantBuilder<Builder> {
    private Builder() {}

    /** The instance. */
    public Prio3<Boolean, Long> build() {
      return new Prio3<>("Prio3Count", ALGORITHM_ID, new CountCircuit(Field64.INSTANCE), shares, 1, new CountCodec());
    }
  }

  private static final class CountCodec implements Codec<Boolean, Long> {
    @Override
    public long[] encode(Field f, Boolean measurement) {
      long[] v = f.newVector(1);
      f.set(v, 0, measurement ? 1 : 0);
      return v;
    }

    @Override
    public Long decode(Field f, long[] aggregate, long numMeasurements) throws InvalidAggregateException {
      return Codec.counts(f, aggregate, 1, numMeasurements, "count")[0];
    }
  }
}
