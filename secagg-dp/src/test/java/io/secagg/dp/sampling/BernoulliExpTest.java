package io.secagg.dp.sampling;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Frequency of Bernoulli(exp(-gamma)) with 10^6 trials; false-failure rate 1e-6 per case. */
class BernoulliExpTest {
  @ParameterizedTest
  @ValueSource(strings = {"1/1000000", "1/3", "1", "5/2", "20"})
  void successFrequencyMatchesExpMinusGamma(String gamma) {
    BernoulliExp b = BernoulliExp.withGamma(Rational.parse(gamma));
    BitSource bits = AesCtrBitSource.forTestVectorsOnly(("be " + gamma).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    int n = 1_000_000;
    int ones = 0;
    for (int i = 0; i < n; i++) {
      ones += b.sample(bits) ? 1 : 0;
    }
    double p = Math.exp(-Rational.parse(gamma).doubleValue());
    double sd = Math.sqrt(n * p * (1 - p));
    assertTrue(Math.abs(ones - n * p) <= Pmf.Z_1E6 * sd + 1, gamma + ": " + ones + " vs " + n * p);
  }

  @org.junit.jupiter.api.Test
  void hugeExponentIsAlmostNeverTrue() {
    BernoulliExp b = BernoulliExp.withGamma(Rational.of(1000, 1));
    BitSource bits = AesCtrBitSource.forTestVectorsOnly(new byte[] {8});
    for (int i = 0; i < 1000; i++) {
      assertFalse(b.sample(bits));
    }
  }
}
