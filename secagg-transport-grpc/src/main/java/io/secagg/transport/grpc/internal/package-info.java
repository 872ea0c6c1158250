/**
 * Implementation details of the gRPC transport: the session method, PEM checks and the
 * generated envelope classes ({@code internal.proto}). Not an API: may change in any release.
 */
package io.secagg.transport.grpc.internal;
