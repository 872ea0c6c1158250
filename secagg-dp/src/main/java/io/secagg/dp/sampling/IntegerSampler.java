package io.secagg.dp.sampling;

import java.util.Objects;

/**
 * An exact sampler of integer noise. Implementations are immutable and thread-safe; all
 * randomness comes from the {@link BitSource} passed to each call (which is not thread-safe).
 */
public interface IntegerSampler {
  /**
   * One sample.
   *
   * @param bits the randomness; consumed as specified in {@code spec/dp.md}
   * @return the sample
   * @throws NullPointerException if {@code bits} is null
   * @throws ArithmeticException only if an intermediate would exceed 64 bits, which for the
   *     documented parameter ranges has probability below {@code e^-4000} per sample
   */
  long sample(BitSource bits);

  /**
   * One sample from the calling thread's secure source ({@link AesCtrBitSource#threadLocal()}).
   *
   * @return the sample
   */
  default long sample() {
    return sample(AesCtrBitSource.threadLocal());
  }

  /**
   * Fills {@code out} in place with independent samples, index 0 first.
   *
   * @throws NullPointerException if an argument is null
   */
  default void fill(long[] out, BitSource bits) {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(bits, "bits");
    for (int i = 0; i < out.length; i++) {
      out[i] = sample(bits);
    }
  }

  /**
   * Adds an independent sample to every element of {@code acc} in place, index 0 first (plain
   * 64-bit addition; callers keep the values far from overflow).
   *
   * @throws NullPointerException if an argument is null
   */
  default void addTo(long[] acc, BitSource bits) {
    Objects.requireNonNull(acc, "acc");
    Objects.requireNonNull(bits, "bits");
    for (int i = 0; i < acc.length; i++) {
      acc[i] += sample(bits);
    }
  }

  /** The exact variance of one sample as a double (for reporting and accounting). */
  double variance();
}
