package io.secagg.dp.accounting;

import java.util.function.DoubleUnaryOperator;

/**
 * Zero-concentrated DP (Bun and Steinke 2016, "Concentrated Differential Privacy: Simplifications,
 * Extensions, and Lower Bounds"): {@code rho}-zCDP means {@code (alpha, alpha rho)}-RDP for every
 * {@code alpha > 1}; it composes by adding {@code rho}.
 *
 * <p>{@link #toEpsilon} is the conversion of Canonne, Kamath and Steinke 2020 ("The Discrete
 * Gaussian for Differential Privacy", Proposition 12 / Corollary 13), optimised over every real
 * order rather than a grid: {@code eps = inf_{alpha > 1} alpha rho + log((alpha-1)/alpha) - (log
 * delta + log alpha)/(alpha - 1)}. It is never worse than the classical {@code rho + 2 sqrt(rho
 * log(1/delta))} (Bun and Steinke 2016, Proposition 1.3).
 */
public final class Zcdp {
  private Zcdp() {}

  /**
   * The zCDP parameter of the Gaussian (or discrete Gaussian, Canonne, Kamath and Steinke 2020,
   * Theorem 14) mechanism: {@code Delta^2 / (2 sigma^2)}.
   *
   * @param l2Sensitivity the L2 sensitivity, {@code >= 0}
   * @param sigma the noise standard deviation parameter, {@code > 0}
   * @throws IllegalArgumentException if an argument is out of range or not finite
   */
  public static double gaussianRho(double l2Sensitivity, double sigma) {
    if (!(l2Sensitivity >= 0) || Double.isInfinite(l2Sensitivity) || !(sigma > 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException("Invalid sensitivity " + l2Sensitivity + " or sigma " + sigma);
    }
    return l2Sensitivity * l2Sensitivity / (2 * sigma * sigma);
  }

  /**
   * The smallest epsilon such that {@code rho}-zCDP implies (epsilon, delta)-DP by the optimal
   * RDP conversion.
   *
   * @param rho {@code >= 0}, finite
   * @param delta in {@code (0, 1)}
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static double toEpsilon(double rho, double delta) {
    return toGuarantee(rho, delta).epsilon();
  }

  /**
   * As {@link #toEpsilon}, with the optimal order.
   *
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static PrivacyGuarantee toGuarantee(double rho, double delta) {
    if (!(rho >= 0) || Double.isInfinite(rho)) {
      throw new IllegalArgumentException("Invalid rho " + rho + "; must be finite and >= 0");
    }
    RdpCurve.checkDelta(delta);
    if (rho == 0) {
      return new PrivacyGuarantee(0, delta, Double.POSITIVE_INFINITY);
    }
    // Optimise over s = log(alpha - 1), where the objective is smooth. Any order gives a valid
    // bound, so an imprecise optimum can only cost tightness, never soundness.
    DoubleUnaryOperator f = x -> RdpCurve.epsilonAt(1 + Math.exp(x), rho * (1 + Math.exp(x)), delta);
    double bestS = minimise(f, -20, 25);
    double eps = Math.max(0, f.applyAsDouble(bestS));
    return new PrivacyGuarantee(eps, delta, 1 + Math.exp(bestS));
  }

  /**
   * The minimiser of {@code f} on {@code [lo, hi]}: the best of 181 evenly spaced points, then a
   * golden-section search between its neighbours down to a width of {@code 1e-12}.
   */
  static double minimise(DoubleUnaryOperator f, double lo, double hi) {
    int n = 180;
    double step = (hi - lo) / n;
    int best = 0;
    double bestValue = Double.POSITIVE_INFINITY;
    for (int i = 0; i <= n; i++) {
      double v = f.applyAsDouble(lo + i * step);
      if (v < bestValue) {
        bestValue = v;
        best = i;
      }
    }
    double a = lo + Math.max(0, best - 1) * step;
    double b = lo + Math.min(n, best + 1) * step;
    double invPhi = (Math.sqrt(5) - 1) / 2;
    double c = b - invPhi * (b - a);
    double d = a + invPhi * (b - a);
    double fc = f.applyAsDouble(c);
    double fd = f.applyAsDouble(d);
    while (b - a > 1e-12) {
      if (fc <= fd) {
        b = d;
        d = c;
        fd = fc;
        c = b - invPhi * (b - a);
        fc = f.applyAsDouble(c);
      } else {
        a = c;
        c = d;
        fc = fd;
        d = a + invPhi * (b - a);
        fd = f.applyAsDouble(d);
      }
    }
    double m = (a + b) / 2;
    return f.applyAsDouble(m) <= bestValue ? m : lo + best * step;
  }

  /**
   * The classical bound {@code rho + 2 sqrt(rho log(1/delta))} (Bun and Steinke 2016, Proposition
   * 1.3), for comparison.
   *
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static double toEpsilonClassical(double rho, double delta) {
    if (!(rho >= 0) || Double.isInfinite(rho)) {
      throw new IllegalArgumentException("Invalid rho " + rho + "; must be finite and >= 0");
    }
    RdpCurve.checkDelta(delta);
    return rho + 2 * Math.sqrt(rho * Math.log(1 / delta));
  }
}
