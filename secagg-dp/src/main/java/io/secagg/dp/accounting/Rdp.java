package io.secagg.dp.accounting;

import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.Erfcx;

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
 *   <li>Client sampling for distributed noise: {@link #amplifiedByClientSampling}, a bound from
 *       the joint convexity of the Renyi moment (derivation in {@code spec/dp.md}, Section 12.7).
 * </ul>
 *
 * <p>Bounds err on the safe side: the tail of the DDG {@code tau} sum is bounded from above, not
 * estimated, and ranges of survivor counts are covered by one curve that bounds every count in
 * the range.
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

  /** {@link #gaussian(double[], double)} at {@link RdpCurve#defaultOrders()}. */
  public static RdpCurve gaussian(double z) {
    return gaussian(RdpCurve.defaultOrders(), z);
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
    return subsampledGaussian(RdpCurve.defaultOrders(), q, z);
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
   * {@code log(erfc(x))}, accurate in the far tail where {@code erfc} underflows: for {@code x >=
   * 0.5} it is {@code log(erfcx(x)) - x^2} with the scaled function {@code erfcx(x) = e^(x^2)
   * erfc(x)}, which neither underflows nor loses relative accuracy.
   */
  static double logErfc(double x) {
    if (x < 0.5) {
      return Math.log(Erfc.value(x));
    }
    return Math.log(Erfcx.value(x)) - x * x;
  }

  /**
   * The distributed discrete Gaussian: {@code n} clients each add {@code N_Z(0, localSigma^2)} to
   * every coordinate of an integer vector whose L2 (L1) sensitivity in that integer domain is
   * {@code l2} ({@code l1}); {@code dim} coordinates. RDP at order {@code alpha} (Kairouz, Liu and
   * Steinke 2021, Proposition 14) is the minimum of {@code alpha/2 a^2 + tau d}, {@code alpha/2 (a^2
   * + 2 b tau + tau^2 d)} and {@code alpha/2 (a + sqrt(d) tau)^2}, with {@code a = l2/(sqrt(n)
   * sigma)}, {@code b = l1/(sqrt(n) sigma)} and {@code tau = }{@link #ddgTau}.
   *
   * <p>Neighbouring inputs differ in one client's vector, replaced by zero; every client's noise is
   * in the sum on both sides (the relation of KLS 2021).
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
    return distributedDiscreteGaussian(orders, l2, l1, localSigma, clients, clients, dim);
  }

  /**
   * As {@link #distributedDiscreteGaussian(double[], double, double, double, long, long)}, for a
   * round whose sum holds the noise of any number of clients between {@code minClients} and {@code
   * maxClients}: one curve that bounds every such count. The Renyi divergence bound grows with
   * {@code a} and {@code b}, which shrink as clients are added, and with {@code tau}, which grows as
   * clients are added; taking {@code a, b} at {@code minClients} and {@code tau} at {@code
   * maxClients} bounds each of the three terms for every count in the range.
   *
   * @param minClients the fewest clients whose noise can be in the sum, {@code >= 1}
   * @param maxClients the most, {@code >= minClients}
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static RdpCurve distributedDiscreteGaussian(
      double[] orders, double l2, double l1, double localSigma, long minClients, long maxClients, long dim) {
    checkPositive("L2 sensitivity", l2);
    checkPositive("L1 sensitivity", l1);
    checkPositive("local sigma", localSigma);
    if (localSigma < 0.5) {
      throw new IllegalArgumentException("Invalid local sigma " + localSigma + "; must be >= 0.5");
    }
    checkClientRange(minClients, maxClients);
    if (dim < 1) {
      throw new IllegalArgumentException("Invalid dim " + dim + "; must be >= 1");
    }
    double tau = ddgTau(localSigma, maxClients);
    double sqrtN = Math.sqrt(minClients);
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

  static void checkClientRange(long minClients, long maxClients) {
    if (minClients < 1 || maxClients < minClients) {
      throw new IllegalArgumentException("Invalid client range " + minClients + ".." + maxClients
          + "; need 1 <= minimum <= maximum");
    }
  }

  /** Terms of the tau sum added one by one; the rest is bounded in closed form. */
  static final int TAU_HEAD_TERMS = 10_000;

  /**
   * Covers the rounding of the head sum (at most {@value #TAU_HEAD_TERMS} terms, each {@code exp}
   * within one ulp): the returned tau is never below the exact sum.
   */
  private static final double TAU_ROUNDING_MARGIN = 1 + 0x1p-36;

  /**
   * An upper bound on {@code tau = 10 sum_{k=1}^{n-1} exp(-2 pi^2 sigma^2 k / (k + 1))} (KLS 2021,
   * Theorem 1), never below the exact sum and within {@code 1e-10} of it (relative).
   *
   * <p>The first {@value #TAU_HEAD_TERMS} terms are added one by one. With {@code c = 2 pi^2
   * sigma^2} and {@code j = k + 1}, the rest is {@code e^(-c) sum_{j=A}^{n} e^(c/j)}; {@code
   * e^(c/x)} is convex, so each term is at most its integral over {@code [j - 1/2, j + 1/2]}
   * (Hermite-Hadamard) and the tail is at most {@code e^(-c) int_{A-1/2}^{n+1/2} e^(c/x) dx}, which
   * is summed as the series {@code (b - a) + c ln(b/a) + sum_{m>=2} c^m (a^(1-m) - b^(1-m)) /
   * (m! (m-1))}. The bound exceeds the tail by about {@code e^(-c) c / (24 A^2)}.
   *
   * @param localSigma each client's noise parameter, {@code > 0}
   * @param clients the number of clients {@code n}, {@code >= 1}
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static double ddgTau(double localSigma, long clients) {
    checkPositive("local sigma", localSigma);
    if (clients < 1) {
      throw new IllegalArgumentException("Invalid clients " + clients + "; must be >= 1");
    }
    if (clients == 1) {
      return 0;
    }
    double c = 2 * Math.PI * Math.PI * localSigma * localSigma;
    // Every term is below e^(-c/2): when even 10 (n - 1) of them underflow, tau is positive but
    // below the smallest double; return that rather than 0.
    if (c / 2 - Math.log(10.0 * (clients - 1)) > 740) {
      return Double.MIN_VALUE;
    }
    long head = Math.min(clients - 1, TAU_HEAD_TERMS);
    double s = 0;
    for (long k = 1; k <= head; k++) {
      s += Math.exp(-c * k / (k + 1.0));
    }
    if (clients - 1 > head) {
      s += Math.exp(Math.log(integralOfExpCOverX(c, head + 1.5, clients + 0.5)) - c);
    }
    return 10 * s * TAU_ROUNDING_MARGIN;
  }

  /**
   * {@code int_a^b e^(c/x) dx} for {@code c / a <= 1/4}: {@code (b - a) + c ln(b/a) + sum_{m >= 2}
   * c^m (a^(1-m) - b^(1-m)) / (m! (m-1))}. The terms fall by at least 4x each, so stopping once a
   * term is below {@code 2^-60} of the sum and adding it once more bounds the rest.
   */
  static double integralOfExpCOverX(double c, double a, double b) {
    double ua = c / a;
    double ub = c / b;
    if (!(ua <= 0.25)) {
      throw new IllegalArgumentException("integral series needs c/a <= 1/4, got " + ua);
    }
    double sum = (b - a) + c * Math.log(b / a);
    double pa = ua;
    double pb = ub;
    double term = 0;
    for (int m = 2; m < 200; m++) {
      pa *= ua / m;
      pb *= ub / m;
      term = (a * pa - b * pb) / (m - 1);
      sum += term;
      if (term <= sum * 0x1p-60) {
        break;
      }
    }
    return sum + term;
  }

  /**
   * Amplification by Poisson client sampling for a per-round curve whose neighbouring outputs
   * differ only in the rounds where the differing client is sampled: each client joins a round
   * independently with probability {@code q}, and {@code perRound} bounds the round's Renyi
   * divergence in both directions whenever that client is in it (with at least the noise the
   * curve was computed for). Then the sampled round satisfies
   *
   * <pre>{@code eps'(alpha) = log(1 + q (exp((alpha - 1) eps(alpha)) - 1)) / (alpha - 1)}</pre>
   *
   * <p>at every order, because {@code (P, Q) -> int P^alpha Q^(1-alpha)} is jointly convex for
   * {@code alpha > 1} and the two neighbouring outputs share the component of the rounds without
   * that client ({@code spec/dp.md}, Section 12.7). This is the bound for distributed noise, where
   * the tighter sampled-Gaussian analyses (Mironov, Talwar and Zhang 2019; Zhu and Wang 2019) do not
   * apply: there, the noise does not depend on who is sampled. It holds against an observer who
   * does not learn who was sampled; whoever sees the participants (the server of a secure
   * aggregation round) gets only {@code perRound}.
   *
   * @param perRound the curve of one round in which the differing client takes part
   * @param q the sampling probability, in {@code [0, 1]}
   * @throws NullPointerException if {@code perRound} is null
   * @throws IllegalArgumentException if {@code q} is not in {@code [0, 1]}
   */
  public static RdpCurve amplifiedByClientSampling(RdpCurve perRound, double q) {
    java.util.Objects.requireNonNull(perRound, "perRound");
    if (!(q >= 0 && q <= 1)) {
      throw new IllegalArgumentException("Invalid sampling probability " + q + "; must be in [0, 1]");
    }
    if (q == 1) {
      return perRound;
    }
    return RdpCurve.of(perRound.orders(), alpha -> sampledRdp(q, alpha - 1, perRound.at(alpha)));
  }

  /** {@code log(1 + q (e^(am1 eps) - 1)) / am1}, stable for tiny and for huge exponents. */
  static double sampledRdp(double q, double am1, double eps) {
    if (q == 0 || eps == 0) {
      return 0;
    }
    if (Double.isInfinite(eps)) {
      return eps;
    }
    double x = am1 * eps;
    double log = x < 700 ? Math.log1p(q * Math.expm1(x)) : logAdd(Math.log1p(-q), Math.log(q) + x);
    // The bound never exceeds eps itself (a mixture is never worse than its worst component).
    return Math.min(eps, log / am1);
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
    // Neighbouring inputs as in distributedDiscreteGaussian. The bound falls as mu grows, so the
    // fewest survivors' mu bounds every larger survivor count.
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
