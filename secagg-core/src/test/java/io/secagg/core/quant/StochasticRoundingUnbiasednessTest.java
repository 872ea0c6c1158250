package io.secagg.core.quant;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Statistical checks that stochastic rounding rounds up with probability exactly frac(x). Fixed
 * seeds make the outcome reproducible; each assertion allows 5.5 standard deviations of a
 * binomial count, a false-failure rate below 4e-8 per assertion for a correct implementation.
 */
class StochasticRoundingUnbiasednessTest {
  private static final int DRAWS = 200_000;

  /** Asserts that the count of round-ups of v (scale 2^e, offset B) matches frac(|v| 2^e). */
  private static void assertUnbiased(double v, int e, long seed) {
    QuantizerConfig c =
        QuantizerConfig.builder().clipBound(Math.max(1, Math.abs(v) * 2)).modulus(Modulus.powerOfTwo(40))
            .maxClients(1).scaleExponent(e).build();
    double[] in = new double[DRAWS];
    java.util.Arrays.fill(in, v);
    long[] out = Quantizer.create(c, DeterministicRandom.forTestVectorsOnly(seed)).quantize(in).vector().toLongArray();
    BigDecimal x = new BigDecimal(Math.abs(v)).multiply(new BigDecimal(Math.scalb(1.0, e)));
    long floor = x.toBigInteger().longValueExact();
    double p = x.subtract(new BigDecimal(floor)).doubleValue();
    long sign = v < 0 ? -1 : 1;
    long up = 0;
    for (long r : out) {
      long magnitude = sign * (r - c.offset());
      assertTrue(magnitude == floor || magnitude == floor + 1, "rounded to " + magnitude);
      up += magnitude - floor;
    }
    double sd = Math.sqrt(DRAWS * p * (1 - p));
    double mean = DRAWS * p;
    assertTrue(
        Math.abs(up - mean) <= 5.5 * sd + 1e-9,
        "v=" + v + " e=" + e + ": " + up + " round-ups, expected " + mean + " +- " + sd);
  }

  @Test
  void roundsUpWithProbabilityEqualToTheFraction() {
    assertUnbiased(0.3, 0, 1);
    assertUnbiased(2.5, 0, 2);
    assertUnbiased(0.123456, 3, 3); // x = 0.987648
    assertUnbiased(7.01, 0, 4);
  }

  @Test
  void negativeValuesRoundAwayFromZeroWithTheFractionsProbability() {
    assertUnbiased(-0.3, 0, 5);
    assertUnbiased(-5.75, 2, 6); // x = -23 exactly: never rounds
    assertUnbiased(-0.999, 0, 7);
  }

  @Test
  void meanOfDecodedSumsConvergesToTheInput() {
    // 200 clients each quantizing 0.1 at scale 2^2: x = 0.4; the decoded sum's mean is 20.
    QuantizerConfig c =
        QuantizerConfig.builder().clipBound(1).modulus(Modulus.powerOfTwo(32)).maxClients(200).scaleExponent(2).build();
    Quantizer q = Quantizer.create(c, DeterministicRandom.forTestVectorsOnly(8));
    int coordinates = 2000;
    long[] sum = new long[coordinates];
    double[] in = new double[coordinates];
    java.util.Arrays.fill(in, 0.1);
    for (int client = 0; client < 200; client++) {
      long[] v = q.quantize(in).vector().toLongArray();
      for (int j = 0; j < coordinates; j++) {
        sum[j] += v[j];
      }
    }
    double total = 0;
    for (double d : q.dequantizeSum(ModVector.of(c.modulus(), sum), 200).values()) {
      total += d;
    }
    // Each decoded coordinate has variance 200 * 0.4 * 0.6 / 16 = 3; the mean of 2000 has
    // standard deviation sqrt(3 / 2000) ~ 0.0387; allow 5.5 of them.
    double mean = total / coordinates;
    assertTrue(Math.abs(mean - 20.0) < 5.5 * 0.0388, "mean " + mean);
  }
}
