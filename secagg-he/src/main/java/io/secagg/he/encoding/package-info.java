/**
 * Signed fixed-point numbers as Paillier plaintexts: {@link io.secagg.he.encoding.FixedPointEncoder}
 * scales by a public exponent fixed per context (so no exponent travels with, or depends on,
 * the data) and maps negatives to the top of {@code Z_n}, keeping an overflow band between the
 * positive and negative ranges so that a wrapped sum is detected instead of decoded wrongly.
 *
 * <p>The one entry point is {@link io.secagg.he.encoding.FixedPointEncoder}.
 */
package io.secagg.he.encoding;
