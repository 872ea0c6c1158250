package io.secagg.dp.sampling;

/**
 * A source of independent, uniformly distributed 64-bit words: the only randomness the samplers
 * consume.
 *
 * <p>Implementations are <b>not</b> required to be thread-safe; use one source per thread (see
 * {@link AesCtrBitSource#threadLocal()}). The samplers of this package consume words in the exact
 * order given in {@code spec/dp.md}, so the same source state always yields the same samples.
 */
public interface BitSource {
  /**
   * The next 64 uniform bits.
   *
   * @return a uniformly distributed long (all 2^64 values equally likely)
   */
  long nextLong();
}
