package io.secagg.vdaf;

/**
 * The parameters every variant's builder has: the number of aggregators, and for the vector
 * variants the length and the chunk length of the range check.
 *
 * @param <B> the concrete builder, returned by the setters
 */
abstract class VariantBuilder<B extends VariantBuilder<B>> {
  int shares = 2;
  int length;
  int chunkLength;

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

  /** Sets the vector length (vector variants only). */
  B vectorLength(int length) {
    this.length = Variants.checkLength(length);
    return self();
  }

  /** Sets the chunk length (vector variants only); 0 means the default. */
  B chunk(int chunkLength) {
    if (chunkLength < 1) {
      throw new IllegalArgumentException("chunk length must be positive");
    }
    this.chunkLength = chunkLength;
    return self();
  }
}
