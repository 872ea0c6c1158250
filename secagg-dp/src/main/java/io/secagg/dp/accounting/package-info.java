/**
 * A privacy accountant: Renyi DP (Mironov 2017) of the Gaussian and Poisson-subsampled Gaussian
 * mechanisms (Mironov, Talwar and Zhang 2019), of the distributed discrete Gaussian (Kairouz, Liu
 * and Steinke 2021) and of the Skellam mechanism (Agarwal, Kairouz and Liu 2021); zCDP (Bun and
 * Steinke 2016); amplification by Poisson client sampling for distributed noise; composition over
 * rounds; and conversion to (epsilon, delta)-DP (Canonne, Kamath and Steinke 2020). All
 * computations are in log space, and every approximation errs on the side of a larger epsilon.
 *
 * <p>Start with {@link io.secagg.dp.accounting.Rdp}, whose factories give a mechanism's {@link
 * io.secagg.dp.accounting.RdpCurve}; compose curves over rounds and convert the result to a
 * {@link io.secagg.dp.accounting.PrivacyGuarantee}.
 */
package io.secagg.dp.accounting;
