/**
 * Secure aggregation over the network: a {@link io.secagg.transport.grpc.SecAggGrpcServer} that
 * runs (grouped) rounds over gRPC with TLS, and a {@link
 * io.secagg.transport.grpc.SecAggGrpcClient} with which an application takes part in a few
 * lines. The session protocol is specified in {@code spec/transport.md}, sections 7 and 8.
 *
 * <p>Start with {@link io.secagg.transport.grpc.SecAggGrpcServer#builder} on the server, with a
 * {@link io.secagg.core.session.GroupPlan} (one group, or participants split into groups) and
 * {@link io.secagg.transport.grpc.ServerTls}; and with {@link
 * io.secagg.transport.grpc.SecAggGrpcClient#builder} on each participant, with {@link
 * io.secagg.transport.grpc.ClientTls} and optionally a {@link
 * io.secagg.core.session.ConfigPolicy} that the offered session must meet. Group plans and
 * policies belong to secagg-core's session layer, so that every transport shares them.
 */
package io.secagg.transport.grpc;
