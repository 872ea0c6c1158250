/**
 * Central-model noise on real values, done securely (Mironov 2012, "On Significance of the Least
 * Significant Bits for Differential Privacy"): the input is clamped, snapped to a power-of-two grid
 * chosen from the noise scale alone (never from the input), and exact integer noise on that grid
 * is added. The output is always a multiple of the grid step, whatever the input, so neighbouring
 * inputs have the same output support. No {@code ln(U)} Laplace and no {@code nextGaussian}.
 *
 * <p>The one entry point is {@link io.secagg.dp.central.SnappingMechanism}.
 */
package io.secagg.dp.central;
