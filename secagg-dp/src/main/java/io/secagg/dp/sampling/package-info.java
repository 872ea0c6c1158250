/**
 * Exact samplers for integer noise and the secure bit source that drives them.
 *
 * <p>Every sampler here is <b>exact</b>: its output distribution is the stated one, with no
 * floating-point approximation anywhere in an accept/reject decision. Randomness comes only from a
 * {@link io.secagg.dp.sampling.BitSource}; the production source is {@link
 * io.secagg.dp.sampling.AesCtrBitSource#threadLocal()} (AES-128-CTR keyed from {@link
 * java.security.SecureRandom}). The algorithms and the exact bit consumption are specified in
 * {@code spec/dp.md}, so that seeded outputs are reproducible by an independent implementation.
 */
package io.secagg.dp.sampling;
