package io.secagg.vdaf;

/**
 * The parameters the vector variants' builders (SumVec, SumVecWithMultiproof, Histogram,
 * MultihotCountVec) add: the vector length and the chunk length of the range check.
 *
 * @param <B> the concrete builder, returned by the setters
 */
abstract class VectorVariantBuilder<B extends VectorVariantBuilder<B>> extends VariantBuilder<B> {
  int length;
  /** 0 until set: the variant's default. */
  int chunkLength;

  VectorVariantBuilder() {}

  /**
   * The vector length (for Prio3Histogram the number of buckets), at least 1. The encoded
   * measurement it implies ({@code MEAS_LEN}, as the variant's class states) may have at most
   * {@code 2^24} field elements; {@code build()} checks that.
   *
   * @param length the number of elements
   * @return this builder
   * @throws IllegalArgumentException if {@code length < 1}
   */
  public B length(int length) {
    this.length = Variants.checkLength(length);
    return self();
  }

  /**
   * The chunk length of the range check's {@code ParallelSum} gadget, in {@code [1, MEAS_LEN]}
   * ({@code build()} checks the upper end); default {@code floor(sqrt(MEAS_LEN))}. Clients and
   * aggregators must use the same one.
   *
   * @param chunkLength the number of elements each gadget call checks
   * @return this builder
   * @throws IllegalArgumentException if {@code chunkLength < 1}
   */
  public B chunkLength(int chunkLength) {
    if (chunkLength < 1) {
      throw new IllegalArgumentException("chunk length must be positive");
    }
    this.chunkLength = chunkLength;
    return self();
  }
}
