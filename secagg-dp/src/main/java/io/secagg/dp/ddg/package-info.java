/**
 * The distributed discrete Gaussian (DDG) pipeline for secure aggregation (Kairouz, Liu and
 * Steinke 2021, "The Distributed Discrete Gaussian Mechanism for Federated Learning with Secure
 * Aggregation"): clip, randomized Hadamard rotation from a shared seed, scaling, conditional
 * stochastic rounding, per-client discrete Gaussian or Skellam noise, wrap into Z_m; and the
 * server decode, and parameter selection. A whole round through secure aggregation is
 * secagg-session's {@code DpRound} (what {@code secagg simulate --dp-epsilon} runs).
 *
 * <p>The modular output is a {@code long[]} with every element in {@code [0, m)}, the modulus given
 * either as a bit count (1..62) or directly.
 *
 * <p>Start with {@link io.secagg.dp.ddg.DdgParameterSelection#builder()} (parameters from a
 * privacy target), then {@link io.secagg.dp.ddg.DdgClient#encode} on each client and {@link
 * io.secagg.dp.ddg.DdgServer#decode} on the aggregate.
 */
package io.secagg.dp.ddg;
