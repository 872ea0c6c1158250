/**
 * A privacy accountant: Renyi DP (Mironov 2017) of the Gaussian and Poisson-subsampled Gaussian
 * mechanisms (Mironov, Talwar and Zhang 2019), of the distributed discrete Gaussian (Kairouz, Liu
 * and Steinke 2021) and of the Skellam mechanism (Agarwal, Kairouz and Liu 2021); zCDP (Bun and
 * Steinke 2016); amplification by Poisson client sampling for distributed noise; composition over
 * rounds; and conversion to (epsilon, delta)-DP (Canonne, Kamath and Steinke 2020). All
 * computations are in log space, and every approximation errs on the side of a larger epsilon.
 */
package io.secagg.dp.accounting;
