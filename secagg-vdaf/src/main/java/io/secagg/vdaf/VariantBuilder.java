package io.secagg.vdaf;

/**
 * The parameter every variant's builder has: the number of aggregators.
 *
 * @param <B> the concrete builder, returned by the setters
 */
abstract class VariantBuilder<B extends VariantBuilder<B>> {
  int shares = 2;

  VariantBuilder() {}

  /** This builder as its concrete type: every subclass is declared {@code X extends VariantBuilder<X>}. */
  @SuppressWarnings("unchecked")
  final B self() {
    return (B) this;
  }

  /**
   * The number of aggregators, in {@code [2, 255]} (default 2).
   *
   * @param shares the number of aggregators
   * @return this builder
   * @throws IllegalArgumentException if out of range
   */
  public B shares(int shares) {
    this.shares = Variants.checkShares(shares);
    return self();
  }
}
