package io.secagg.dp.sampling;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Statistical tests of Poisson and Skellam; each assertion's false-failure rate is 1e-6. */
class SkellamTest {
  private static BitSource seeded(String label) {
    return AesCtrBitSource.forTestVectorsOnly(label.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1/2", "7", "1000"})
  void poissonMatchesTheExactPmfByChiSquare(String mean) {
    Rational l = Rational.parse(mean);
    int n = 1_000_000;
    Map<Long, Long> h = Pmf.histogram(Poisson.withMean(l), seeded("poisson " + mean), n);
    int r = (int) (l.doubleValue() + 20 * Math.sqrt(l.doubleValue()) + 20);
    Pmf.assertChiSquare(h, Pmf.poisson(l.doubleValue(), r), 0, n, "Poisson(" + mean + ")");
  }

  @ParameterizedTest
  @ValueSource(strings = {"3", "80"})
  void skellamMatchesTheExactPmfByChiSquare(String variance) {
    Rational v = Rational.parse(variance);
    int n = 1_000_000;
    Map<Long, Long> h = Pmf.histogram(Skellam.withVariance(v), seeded("skellam " + variance), n);
    int r = (int) (15 * Math.sqrt(v.doubleValue()) + 10);
    Pmf.assertChiSquare(h, Pmf.skellam(v.doubleValue() / 2, r), -r, n, "Skellam(" + variance + ")");
  }

  @Test
  void largeVarianceSplitsIntoPartsAndKeepsTheVariance() {
    // 2^22 per Poisson side: 4 parts of 2^20 each.
    int n = 200_000;
    Pmf.Moments m = Pmf.moments(Skellam.withVariance(Rational.of(1L << 23, 1)), seeded("skellam large"), n);
    double v = 1L << 23;
    assertTrue(Math.abs(m.mean()) <= Pmf.Z_1E6 * Math.sqrt(v / n));
    // Skellam is close to Gaussian here: sd of the sample variance is about v sqrt(2/n).
    assertTrue(Math.abs(m.secondMoment() - v) <= Pmf.Z_1E6 * v * Math.sqrt(2.0 / n) * 1.05,
        "variance " + m.secondMoment());
  }

  @Test
  void rejectsOutOfRangeMeans() {
    assertThrows(IllegalArgumentException.class, () -> Poisson.withMean(Rational.of(1L << 41, 1)));
    assertThrows(IllegalArgumentException.class, () -> Poisson.withMean(Rational.of(1, 1L << 31)));
    assertThrows(IllegalArgumentException.class, () -> Skellam.withVariance(Rational.of(1L << 43, 1)));
  }
}
