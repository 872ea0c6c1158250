/**
 * Float updates to Z_m and back: clipping to [-c, c], exact power-of-two scaling, unbiased
 * stochastic rounding from a secure source, an offset that makes every client's value
 * non-negative, and a scale chosen so that the sum of up to n_max clients cannot wrap modulo m.
 *
 * <p>Start with {@link io.secagg.core.quant.QuantizerConfig#builder()} and {@link
 * io.secagg.core.quant.Quantizer#create}. The maths is specified in {@code
 * spec/secagg.md, section 4}.
 */
package io.secagg.core.quant;
