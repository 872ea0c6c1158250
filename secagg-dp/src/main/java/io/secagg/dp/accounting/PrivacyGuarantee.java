package io.secagg.dp.accounting;

/**
 * An (epsilon, delta)-DP guarantee, with the Renyi order at which the conversion was tightest.
 * Immutable; the accountants ({@link RdpCurve}, {@link Zcdp}) produce it.
 *
 * @param epsilon epsilon, {@code >= 0}; {@code +Infinity} if no order gives a finite bound
 * @param delta delta, in {@code (0, 1)}
 * @param order the Renyi order that gave the smallest epsilon ({@code NaN} if epsilon is infinite)
 */
public record PrivacyGuarantee(double epsilon, double delta, double order) {
  /**
   * @throws IllegalArgumentException if {@code epsilon} is negative or NaN, or {@code delta} is
   *     outside {@code (0, 1)}
   */
  public PrivacyGuarantee {
    if (!(epsilon >= 0)) {
      throw new IllegalArgumentException("epsilon must be >= 0, got " + epsilon);
    }
    if (!(delta > 0 && delta < 1)) {
      throw new IllegalArgumentException("delta must be in (0, 1), got " + delta);
    }
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "(epsilon=%.6g, delta=%.3g) at order %.4g", epsilon, delta, order);
  }
}
