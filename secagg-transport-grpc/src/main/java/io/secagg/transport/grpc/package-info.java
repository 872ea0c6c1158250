/**
 * Secure aggregation over the network: a {@link io.secagg.transport.grpc.SecAggGrpcServer} that
 * runs (grouped) rounds over gRPC with TLS, and a {@link
 * io.secagg.transport.grpc.SecAggGrpcClient} with which an application takes part in a few
 * lines. The session protocol is specified in {@code spec/transport.md}, sections 7 and 8.
 */
package io.secagg.transport.grpc;
