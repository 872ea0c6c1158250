package io.secagg.core.quant;

import io.secagg.core.crypto.Keystream;
import io.secagg.core.crypto.KeystreamPurpose;
import io.secagg.core.internal.QuantRounding;
import io.secagg.core.vector.ModVector;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * Maps float vectors to Z_m for secure aggregation and decodes their sums; see {@link
 * QuantizerConfig} for the mapping and its guarantees. Thread-safe.
 *
 * <p><b>Randomness.</b> Each call to {@code quantize} draws a fresh 32-byte rounding seed from
 * the {@link SecureRandom} and expands it with the {@link Keystream} of purpose {@link
 * KeystreamPurpose#QUANT_ROUNDING} (AES-128-CTR, little-endian words) into one 64-bit word per
 * coordinate, plus an extension word in the rare exact ties. Expanding a seed instead of reading every word from the {@code
 * SecureRandom} is a measured choice: the JDK's default {@code NativePRNG} delivers about 56 MB/s
 * on the reference machine (about 150 ms for a million coordinates), while AES-CTR runs at GB/s.
 * The seed never leaves the quantizer and is wiped after use.
 *
 * <p><b>Unbiasedness.</b> A coordinate x = clip(v) * 2^e is rounded up with probability exactly
 * frac(|x|) (away from zero for negative x), so E[r] = x exactly, up to the pseudorandomness of
 * AES.
 */
public final class Quantizer {
  private static final byte[] NO_CONTEXT = new byte[0];

  private final QuantizerConfig config;
  private final SecureRandom random;

  private Quantizer(QuantizerConfig config, SecureRandom random) {
    this.config = config;
    this.random = random;
  }

  /**
   * A quantizer drawing its rounding seeds from a new {@link SecureRandom}.
   *
   * @throws NullPointerException if {@code config} is null
   */
  public static Quantizer create(QuantizerConfig config) {
    return create(config, new SecureRandom());
  }

  /**
   * A quantizer drawing its rounding seeds from {@code random}; pass {@code
   * DeterministicRandom.forTestVectorsOnly(...)} only to reproduce test vectors or simulations.
   *
   * @throws NullPointerException if an argument is null
   */
  public static Quantizer create(QuantizerConfig config, SecureRandom random) {
    return new Quantizer(Objects.requireNonNull(config, "config"), Objects.requireNonNull(random, "random"));
  }

  /** The configuration. */
  public QuantizerConfig config() {
    return config;
  }

  /**
   * Quantizes one client's vector: clip to [-c, c], scale by 2^e, round stochastically, add B.
   * The input is not modified.
   *
   * @return the values in [0, 2B], as a vector over Z_m, with the number of clipped coordinates
   * @throws NullPointerException if {@code input} is null
   * @throws NonFiniteValueException if a coordinate is NaN or infinite (nothing is drawn or
   *     returned then)
   * @throws IllegalArgumentException if the input is longer than {@link ModVector#MAX_LENGTH}
   */
  public QuantizedVector quantize(double[] input) {
    Objects.requireNonNull(input, "input");
    checkFinite(input);
    if (input.length > ModVector.MAX_LENGTH) {
      throw new IllegalArgumentException(
          "Invalid input length " + input.length + "; at most " + ModVector.MAX_LENGTH);
    }
    byte[] seed = new byte[32];
    random.nextBytes(seed);
    try {
      long[] out = new long[input.length];
      QuantRounding.Outcome outcome = quantizeWithSeed(input, seed, out);
      return new QuantizedVector(ModVector.of(config.modulus(), out), outcome.clipped());
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /**
   * Quantizes a {@code float} vector; each value is widened exactly to {@code double}, so the
   * result is distributed as {@link #quantize(double[])} of the widened vector.
   *
   * @throws NullPointerException if {@code input} is null
   * @throws NonFiniteValueException if a coordinate is NaN or infinite
   * @throws IllegalArgumentException if the input is longer than {@link ModVector#MAX_LENGTH}
   */
  public QuantizedVector quantize(float[] input) {
    Objects.requireNonNull(input, "input");
    double[] wide = new double[input.length];
    for (int i = 0; i < input.length; i++) {
      wide[i] = input[i];
    }
    return quantize(wide);
  }

  /**
   * The deterministic core: quantizes with the rounding stream of {@code seed}. Package-private
   * so that known-answer tests can replay recorded seeds; the input must be finite.
   */
  QuantRounding.Outcome quantizeWithSeed(double[] input, byte[] seed, long[] out) {
    Keystream words = Keystream.open(KeystreamPurpose.QUANT_ROUNDING, seed, NO_CONTEXT);
    return QuantRounding.quantize(
        input, config.clipBound(), config.scaleExponent(), config.offset(), words, out);
  }

  static void checkFinite(double[] input) {
    for (int i = 0; i < input.length; i++) {
      double v = input[i];
      if (Double.isNaN(v) || Double.isInfinite(v)) {
        throw new NonFiniteValueException(i, v);
      }
    }
  }

  /**
   * Decodes the sum modulo m of {@code clientsIncluded} quantized vectors, as the protocol
   * returns it ({@code AggregationResult.sum()}): coordinate S becomes (S - n * B) * 2^-e,
   * rounded to binary64. Sums above n * 2B are counted and clamped (see {@link DequantizedSum}),
   * never silently wrapped.
   *
   * @param sum the coordinate-wise sum modulo m
   * @param clientsIncluded n, the number of client vectors in the sum, 1..n_max
   * @throws NullPointerException if {@code sum} is null
   * @throws TooManyClientsException if {@code clientsIncluded} &gt; n_max (the sum may have wrapped)
   * @throws IllegalArgumentException if {@code clientsIncluded < 1}, or the sum's modulus is not
   *     the configuration's
   */
  public DequantizedSum dequantizeSum(ModVector sum, int clientsIncluded) {
    Objects.requireNonNull(sum, "sum");
    if (!sum.modulus().equals(config.modulus())) {
      throw new IllegalArgumentException(
          "The sum is over Z_" + sum.modulus() + " but this quantizer's modulus is "
              + config.modulus());
    }
    if (clientsIncluded > config.maxClients()) {
      throw new TooManyClientsException(clientsIncluded, config.maxClients());
    }
    if (clientsIncluded < 1) {
      throw new IllegalArgumentException("Invalid client count " + clientsIncluded + "; must be >= 1");
    }
    long mMinus1 = config.modulus().maxElement();
    long b = config.offset();
    // Both fit: n * 2B <= m - 1 < 2^64 (unsigned) and n * B < 2^63.
    long maxSum = (long) clientsIncluded * (2 * b);
    long centre = (long) clientsIncluded * b;
    int e = config.scaleExponent();
    int length = sum.length();
    double[] out = new double[length];
    int outOfRange = 0;
    for (int i = 0; i < length; i++) {
      long s = sum.get(i);
      if (Long.compareUnsigned(s, maxSum) > 0) {
        outOfRange++;
        long above = s - maxSum;
        long belowWrap = mMinus1 - s + 1; // m - s, in 1..m - maxSum - 1
        s = Long.compareUnsigned(above, belowWrap) <= 0 ? maxSum : 0;
      }
      out[i] = Math.scalb((double) (s - centre), -e);
    }
    return new DequantizedSum(out, outOfRange, clientsIncluded);
  }

  @Override
  public String toString() {
    return "Quantizer[" + config + "]";
  }
}
