/**
 * Vectors over the ring Z_m of integers modulo m: in-place arithmetic and the packed
 * little-endian wire encoding. Two families of moduli are supported: m = 2^b for 1 &lt;= b &lt;= 64,
 * and any 2 &lt;= m &lt;= 2^62.
 *
 * <p>Start with {@link io.secagg.core.vector.Modulus} ({@code Modulus.powerOfTwo(32)}) and {@link
 * io.secagg.core.vector.ModVector}, a mutable vector of unsigned {@code long} elements in [0, m)
 * whose in-place operations allocate nothing per element.
 */
package io.secagg.core.vector;
