/**
 * Clipping of client updates: L2 clipping of float and double vectors, and adaptive clipping
 * (Andrew, Thakkar, McMahan and Ramaswamy 2021, "Differentially Private Learning with Adaptive
 * Clipping") whose clipped-count query is noised with an exact discrete Gaussian and accounted.
 */
package io.secagg.dp.clip;
