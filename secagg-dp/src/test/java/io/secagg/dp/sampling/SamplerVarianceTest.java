package io.secagg.dp.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link IntegerSampler#variance()} is the exact variance: checked against direct summation of
 * the pmf (terms added exactly in BigDecimal), and against the values of issue 15.
 */
class SamplerVarianceTest {
  /** sum y^2 e^(-y^2/(2 s2)) / sum e^(-y^2/(2 s2)) over |y| up to 40 sigma. */
  private static double directGaussianVariance(double s2) {
    long r = (long) Math.ceil(40 * Math.sqrt(s2)) + 5;
    BigDecimal num = BigDecimal.ZERO;
    BigDecimal den = BigDecimal.ONE;
    for (long y = 1; y <= r; y++) {
      double w = Math.exp(-(double) y * y / (2 * s2));
      num = num.add(new BigDecimal(w).multiply(BigDecimal.valueOf(y * y)));
      den = den.add(new BigDecimal(w).multiply(BigDecimal.valueOf(2)));
    }
    return num.multiply(BigDecimal.valueOf(2)).divide(den, MathContext.DECIMAL128).doubleValue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1/1024", "1/16", "1/4", "1/2", "3/4", "1", "257/256", "3/2", "2", "9", "100", "40000", "1048576"})
  void discreteGaussianVarianceIsTheExactSum(String sigma2) {
    Rational s2 = Rational.parse(sigma2);
    double expected = directGaussianVariance(s2.doubleValue());
    double got = DiscreteGaussian.withSigma2(s2).variance();
    assertEquals(expected, got, expected * 1e-13, "sigma^2 " + sigma2);
    assertTrue(got <= s2.doubleValue(), "the variance is below sigma^2");
  }

  @Test
  void discreteGaussianVarianceMatchesTheIssueFigures() {
    // Issue 15, item 7: 0.2150127 at sigma^2 = 1/4 (sigma^2 is 16% high); 2.1e-7 below 1 at sigma = 1.
    assertEquals(0.2150127, DiscreteGaussian.withSigma2(Rational.of(1, 4)).variance(), 5e-8);
    double gap = 1 - DiscreteGaussian.withSigma2(Rational.of(1, 1)).variance();
    assertEquals(2.1e-7, gap, 0.05e-7);
    // The Poisson-summation leading term: 8 pi^2 sigma^4 e^(-2 pi^2 sigma^2).
    assertEquals(8 * Math.PI * Math.PI * Math.exp(-2 * Math.PI * Math.PI), gap, 1e-12);
    // Both series agree where they meet.
    double below = DiscreteGaussian.exactVariance(1);
    double above = DiscreteGaussian.exactVariance(Math.nextUp(1.0));
    assertEquals(below, above, 1e-15);
  }

  @Test
  void tinyDiscreteGaussianVarianceUnderflowsToZeroNotNegative() {
    double v = DiscreteGaussian.withSigma2(Rational.of(1, 1L << 60)).variance();
    assertEquals(0, v);
  }

  /** 2 q/(1-q)^2 = 1/(2 sinh^2(1/(2b))): the second form has no cancellation. */
  @ParameterizedTest
  @ValueSource(strings = {"1/8", "1", "7/3", "1000", "1099511627776", "1125899906842624"})
  void discreteLaplaceVarianceIsExactEvenForHugeScales(String scale) {
    double b = Rational.parse(scale).doubleValue();
    double sh = Math.sinh(0.5 / b);
    double expected = 1 / (2 * sh * sh);
    assertEquals(expected, DiscreteLaplace.withScale(Rational.parse(scale)).variance(), expected * 1e-13, scale);
  }

  @Test
  void skellamAndPoissonVariancesAreTheirParameters() {
    assertEquals(12.5, Skellam.withVariance(Rational.of(25, 2)).variance());
    assertEquals(0.75, Poisson.withMean(Rational.of(3, 4)).variance());
  }
}
