/**
 * Seed-to-mask expansion: a 32-byte seed and a domain-separation context expand into uniform
 * elements of Z_m with the mask {@link io.secagg.core.crypto.Keystream} (AES-128-CTR), as
 * specified in {@code spec/secagg.md}.
 */
package io.secagg.core.prg;
