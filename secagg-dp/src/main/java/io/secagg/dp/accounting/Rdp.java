package io.secagg.dp.accounting;

import org.apache.commons.math3.special.Erf;

/**
 * RDP curves of the mechanisms secagg uses. Every function validates its arguments and throws
 * {@link IllegalArgumentException} on a value out of range, NaN or infinite.
 *
 * <p>Sources (formulas as facts; the code is ours):
 * <ul>
 *   <li>Gaussian: {@code alpha Delta^2 / (2 sigma^2)} (Mironov 2017, Proposition 7).
 *   <li>Poisson-subsampled Gaussian: {@code log(A_alpha)/(alpha - 1)} with the binomial sum for
 *       integer orders and the two-series erfc form for fractional orders (Mironov, Talwar and
 *       Zhang 2019, "Renyi Differential Privacy of the Sampled Gaussian Mechanism", Sections 3.2
 *       and 3.3), evaluated in log space.
 *   <li>Distributed discrete Gaussian: Kairouz, Liu and Steinke 2021, Theorem 1 and Proposition
 *       14.
 *   <li>Skellam: Agarwal, Kairouz and Liu 2021, "The Skellam Mechanism for Differentially Private
 *       Federated Learning", Theorem 3.5 (integer orders; fractional orders use the next integer,
 *       valid because RDP is non-decreasing in the order).
 *   <li>zCDP: {@code alpha rho} at every order (Bun and Steinke 2016).
 * </ul>
 */
public final class Rdp {
  private static final double LOG_HALF = Math.log(0.5);

  private Rdp() {}

  /**
   * The Gaussian mechanism with L2 sensitivity 1 and noise multiplier {@code z = sigma/Delta}.
   *
   * @throws IllegalArgumentException if {@code z <= 0} or not finite
   */
  public static RdpCurve gaussian(double[] orders, double z) {
    checkPositive("noise multiplier", z);
    return RdpCurve.of(orders, a -> a / (2 * z * z));
  }

  /** {@link #gaussian(double[], double)} at {@link RdpCurve#DEFAULT_ORDERS}. */
  public static RdpCurve gaussian(double z) {
    return gaussian(RdpCurve.DEFAULT_ORDERS, z);
  }

  /** A {@code rho}-zCDP mechanism as an RDP curve. */
  public static RdpCurve zcdp(double[] orders, double rho) {
    if (!(rho >= 0) || Double.isInfinite(rho)) {
      throw new IllegalArgumentException("Invalid rho " + rho + "; must be finite and >= 0");
    }
    return RdpCurve.of(orders, a -> a * rho);
  }

  /**
   * The Poisson-subsampled Gaussian mechanism: each record is included with probability {@code q},
   * the sum of the included (L2-sensitivity-1) contributions gets Gaussian noise with standard
   * deviation {@code z}.
   *
   * @param q the sampling probability, in {@code [0, 1]}
   * @param z the noise multiplier, {@code > 0}
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static RdpCurve subsampledGaussian(double[] orders, double q, double z) {
    if (!(q >= 0 && q <= 1)) {
      throw new IllegalArgumentException("Invalid sampling probability " + q + "; must be in [0, 1]");
    }
    checkPositive("noise multiplier", z);
    return RdpCurve.of(orders, a -> subsampledGaussianRdp(q, z, a));
  }

  /** {@link #subsampledGaussian(double[], double, double)} at the default orders. */
  public static RdpCurve subsampledGaussian(double q, double z) {
    return subsampledGaussian(RdpCurve.DEFAULT_ORDERS, q, z);
  }

  static double subsampledGaussianRdp(double q, double z, double alpha) {
    if (q == 0) {
      return 0;
    }
    if (q == 1) {
      return alpha / (2 * z * z);
    }
    double logA = alpha == Math.rint(alpha) ? logAInteger(q, z, (long) alpha) : logAFractional(q, z, alpha);
    return Math.max(0, logA / (alpha - 1));
  }

