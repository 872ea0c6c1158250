package io.secagg.vdaf;

import io.secagg.vdaf.internal.field.Field;
import java.math.BigInteger;

/**
 * How a variant turns measurements into field vectors ({@code flp.encode}) and aggregates back
 * into results ({@code flp.decode}), with the plausibility checks of {@link Prio3#unshard}.
 */
interface Codec<M, R> {
  /**
   * The encoded measurement of length {@code MEAS_LEN}.
   *
   * @throws IllegalArgumentException if the measurement is not valid for the variant
   */
  long[] encode(Field f, M measurement);

  /**
   * The aggregate result from the sum of aggregate shares.
   *
   * @throws InvalidAggregateException if no {@code numMeasurements} valid measurements sum to it
   */
  R decode(Field f, long[] aggregate, long numMeasurements) throws InvalidAggregateException;

  /**
   * Fails unless every element of {@code aggregate} is at most {@code bound}; skipped when the
   * bound is not below the modulus (the sum may then wrap around and nothing can be checked).
   */
  static void checkEach(Field f, long[] aggregate, BigInteger bound, String what)
      throws InvalidAggregateException {
    if (bound.compareTo(f.modulus()) >= 0) {
      return;
    }
    for (int i = 0; i < f.length(aggregate); i++) {
      if (f.toBigInteger(aggregate, i).compareTo(bound) > 0) {
        throw new InvalidAggregateException(what + " " + i + " exceeds what the measurements can sum to");
      }
    }
  }

  /**
   * The first {@code length} elements of {@code aggregate} as integers, after
   * {@link #checkEach} against {@code bound}.
   */
  static BigInteger[] sums(Field f, long[] aggregate, int length, BigInteger bound, String what)
      throws InvalidAggregateException {
    checkEach(f, aggregate, bound, what);
    BigInteger[] out = new BigInteger[length];
    for (int i = 0; i < length; i++) {
      out[i] = f.toBigInteger(aggregate, i);
    }
    return out;
  }

  /**
   * The first {@code length} elements of {@code aggregate} as counts, each checked to be at most
   * {@code numMeasurements} (so each fits a {@code long}).
   */
  static long[] counts(Field f, long[] aggregate, int length, long numMeasurements, String what)
      throws InvalidAggregateException {
    BigInteger[] sums = sums(f, aggregate, length, BigInteger.valueOf(numMeasurements), what);
    long[] out = new long[length];
    for (int i = 0; i < length; i++) {
      out[i] = sums[i].longValueExact();
    }
    return out;
  }

  /** The exact sum of {@code counts}. */
  static BigInteger total(long[] counts) {
    BigInteger total = BigInteger.ZERO;
    for (long c : counts) {
      total = total.add(BigInteger.valueOf(c));
    }
    return total;
  }

  /** {@code numMeasurements * max} as a BigInteger. */
  static BigInteger bound(long numMeasurements, long max) {
    return BigInteger.valueOf(numMeasurements).multiply(BigInteger.valueOf(max));
  }
}
