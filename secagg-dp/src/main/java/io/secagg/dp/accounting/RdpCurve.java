package io.secagg.dp.accounting;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * Renyi-DP guarantees at a fixed list of orders: the mechanism is {@code (alpha, rdp(alpha))}-RDP
 * for every listed {@code alpha > 1} (Mironov 2017, "Renyi Differential Privacy"). Immutable.
 *
 * <p>Composition adds the curves order by order ({@link #plus}, {@link #times}); {@link
 * #toApproxDp} converts to (epsilon, delta)-DP by the bound of Canonne, Kamath and Steinke 2020
 * ("The Discrete Gaussian for Differential Privacy", Proposition 12) and Balle et al. 2020
 * ("Hypothesis Testing Interpretations and Renyi Differential Privacy", Theorem 21):
 * {@code eps = rdp(alpha) + log((alpha-1)/alpha) - (log delta + log alpha)/(alpha-1)}, minimised
 * over the orders.
 */
public final class RdpCurve {
  /**
   * The default orders ({@link #defaultOrders()}). Every order of the earlier, coarser default
   * list is on it, so no epsilon grew when it changed. Private: a public array could be changed by
   * any caller, and with it every later result that uses the defaults.
   */
  private static final double[] DEFAULT_ORDERS = buildDefaultOrders();

  private final double[] orders;
  private final double[] rdp;

  private RdpCurve(double[] orders, double[] rdp) {
    this.orders = orders;
    this.rdp = rdp;
  }

  /**
   * The default orders (395 of them, strictly increasing): steps of 0.05 from 1.05 to 3, of 0.1
   * to 10, of 0.25 to 20, every integer from 21 to 256, then 288, 320, 384, 448, 512, 640, 768,
   * 896, 1024. The optimal order of common settings lies between 2 and 20 (e.g. about 5.4 and 9.6
   * in the DDG settings of issue 15), where a step of 0.1 leaves at most a few parts in 10^4 of
   * epsilon on the table.
   *
   * @return a new array on every call: changing it changes nothing else
   */
  public static double[] defaultOrders() {
    return DEFAULT_ORDERS.clone();
  }

  private static double[] buildDefaultOrders() {
    java.util.List<Double> o = new java.util.ArrayList<>();
    // Integer steps count from a whole start so that every order is the double nearest its
    // decimal value (1 + 0.05 k accumulated would drift).
    for (int k = 21; k <= 60; k++) {
      o.add(k / 20.0);
    }
    for (int k = 31; k <= 100; k++) {
      o.add(k / 10.0);
    }
    for (int k = 41; k <= 80; k++) {
      o.add(k / 4.0);
    }
    for (int k = 21; k <= 256; k++) {
      o.add((double) k);
    }
    for (double k : new double[] {288, 320, 384, 448, 512, 640, 768, 896, 1024}) {
      o.add(k);
    }
    double[] out = new double[o.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = o.get(i);
    }
    return out;
  }

  /**
   * Evaluates {@code rdpAtOrder} at each order.
   *
   * @param orders strictly increasing orders, each {@code > 1} and finite
   * @param rdpAtOrder the RDP epsilon at an order; must be {@code >= 0} or {@code +Infinity}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the orders are empty, not increasing, not {@code > 1}, or
   *     a value is negative or NaN
   */
  public static RdpCurve of(double[] orders, DoubleUnaryOperator rdpAtOrder) {
    Objects.requireNonNull(orders, "orders");
    Objects.requireNonNull(rdpAtOrder, "rdpAtOrder");
    if (orders.length == 0) {
      throw new IllegalArgumentException("Invalid orders: empty");
    }
    double[] o = orders.clone();
    double[] v = new double[o.length];
    for (int i = 0; i < o.length; i++) {
      if (!(o[i] > 1) || Double.isInfinite(o[i]) || (i > 0 && !(o[i] > o[i - 1]))) {
        throw new IllegalArgumentException("Invalid order " + o[i] + "; orders must be finite, > 1 and increasing");
      }
      v[i] = rdpAtOrder.applyAsDouble(o[i]);
      if (!(v[i] >= 0)) {
        throw new IllegalArgumentException("Invalid RDP value " + v[i] + " at order " + o[i]);
      }
    }
    return new RdpCurve(o, v);
  }

  /** The curve of a mechanism that releases nothing (0 at every order). */
  public static RdpCurve zero(double[] orders) {
    return of(orders, a -> 0);
  }

  /** The orders (a copy). */
  public double[] orders() {
    return orders.clone();
  }

  /** The RDP epsilons, one per order (a copy). */
  public double[] values() {
    return rdp.clone();
  }

  /** The RDP epsilon at {@code order}, which must be one of {@link #orders()}. */
  public double at(double order) {
    int i = Arrays.binarySearch(orders, order);
    if (i < 0) {
      throw new IllegalArgumentException("Order " + order + " is not on this curve");
    }
    return rdp[i];
  }

  /**
   * Sequential composition with another mechanism.
   *
   * @throws IllegalArgumentException if the two curves have different orders
   */
  public RdpCurve plus(RdpCurve other) {
    Objects.requireNonNull(other, "other");
    if (!Arrays.equals(orders, other.orders)) {
      throw new IllegalArgumentException("Cannot compose RDP curves with different orders");
    }
    double[] v = new double[rdp.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = rdp[i] + other.rdp[i];
    }
    return new RdpCurve(orders, v);
  }

  /**
   * Composition of {@code rounds} runs of this mechanism.
   *
   * @throws IllegalArgumentException if {@code rounds < 0}
   */
  public RdpCurve times(long rounds) {
    if (rounds < 0) {
      throw new IllegalArgumentException("Invalid rounds " + rounds + "; must be >= 0");
    }
    double[] v = new double[rdp.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = rdp[i] == 0 ? 0 : rdp[i] * rounds;
    }
    return new RdpCurve(orders, v);
  }

  /**
   * The smallest epsilon over the orders for the given delta.
   *
   * @throws IllegalArgumentException if {@code delta} is not in {@code (0, 1)}
   */
  public PrivacyGuarantee toApproxDp(double delta) {
    checkDelta(delta);
    double best = Double.POSITIVE_INFINITY;
    double bestOrder = Double.NaN;
    for (int i = 0; i < orders.length; i++) {
      double e = epsilonAt(orders[i], rdp[i], delta);
      if (e < best) {
        best = e;
        bestOrder = orders[i];
      }
    }
    return new PrivacyGuarantee(Math.max(0, best), delta, bestOrder);
  }

  /**
   * The conversion of one RDP point: {@code (alpha, r)}-RDP implies (epsilon, delta)-DP with
   * {@code epsilon = r + log((alpha-1)/alpha) - (log delta + log alpha)/(alpha-1)}.
   */
  static double epsilonAt(double alpha, double r, double delta) {
    if (Double.isInfinite(r)) {
      return Double.POSITIVE_INFINITY;
    }
    return r + Math.log1p(-1 / alpha) - (Math.log(delta) + Math.log(alpha)) / (alpha - 1);
  }

  static void checkDelta(double delta) {
    if (!(delta > 0 && delta < 1)) {
      throw new IllegalArgumentException("Invalid delta " + delta + "; must be in (0, 1)");
    }
  }

  @Override
  public String toString() {
    return "RdpCurve[" + orders.length + " orders]";
  }
}