  /** {@code log sum_k C(alpha,k) (1-q)^(alpha-k) q^k exp((k^2 - k) / (2 z^2))}. */
  static double logAInteger(double q, double z, long alpha) {
    double acc = Double.NEGATIVE_INFINITY;
    double logQ = Math.log(q);
    double log1mQ = Math.log1p(-q);
    double logBinom = 0;
    for (long k = 0; k <= alpha; k++) {
      if (k > 0) {
        logBinom += Math.log((double) (alpha - k + 1) / k);
      }
      double term = logBinom + k * logQ + (alpha - k) * log1mQ + (k * (double) k - k) / (2 * z * z);
      acc = logAdd(acc, term);
    }
    return acc;
  }

  /** The two convergent series of Mironov, Talwar and Zhang 2019, Section 3.3. */
  static double logAFractional(double q, double z, double alpha) {
    double a0 = Double.NEGATIVE_INFINITY;
    double a1 = Double.NEGATIVE_INFINITY;
    double z0 = z * z * Math.log(1 / q - 1) + 0.5;
    double logQ = Math.log(q);
    double log1mQ = Math.log1p(-q);
    double logCoef = 0;
    int sign = 1;
    double sqrt2z = Math.sqrt(2) * z;
    for (int i = 0; i < 100_000; i++) {
      if (i > 0) {
        double ratio = (alpha - i + 1) / i;
        if (ratio < 0) {
          sign = -sign;
        }
        logCoef += Math.log(Math.abs(ratio));
      }
      double j = alpha - i;
      double logT0 = logCoef + i * logQ + j * log1mQ;
      double logT1 = logCoef + j * logQ + i * log1mQ;
      double logE0 = LOG_HALF + logErfc((i - z0) / sqrt2z);
      double logE1 = LOG_HALF + logErfc((z0 - j) / sqrt2z);
      double logS0 = logT0 + (i * (double) i - i) / (2 * z * z) + logE0;
      double logS1 = logT1 + (j * j - j) / (2 * z * z) + logE1;
      if (sign > 0) {
        a0 = logAdd(a0, logS0);
        a1 = logAdd(a1, logS1);
      } else {
        a0 = logSub(a0, logS0);
        a1 = logSub(a1, logS1);
      }
      if (i > alpha && Math.max(logS0, logS1) < -30) {
        break;
      }
    }
    return logAdd(a0, a1);
  }

  /**
   * {@code log(erfc(x))}, accurate in the far tail where {@code erfc} underflows (asymptotic
   * series for {@code x > 5}).
   */
  static double logErfc(double x) {
    if (x <= 5) {
      return Math.log(Erf.erfc(x));
    }
    double x2 = x * x;
    double inv = 1 / (2 * x2);
    // erfc(x) = exp(-x^2)/(x sqrt(pi)) (1 - 1/(2x^2) + 3/(2x^2)^2 - 15/(2x^2)^3 + 105/(2x^2)^4 ...)
    double series = 1 - inv + 3 * inv * inv - 15 * inv * inv * inv + 105 * inv * inv * inv * inv;
    return -x2 - Math.log(x) - 0.5 * Math.log(Math.PI) + Math.log(series);
  }

