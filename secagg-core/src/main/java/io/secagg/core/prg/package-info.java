/**
 * Seed-to-mask expansion: a 32-byte seed and a domain-separation context expand into uniform
 * elements of Z_m with the mask {@link io.secagg.core.crypto.Keystream} (AES-128-CTR), as
 * specified in {@code spec/secagg.md}.
 *
 * <p>Start with {@link io.secagg.core.prg.AesCtrMaskGenerator}, the implementation of {@link
 * io.secagg.core.prg.MaskGenerator}: it expands a mask into a new vector, or adds or subtracts it
 * straight into an accumulator without materializing it (the protocol's hot path).
 */
package io.secagg.core.prg;
