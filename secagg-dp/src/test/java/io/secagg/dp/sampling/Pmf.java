package io.secagg.dp.sampling;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/** Statistical helpers shared by the sampler tests (double precision is fine for testing). */
public final class Pmf {
  /** The two-sided normal quantile for a false-failure rate of 1e-6. */
  static final double Z_1E6 = 4.8916;
  /** The false-failure rate of each statistical assertion. */
  static final double ALPHA = 1e-6;

  private Pmf() {}

  /** Normalised pmf of N_Z(0, s2) on [-r, r]. */
  static double[] discreteGaussian(double s2, int r) {
    double[] p = new double[2 * r + 1];
    double z = 0;
    for (int y = -r; y <= r; y++) {
      p[y + r] = Math.exp(-(double) y * y / (2 * s2));
      z += p[y + r];
    }
    for (int i = 0; i < p.length; i++) {
      p[i] /= z;
    }
    return p;
  }

  /** Normalised pmf of the discrete Laplace of scale b on [-r, r]. */
  static double[] discreteLaplace(double b, int r) {
    double[] p = new double[2 * r + 1];
    double z = 0;
    for (int y = -r; y <= r; y++) {
      p[y + r] = Math.exp(-Math.abs(y) / b);
      z += p[y + r];
    }
    for (int i = 0; i < p.length; i++) {
      p[i] /= z;
    }
    return p;
  }

  /** Poisson pmf on [0, r], via logs. */
  static double[] poisson(double lambda, int r) {
    double[] p = new double[r + 1];
    for (int k = 0; k <= r; k++) {
      p[k] = Math.exp(-lambda + k * Math.log(lambda) - LogGamma.value(k + 1.0));
    }
    return p;
  }

  /** Symmetric Skellam pmf (difference of two Poisson(mu)) on [-r, r] by convolution. */
  static double[] skellam(double mu, int r) {
    return skellam(mu, r, 40);
  }

  /**
   * {@link #skellam(double, int)} with the Poisson pmfs cut {@code tail} standard deviations
   * (plus {@code tail}) above their mean.
   */
  public static double[] skellam(double mu, int r, int tail) {
    int kmax = (int) (mu + tail * Math.sqrt(mu) + tail);
    double[] po = poisson(mu, kmax);
    double[] p = new double[2 * r + 1];
    for (int y = -r; y <= r; y++) {
      double s = 0;
      for (int b = 0; b <= kmax; b++) {
        int a = b + y;
        if (a >= 0 && a <= kmax) {
          s += po[a] * po[b];
        }
      }
      p[y + r] = s;
    }
    return p;
  }

  /**
   * Chi-square goodness of fit of {@code counts} (value to count) against {@code pmf} on
   * {@code [offset, offset + pmf.length)}, with bins merged so each expects at least 5 and the
   * out-of-range mass as one bin; fails if the statistic exceeds the 1 - 1e-6 quantile.
   */
  static void assertChiSquare(Map<Long, Long> counts, double[] pmf, long offset, long n, String label) {
    TreeMap<Long, Long> c = new TreeMap<>(counts);
    java.util.List<double[]> bins = new java.util.ArrayList<>();
    double expAcc = 0;
    long obsAcc = 0;
    double inRange = 0;
    long obsIn = 0;
    for (int i = 0; i < pmf.length; i++) {
      long v = offset + i;
      expAcc += pmf[i] * n;
      obsAcc += c.getOrDefault(v, 0L);
      inRange += pmf[i];
      obsIn += c.getOrDefault(v, 0L);
      if (expAcc >= 5) {
        bins.add(new double[] {expAcc, obsAcc});
        expAcc = 0;
        obsAcc = 0;
      }
    }
    double outExp = Math.max(0, (1 - inRange)) * n + expAcc;
    long outObs = n - obsIn + obsAcc;
    if (outExp >= 5 || bins.isEmpty()) {
      bins.add(new double[] {outExp, outObs});
    } else {
      double[] last = bins.get(bins.size() - 1);
      last[0] += outExp;
      last[1] += outObs;
    }
    double stat = 0;
    for (double[] b : bins) {
      double d = b[1] - b[0];
      stat += d * d / b[0];
    }
    int df = bins.size() - 1;
    double crit = ChiSquaredDistribution.of(Math.max(1, df)).inverseSurvivalProbability(ALPHA);
    assertTrue(stat <= crit, label + ": chi-square " + stat + " > critical " + crit + " (df " + df + ")");
  }

  /**
   * The sample moments of {@code n} draws: sums of y, y^2 and y^4, and the counts of positive
   * and negative draws.
   */
  record Moments(int n, double sum, double sq, double fourth, long positives, long negatives) {
    double mean() {
      return sum / n;
    }

    double secondMoment() {
      return sq / n;
    }

    /** The standard deviation of {@link #secondMoment()}: sqrt((E y^4 - (E y^2)^2) / n). */
    double secondMomentSd() {
      double m2 = secondMoment();
      return Math.sqrt(Math.max(fourth / n - m2 * m2, 0) / n);
    }
  }

  static Moments moments(IntegerSampler s, BitSource bits, int n) {
    double sum = 0;
    double sq = 0;
    double fourth = 0;
    long pos = 0;
    long neg = 0;
    for (int i = 0; i < n; i++) {
      double y = s.sample(bits);
      sum += y;
      sq += y * y;
      fourth += y * y * y * y;
      if (y > 0) {
        pos++;
      } else if (y < 0) {
        neg++;
      }
    }
    return new Moments(n, sum, sq, fourth, pos, neg);
  }

  static Map<Long, Long> histogram(IntegerSampler s, BitSource bits, int n) {
    Map<Long, Long> h = new java.util.HashMap<>();
    for (int i = 0; i < n; i++) {
      h.merge(s.sample(bits), 1L, Long::sum);
    }
    return h;
  }

  static double variance(double[] pmf, long offset) {
    double m = 0;
    double v = 0;
    for (int i = 0; i < pmf.length; i++) {
      m += (offset + i) * pmf[i];
    }
    for (int i = 0; i < pmf.length; i++) {
      double d = offset + i - m;
      v += d * d * pmf[i];
    }
    return v;
  }

}
