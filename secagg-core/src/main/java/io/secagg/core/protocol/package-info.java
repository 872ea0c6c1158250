/**
 * The secure-aggregation protocol (SecAgg, Bonawitz et al. 2017; SecAgg+, Bell et al. 2020): the
 * session configuration, the messages the parties exchange, and the result.
 *
 * <p>Start with {@link io.secagg.core.protocol.SecAggConfig#builder()}: clients n, Shamir
 * threshold t, vector length L, modulus m, masking graph and {@link
 * io.secagg.core.protocol.SecurityMode}. One configuration drives a {@link
 * io.secagg.core.protocol.server.ServerMachine} and one {@link
 * io.secagg.core.protocol.client.ClientMachine} per client; these are sans-I/O state machines
 * (no threads, sockets or clocks), moved by the drivers of {@link io.secagg.core.transport}
 * (secagg-session's {@code SecAggRound} runs a whole session in one JVM with them); {@link
 * io.secagg.core.session.SessionPlanner} derives graph and threshold. A completed session yields
 * an {@link io.secagg.core.protocol.AggregationResult}: the sum modulo m of exactly the included
 * clients' inputs, and who dropped out in which {@link io.secagg.core.protocol.Round}.
 *
 * <p>The messages ({@link io.secagg.core.protocol.ServerMessage}, {@link
 * io.secagg.core.protocol.ClientMessage} and their records) are immutable values; their bytes are
 * defined by {@link io.secagg.core.wire.WireCodec}. The normative description of every round,
 * message and check is {@code spec/secagg.md}, section 5.
 */
package io.secagg.core.protocol;
