package io.secagg.dp.accounting;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

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
    // Optimise over s = log(alpha - 1): the objective is smooth and unimodal there.
    UnivariateObjectiveFunction f =
        new UnivariateObjectiveFunction(s -> RdpCurve.epsilonAt(1 + Math.exp(s), rho * (1 + Math.exp(s)), delta));
    BrentOptimizer opt = new BrentOptimizer(1e-12, 1e-14);
    UnivariatePointValuePair best =
        opt.optimize(new MaxEval(10_000), f, GoalType.MINIMIZE, new SearchInterval(-20, 25, 0));
    double eps = Math.max(0, best.getValue());
    return new PrivacyGuarantee(eps, delta, 1 + Math.exp(best.getPoint()));
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
