package io.secagg.dp.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Amplification by Poisson client sampling for distributed noise (spec/dp.md, Section 12.7). */
class ClientSamplingTest {
  private static final double[] ORDERS = {1.5, 2, 3, 5, 10, 20};

  /** Discrete Gaussian pmf with variance parameter s2, shifted by shift, on [-r, r]. */
  private static double[] dg(double s2, int shift, int r) {
    double[] p = new double[2 * r + 1];
    double z = 0;
    for (int y = -3 * r; y <= 3 * r; y++) {
      z += Math.exp(-(double) y * y / (2 * s2));
    }
    for (int y = -r; y <= r; y++) {
      p[y + r] = Math.exp(-(double) (y - shift) * (y - shift) / (2 * s2)) / z;
    }
    return p;
  }

  private static double[] mix(double q, double[] a, double[] b) {
    double[] m = new double[a.length];
    for (int i = 0; i < m.length; i++) {
      m[i] = (1 - q) * a[i] + q * b[i];
    }
    return m;
  }

  /** D_alpha(p || q) by summation. */
  private static double renyi(double alpha, double[] p, double[] q) {
    double s = 0;
    for (int i = 0; i < p.length; i++) {
      if (p[i] > 0) {
        s += Math.exp(alpha * Math.log(p[i]) + (1 - alpha) * Math.log(q[i]));
      }
    }
    return Math.log(s) / (alpha - 1);
  }

  /**
   * The bound against the exact divergences of the two neighbouring outputs of a sampled round with
   * distributed noise, in one dimension: the client is not sampled (probability 1 - q; the others'
   * noise only, nu) or sampled and adds its noise share to the sum with its value (mu_x) or zero
   * (mu_0). nu differs from mu_0, which is why the sampled-Gaussian analyses do not apply.
   */
  @ParameterizedTest
  @CsvSource({"0.01,4,1", "0.1,4,1", "0.5,4,1", "0.1,9,2", "0.3,25,3", "0.05,1,1"})
  void boundsTheExactDivergenceOfASampledRoundWithDistributedNoise(double q, double share, int delta) {
    int r = 200;
    double others = 10 * share;
    double[] nu = dg(others, 0, r);
    double[] mu0 = dg(others + share, 0, r);
    double[] mux = dg(others + share, delta, r);
    double[] a = mix(q, nu, mux);
    double[] b = mix(q, nu, mu0);
    RdpCurve base = RdpCurve.of(ORDERS, alpha -> Math.max(renyi(alpha, mux, mu0), renyi(alpha, mu0, mux)));
    RdpCurve sampled = Rdp.amplifiedByClientSampling(base, q);
    for (double alpha : ORDERS) {
      double exact = Math.max(renyi(alpha, a, b), renyi(alpha, b, a));
      assertTrue(exact <= sampled.at(alpha) * (1 + 1e-9) + 1e-15,
          "order " + alpha + ": exact " + exact + " > bound " + sampled.at(alpha));
      assertTrue(sampled.at(alpha) <= base.at(alpha));
    }
  }

  @Test
  void isAboveTheExactSampledGaussianWhereBothApply() {
    // With a noise that does not depend on the sample, the Mironov-Talwar-Zhang value is exact,
    // and the general bound must lie above it.
    for (double q : new double[] {0.001, 0.01, 0.2}) {
      for (double z : new double[] {0.8, 2, 5}) {
        RdpCurve exact = Rdp.subsampledGaussian(ORDERS, q, z);
        RdpCurve bound = Rdp.amplifiedByClientSampling(Rdp.gaussian(ORDERS, z), q);
        for (double alpha : ORDERS) {
          assertTrue(exact.at(alpha) <= bound.at(alpha) * (1 + 1e-9), "q " + q + " z " + z + " order " + alpha);
        }
      }
    }
  }

  @Test
  void smallRatesScaleTheCostByAboutTheRate() {
    RdpCurve base = Rdp.gaussian(ORDERS, 10);
    RdpCurve sampled = Rdp.amplifiedByClientSampling(base, 1e-3);
    for (double alpha : ORDERS) {
      double x = (alpha - 1) * base.at(alpha);
      double expected = Math.log(1 + 1e-3 * (Math.exp(x) - 1)) / (alpha - 1);
      assertEquals(expected, sampled.at(alpha), expected * 1e-9);
      // To first order the rate scales the moment: about q (e^x - 1) / (alpha - 1).
      assertEquals(1e-3 * Math.expm1(x) / (alpha - 1), sampled.at(alpha), expected * 0.01);
    }
    // Huge exponents neither overflow nor exceed the base curve.
    RdpCurve huge = Rdp.amplifiedByClientSampling(RdpCurve.of(ORDERS, a -> 1e4), 0.5);
    for (double alpha : ORDERS) {
      double expected = 1e4 + Math.log(0.5) / (alpha - 1);
      assertEquals(expected, huge.at(alpha), 1e-9 * expected);
    }
  }

  @Test
  void rateOneIsTheBaseCurveAndRateZeroReleasesNothing() {
    RdpCurve base = Rdp.gaussian(ORDERS, 1);
    assertSame(base, Rdp.amplifiedByClientSampling(base, 1));
    for (double alpha : ORDERS) {
      assertEquals(0, Rdp.amplifiedByClientSampling(base, 0).at(alpha));
    }
    assertThrows(IllegalArgumentException.class, () -> Rdp.amplifiedByClientSampling(base, 1.01));
    assertThrows(IllegalArgumentException.class, () -> Rdp.amplifiedByClientSampling(base, Double.NaN));
    assertThrows(NullPointerException.class, () -> Rdp.amplifiedByClientSampling(null, 0.5));
  }

  @Test
  void zcdpConversionIsAtLeastAsTightAsADenseGrid() {
    for (double rho : new double[] {1e-4, 0.01, 0.5, 3, 50}) {
      double[] dense = new double[20000];
      for (int i = 0; i < dense.length; i++) {
        dense[i] = 1.0005 + i * 0.01;
      }
      double byGrid = RdpCurve.of(dense, a -> rho * a).toApproxDp(1e-6).epsilon();
      assertTrue(Zcdp.toEpsilon(rho, 1e-6) <= byGrid + 1e-9, "rho " + rho);
    }
  }
}
