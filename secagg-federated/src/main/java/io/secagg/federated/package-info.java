/**
 * Federated averaging over secure aggregation: float updates in, the sum and mean of the
 * included clients' updates out, with an error bound, and with distributed differential privacy
 * when asked.
 *
 * <p>Three types: {@link io.secagg.federated.AveragingParameters} (public, shared by everyone,
 * built once from stated bounds), {@link io.secagg.federated.AveragingServer} (one per training
 * run, {@code aggregate(round, transport)} per round) and {@link
 * io.secagg.federated.AveragingClient} (one per client, {@code submit(round, update, transport)}
 * per round). Transports are the core's SPI ({@code io.secagg.core.transport}): the in-memory
 * network, or a framework's own RPC layer in a few lines. The planning rules, the digest that
 * binds the parameters into every round and the DP rotation seed are specified in {@code
 * spec/federated.md}.
 */
package io.secagg.federated;
