/**
 * Secure aggregation over the network: a {@link io.secagg.transport.grpc.SecAggGrpcServer} that
 * runs (grouped) rounds over gRPC with TLS, and a {@link
 * io.secagg.transport.grpc.SecAggGrpcClient} with which an application takes part in a few
 * lines. The session protocol is specified in {@code spec/transport.md}, sections 7 and 8.
 *
 * <p>Start with {@link io.secagg.transport.grpc.SecAggGrpcServer#builder} on the server, with a
 * {@link io.secagg.transport.grpc.GroupPlan} (one group, or participants split into groups) and
 * {@link io.secagg.transport.grpc.ServerTls}; and with {@link
 * io.secagg.transport.grpc.SecAggGrpcClient#builder} on each participant, with {@link
 * io.secagg.transport.grpc.ClientTls} and optionally a {@link
 * io.secagg.transport.grpc.ConfigPolicy} that the offered session must meet.
 */
package io.secagg.transport.grpc;
