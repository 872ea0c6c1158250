package io.secagg.dp.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Statistical tests of the exact discrete Gaussian. Fixed seeds; every assertion has a
 * false-failure rate of at most 1e-6 (chi-square at alpha = 1e-6, two-sided normal bounds at z =
 * 4.89), so the whole class fails spuriously with probability below 1e-4.
 */
class DiscreteGaussianTest {
  private static final int N = 1_000_000;

  private static BitSource seeded(String label) {
    return AesCtrBitSource.forTestVectorsOnly(("dg-test " + label).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  /** sigma^2 up to 2500 exercises the table branch (t <= 64), 10000 the u + t v branch. */
  @ParameterizedTest
  @ValueSource(strings = {"1/4", "1", "9", "100", "2500", "10000"})
  void matchesTheExactPmfByChiSquare(String sigma2) {
    Rational s2 = Rational.parse(sigma2);
    DiscreteGaussian dg = DiscreteGaussian.withSigma2(s2);
    Map<Long, Long> h = Pmf.histogram(dg, seeded(sigma2), N);
    int r = (int) Math.ceil(12 * Math.sqrt(s2.doubleValue())) + 3;
    Pmf.assertChiSquare(h, Pmf.discreteGaussian(s2.doubleValue(), r), -r, N, "N_Z(0," + sigma2 + ")");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1/4", "1", "100", "1000000", "1000000000000", "5000000000001/5"})
  void hasZeroMeanSymmetryAndTheExactVariance(String sigma2) {
    Rational s2 = Rational.parse(sigma2);
    double v = s2.doubleValue();
    double exactVar = v;
    if (v < 100) {
      int r = (int) (40 * Math.sqrt(v)) + 10;
      exactVar = Pmf.variance(Pmf.discreteGaussian(v, r), -r);
    }
    Pmf.Moments m = Pmf.moments(DiscreteGaussian.withSigma2(s2), seeded("moments " + sigma2), N);
    assertTrue(Math.abs(m.mean()) <= Pmf.Z_1E6 * Math.sqrt(exactVar / N), "mean " + m.mean());
    // Sample second moment: its standard deviation is sqrt((E y^4 - var^2) / N).
    double m2 = m.secondMoment();
    assertTrue(Math.abs(m2 - exactVar) <= Pmf.Z_1E6 * m.secondMomentSd() * 1.05, "variance " + m2 + " vs " + exactVar);
    long pos = m.positives();
    long neg = m.negatives();
    assertTrue(Math.abs(pos - neg) <= Pmf.Z_1E6 * Math.sqrt(pos + neg), "positives " + pos + " negatives " + neg);
  }

  @Test
  void seededSamplerIsReproducible() {
    DiscreteGaussian dg = DiscreteGaussian.withSigma2(Rational.of(7, 3));
    long[] a = new long[100];
    long[] b = new long[100];
    dg.fill(a, seeded("repro"));
    dg.fill(b, seeded("repro"));
    assertEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b));
  }

  @Test
  void bigIntegerPathMatchesDistributionForHugeDenominators() {
    // sigma^2 with a 70-bit denominator: the 64-bit fast path is off, every decision is exact BigInteger.
    java.math.BigInteger den = java.math.BigInteger.ONE.shiftLeft(70);
    Rational s2 = Rational.of(den.multiply(java.math.BigInteger.valueOf(4)).add(java.math.BigInteger.ONE), den);
    DiscreteGaussian dg = DiscreteGaussian.withSigma2(s2);
    int n = 20_000;
    Map<Long, Long> h = Pmf.histogram(dg, seeded("big"), n);
    Pmf.assertChiSquare(h, Pmf.discreteGaussian(s2.doubleValue(), 30), -30, n, "BigInteger path");
  }

  @Test
  void rejectsSigma2OutOfRange() {
    assertThrows(IllegalArgumentException.class, () -> DiscreteGaussian.withSigma2(Rational.of(1, 1L << 61)));
    assertThrows(IllegalArgumentException.class,
        () -> DiscreteGaussian.withSigma2(Rational.of(java.math.BigInteger.ONE.shiftLeft(101), java.math.BigInteger.ONE)));
    assertThrows(NullPointerException.class, () -> DiscreteGaussian.withSigma2(null));
    assertThrows(NullPointerException.class, () -> DiscreteGaussian.withSigma2(Rational.of(1, 1)).sample(null));
  }
}