  /**
   * The distributed discrete Gaussian: {@code n} clients each add {@code N_Z(0, localSigma^2)} to
   * every coordinate of an integer vector whose L2 (L1) sensitivity in that integer domain is
   * {@code l2} ({@code l1}); {@code dim} coordinates. RDP at order {@code alpha} (Kairouz, Liu and
   * Steinke 2021, Proposition 14) is the minimum of {@code alpha/2 a^2 + tau d}, {@code alpha/2 (a^2
   * + 2 b tau + tau^2 d)} and {@code alpha/2 (a + sqrt(d) tau)^2}, with {@code a = l2/(sqrt(n)
   * sigma)}, {@code b = l1/(sqrt(n) sigma)} and {@code tau = 10 sum_{k=1}^{n-1} exp(-2 pi^2
   * sigma^2 k/(k+1))}.
   *
   * @param l2 the integer-domain L2 sensitivity, {@code > 0}
   * @param l1 the integer-domain L1 sensitivity, {@code > 0}
   * @param localSigma each client's noise parameter, {@code >= 0.5}
   * @param clients the number of clients whose noise is in the sum, {@code >= 1}
   * @param dim the dimension (after padding), {@code >= 1}
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static RdpCurve distributedDiscreteGaussian(
      double[] orders, double l2, double l1, double localSigma, long clients, long dim) {
    checkPositive("L2 sensitivity", l2);
    checkPositive("L1 sensitivity", l1);
    checkPositive("local sigma", localSigma);
    if (localSigma < 0.5) {
      throw new IllegalArgumentException("Invalid local sigma " + localSigma + "; must be >= 0.5");
    }
    if (clients < 1 || dim < 1) {
      throw new IllegalArgumentException("Invalid clients " + clients + " or dim " + dim + "; must be >= 1");
    }
    double tau = ddgTau(localSigma, clients);
    double sqrtN = Math.sqrt(clients);
    double a = l2 / (sqrtN * localSigma);
    double b = l1 / (sqrtN * localSigma);
    double d = dim;
    return RdpCurve.of(orders, alpha -> {
      double t1 = alpha / 2 * a * a + tau * d;
      double t2 = alpha / 2 * (a * a + 2 * b * tau + tau * tau * d);
      double t3 = alpha / 2 * Math.pow(a + Math.sqrt(d) * tau, 2);
      return Math.min(t1, Math.min(t2, t3));
    });
  }

  /**
   * {@code tau = 10 sum_{k=1}^{n-1} exp(-2 pi^2 sigma^2 k / (k + 1))} (KLS 2021, Theorem 1). The
   * first 10^4 terms are summed exactly; the rest are bounded above by the largest of them,
   * {@code exp(-2 pi^2 sigma^2 (n-1)/n)}, which can only overstate tau (and so epsilon).
   */
  public static double ddgTau(double localSigma, long clients) {
    double c = 2 * Math.PI * Math.PI * localSigma * localSigma;
    long exact = Math.min(clients - 1, 10_000);
    double s = 0;
    for (long k = 1; k <= exact; k++) {
      s += Math.exp(-c * k / (k + 1.0));
    }
    long rest = clients - 1 - exact;
    if (rest > 0) {
      s += rest * Math.exp(-c * (clients - 1.0) / clients);
    }
    return 10 * s;
  }

  /**
   * The Skellam mechanism: the aggregate noise is {@code Sk(mu, mu)} (difference of two
   * Poisson({@code mu}), variance {@code 2 mu}) on every coordinate; integer-domain sensitivities
   * {@code l2}, {@code l1}. RDP at integer order {@code alpha} (Agarwal, Kairouz and Liu 2021):
   * {@code alpha l2^2/(4 mu) + min(((2 alpha - 1) l2^2 + 6 l1)/(16 mu^2), 3 l1/(4 mu))}.
   *
   * @param mu the Poisson mean of each side of the aggregate noise, {@code > 0}
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static RdpCurve skellam(double[] orders, double l2, double l1, double mu) {
    checkPositive("L2 sensitivity", l2);
    checkPositive("L1 sensitivity", l1);
    checkPositive("mu", mu);
    return RdpCurve.of(orders, alpha0 -> {
      double alpha = Math.ceil(alpha0);
      double base = alpha * l2 * l2 / (4 * mu);
      double extra = Math.min(((2 * alpha - 1) * l2 * l2 + 6 * l1) / (16 * mu * mu), 3 * l1 / (4 * mu));
      return base + extra;
    });
  }

  private static void checkPositive(String what, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException("Invalid " + what + " " + v + "; must be finite and > 0");
    }
  }

  static double logAdd(double a, double b) {
    if (a == Double.NEGATIVE_INFINITY) {
      return b;
    }
    if (b == Double.NEGATIVE_INFINITY) {
      return a;
    }
    double m = Math.max(a, b);
    return m + Math.log1p(Math.exp(Math.min(a, b) - m));
  }

  /** {@code log(exp(a) - exp(b))}; -Infinity when {@code b >= a} (the series terms only shrink). */
  static double logSub(double a, double b) {
    if (b == Double.NEGATIVE_INFINITY) {
      return a;
    }
    if (b >= a) {
      return Double.NEGATIVE_INFINITY;
    }
    return a + Math.log(-Math.expm1(b - a));
  }
}
