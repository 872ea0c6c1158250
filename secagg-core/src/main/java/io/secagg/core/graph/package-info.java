/**
 * Who masks with whom: the masking graphs of SecAgg (the complete graph, Bonawitz et al. 2017,
 * "Practical Secure Aggregation for Privacy-Preserving Machine Learning") and SecAgg+ (a random
 * Harary graph of degree k = O(log n), Bell et al. 2020, "Secure Single-Server Aggregation with
 * (Poly)Logarithmic Overhead"), and the choice of degree and Shamir threshold.
 *
 * <p>Clients are identified by the integers 1..n, n at most {@link
 * io.secagg.core.graph.MaskingGraph#MAX_CLIENTS}. Two clients that share an edge agree on a
 * pairwise mask and hold shares of each other's secrets; a random Harary graph is derived
 * deterministically from a 32-byte public session seed, so every party computes the same graph.
 * The byte-level derivation is in {@code spec/secagg.md, section 4}.
 */
package io.secagg.core.graph;
