package io.secagg.dp.ddg;

import io.secagg.dp.internal.Hadamard;
import java.util.Objects;

/**
 * The server side of the DDG pipeline: given the modular sum of the surviving clients' wrapped
 * vectors (as computed by secure aggregation), unwrap to signed integers, rescale, undo the
 * rotation and drop the padding.
 */
public final class DdgServer {
  private DdgServer() {}

  /**
   * Maps each value {@code v} in {@code [0, m)} to the representative in {@code [-floor(m/2),
   * ceil(m/2))}: {@code v - m} when {@code v >= ceil(m/2)}.
   *
   * @throws NullPointerException if an argument is null
   * @throws InvalidAggregateException if a value is outside {@code [0, m)} or the length is not
   *     {@code D}
   */
  public static long[] unwrap(DdgParameters params, long[] aggregate) throws InvalidAggregateException {
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(aggregate, "aggregate");
    long m = params.modulus();
    if (aggregate.length != params.paddedDimension()) {
      throw new InvalidAggregateException(
          "aggregate has " + aggregate.length + " elements; the parameters' padded dimension is "
              + params.paddedDimension());
    }
    long half = m - m / 2;
    long[] out = new long[aggregate.length];
    for (int i = 0; i < out.length; i++) {
      long v = aggregate[i];
      if (v < 0 || v >= m) {
        throw new InvalidAggregateException("aggregate element " + i + " is outside [0, m)");
      }
      out[i] = v >= half ? v - m : v;
    }
    return out;
  }

  /**
   * Decodes the aggregate into the estimated sum of the clipped real updates (length {@code d}).
   *
   * @param rotationSeed the round's 32-byte rotation seed
   * @throws NullPointerException if an argument is null
   * @throws InvalidAggregateException as {@link #unwrap}
   * @throws IllegalArgumentException if the seed is not 32 bytes
   */
  public static double[] decode(DdgParameters params, long[] aggregate, byte[] rotationSeed)
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
