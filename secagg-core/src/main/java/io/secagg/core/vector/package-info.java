/**
 * Vectors over the ring Z_m of integers modulo m: in-place arithmetic and the packed
 * little-endian wire encoding. Two families of moduli are supported: m = 2^b for 1 <= b <= 64,
 * and any 2 <= m <= 2^62.
 */
package io.secagg.core.vector;
