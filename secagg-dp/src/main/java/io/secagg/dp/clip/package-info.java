/**
 * Clipping of client updates: L2 clipping of float and double vectors, and adaptive clipping
 * (Andrew, Thakkar, McMahan and Ramaswamy 2021, "Differentially Private Learning with Adaptive
 * Clipping") whose clipped-count query is noised with an exact discrete Gaussian and accounted.
 *
 * <p>Start with {@link io.secagg.dp.clip.L2Clipping}; {@link io.secagg.dp.clip.AdaptiveClipping}
 * adjusts the clip norm between rounds.
 */
package io.secagg.dp.clip;
