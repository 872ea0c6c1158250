package io.secagg.dp.ddg;

import io.secagg.core.vector.ModVector;
import io.secagg.dp.internal.Hadamard;
import java.util.Objects;

/**
 * The server side of the DDG pipeline: given the modular sum of the surviving clients' wrapped
 * vectors (as computed by secure aggregation), unwrap to signed integers, rescale, undo the
 * rotation and drop the padding.
 *
 * <p>The aggregate is a {@link ModVector}, so every element is in {@code [0, m)} by type; what
 * remains to check is that it is a sum of encodings of these parameters at all (its modulus and
 * its padded length), and a mismatch is an {@link InvalidAggregateException}.
 */
public final class DdgServer {
  private DdgServer() {}

  /**
   * Maps each value {@code v} of the aggregate to the representative in {@code [-floor(m/2),
   * ceil(m/2))}: {@code v - m} when {@code v >= ceil(m/2)}.
   *
   * @param aggregate the secure-aggregation sum: length {@code D} (the padded dimension), modulus
   *     {@code m}
   * @throws NullPointerException if an argument is null
   * @throws InvalidAggregateException if the aggregate's modulus is not {@code m} or its length
   *     is not {@code D} (the message names both lengths)
   */
  public static long[] unwrap(DdgParameters params, ModVector aggregate)
      throws InvalidAggregateException {
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(aggregate, "aggregate");
    if (!aggregate.modulus().equals(params.modulus())) {
      throw new InvalidAggregateException(
          "the aggregate is over Z_" + aggregate.modulus() + " but the DDG parameters use m = "
              + params.modulus());
    }
    if (aggregate.length() != params.paddedDimension()) {
      throw new InvalidAggregateException(
          "aggregate has " + aggregate.length() + " elements; the DDG pipeline pads d = "
              + params.dimension() + " to D = " + params.paddedDimension()
              + ", the vector length of the secure-aggregation session");
    }
    long m = params.modulus().longValueExact();
    long half = m - m / 2;
    long[] out = aggregate.toLongArray();
    for (int i = 0; i < out.length; i++) {
      long v = out[i];
      out[i] = v >= half ? v - m : v;
    }
    return out;
  }

  /**
   * Decodes the aggregate into the estimated sum of the clipped real updates (length {@code d}).
   *
   * @param aggregate the secure-aggregation sum of the clients' {@link DdgClient#encode}
   *     vectors: length {@code D}, modulus {@code m}
   * @param rotationSeed the round's 32-byte rotation seed
   * @return {@code d} values: the padding is dropped
   * @throws NullPointerException if an argument is null
   * @throws InvalidAggregateException as {@link #unwrap}
   * @throws IllegalArgumentException if the seed is not 32 bytes
   */
  public static double[] decode(DdgParameters params, ModVector aggregate, byte[] rotationSeed)
      throws InvalidAggregateException {
    Objects.requireNonNull(rotationSeed, "rotationSeed");
    DdgClient.checkSeed(rotationSeed);
    long[] signed = unwrap(params, aggregate);
    int n = params.paddedDimension();
    double[] y = new double[n];
    double inv = 1 / params.scale();
    for (int i = 0; i < n; i++) {
      y[i] = signed[i] * inv;
    }
    Hadamard.unrotate(y, Hadamard.signs(rotationSeed, n));
    return java.util.Arrays.copyOf(y, params.dimension());
  }
}
