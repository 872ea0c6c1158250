package io.secagg.dp.accounting;

/**
 * An (epsilon, delta)-DP guarantee, with the Renyi order at which the conversion was tightest.
 * Immutable.
 */
public final class PrivacyGuarantee {
  private final double epsilon;
  private final double delta;
  private final double order;

  PrivacyGuarantee(double epsilon, double delta, double order) {
    this.epsilon = epsilon;
    this.delta = delta;
    this.order = order;
  }

  /** Epsilon, {@code >= 0}; {@code +Infinity} if no order gives a finite bound. */
  public double epsilon() {
    return epsilon;
  }

  /** Delta, in {@code (0, 1)}. */
  public double delta() {
    return delta;
  }

  /** The Renyi order that gave the smallest epsilon ({@code NaN} if epsilon is infinite). */
  public double order() {
    return order;
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "(epsilon=%.6g, delta=%.3g) at order %.4g", epsilon, delta, order);
  }
}
