package io.secagg.dp.ddg;

import io.secagg.core.vector.ModVector;
import io.secagg.dp.clip.L2Clipping;
import io.secagg.dp.internal.Hadamard;
import io.secagg.dp.sampling.AesCtrBitSource;
import io.secagg.dp.sampling.BitSource;
import java.util.Objects;

/**
 * The client side of the DDG pipeline: clip, pad, rotate, scale, conditionally round, add noise,
 * wrap into {@code Z_m}.
 *
 * <p>Steps (normative text in {@code spec/dp.md}):
 * <ol>
 *   <li>Clip {@code x} to L2 norm {@code c}; pad with zeros to {@code D}.
 *   <li>Rotate: {@code y = H diag(xi) x / sqrt(D)}, with {@code xi} from the shared 32-byte
 *       rotation seed; scale: {@code z = s y}.
 *   <li>Conditional stochastic rounding: round every {@code z_i} to {@code floor(z_i) + B_i},
 *       {@code B_i ~ Bernoulli(z_i - floor(z_i))} (the Bernoulli compares the top 53 bits of a word
 *       with the fraction); repeat the whole vector until its squared norm is at most {@code
 *       maxNormSquared}, compared exactly on integers (at most 1000 attempts).
 *   <li>Add one noise sample per coordinate, index 0 first.
 *   <li>Wrap: {@code v mod m}, in {@code [0, m)}.
 * </ol>
 */
public final class DdgClient {
  /** Attempts of conditional rounding before giving up (the expected count is below 1/(1-beta)). */
  public static final int MAX_ROUNDING_ATTEMPTS = 1000;

  private DdgClient() {}

  /**
   * Encodes one client update with the calling thread's secure source ({@link
   * AesCtrBitSource#threadLocal()}).
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException as {@link #encode(DdgParameters, double[], byte[], BitSource)}
   * @throws IllegalStateException as {@link #encode(DdgParameters, double[], byte[], BitSource)}
   */
  public static ModVector encode(DdgParameters params, double[] update, byte[] rotationSeed) {
    return encode(params, update, rotationSeed, AesCtrBitSource.threadLocal());
  }

  /**
   * Encodes one client update.
   *
   * @param params the shared parameters
   * @param update the real-valued update of length {@code d}; not modified
   * @param rotationSeed the shared 32-byte rotation seed of this round
   * @param bits the client's secure randomness (rounding and noise)
   * @return the client's secure-aggregation input: a vector over {@code Z_m} of the padded
   *     length {@code D} ({@link DdgParameters#paddedDimension()}), not {@code d}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the length is not {@code d}, the seed is not 32 bytes, or
   *     the update has NaN or infinite entries
   * @throws IllegalStateException if conditional rounding fails {@link #MAX_ROUNDING_ATTEMPTS}
   *     times (probability far below 2^-100 for valid parameters)
   */
  public static ModVector encode(DdgParameters params, double[] update, byte[] rotationSeed, BitSource bits) {
    return ModVector.of(params.modulus(), encodeTraced(params, update, rotationSeed, bits).wrapped());
  }

  /**
   * As {@link #encode}, returning every intermediate.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException as {@link #encode}
   * @throws IllegalStateException as {@link #encode}
   */
  public static DdgEncoding encodeTraced(DdgParameters params, double[] update, byte[] rotationSeed, BitSource bits) {
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(update, "update");
    Objects.requireNonNull(rotationSeed, "rotationSeed");
    Objects.requireNonNull(bits, "bits");
    if (update.length != params.dimension()) {
      throw new IllegalArgumentException(
          "Invalid update length " + update.length + "; expected " + params.dimension());
    }
    checkSeed(rotationSeed);
    int n = params.paddedDimension();
    double[] z = new double[n];
    System.arraycopy(update, 0, z, 0, update.length);
    L2Clipping.clip(z, params.clipNorm());
    Hadamard.rotate(z, Hadamard.signs(rotationSeed, n));
    double s = params.scale();
    for (int i = 0; i < n; i++) {
      z[i] *= s;
    }
    long[] rounded = new long[n];
    int attempts = 0;
    do {
      if (++attempts > MAX_ROUNDING_ATTEMPTS) {
        throw new IllegalStateException("conditional rounding did not meet the norm bound");
      }
      stochasticRound(z, rounded, bits);
    } while (!withinBound(rounded, params.maxNormSquared()));
    long[] noise = new long[n];
    params.noiseSampler().fill(noise, bits);
    long m = params.modulus().longValueExact();
    long[] wrapped = new long[n];
    for (int i = 0; i < n; i++) {
      wrapped[i] = Math.floorMod(rounded[i] + noise[i], m);
    }
    return new DdgEncoding(z, rounded, noise, wrapped, attempts);
  }

  static void checkSeed(byte[] seed) {
    if (seed.length != 32) {
      throw new IllegalArgumentException("Invalid rotation seed length " + seed.length + "; must be 32 bytes");
    }
  }

  /** {@code out[i] = floor(z[i]) + [top53(word) < frac(z[i]) 2^53]}, one word per coordinate. */
  static void stochasticRound(double[] z, long[] out, BitSource bits) {
    for (int i = 0; i < z.length; i++) {
      double f = Math.floor(z[i]);
      double frac = z[i] - f;
      long w = bits.nextLong() >>> 11;
      out[i] = (long) f + ((double) w < frac * 0x1p53 ? 1 : 0);
    }
  }

  /** Exact {@code sum v_i^2 <= bound} on integers (each |v_i| &lt; 2^31 since the bound is &lt; 2^62). */
  static boolean withinBound(long[] v, long bound) {
    long sum = 0;
    for (long x : v) {
      if (x > 0x7fffffffL || x < -0x7fffffffL) {
        return false;
      }
      sum += x * x;
      if (sum > bound || sum < 0) {
        return false;
      }
    }
    return true;
  }
}
