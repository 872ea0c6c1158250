/**
 * Moving the protocol's bytes: the transport SPI, an in-memory implementation, and the drivers
 * that run the state machines over any transport.
 *
 * <p>To plug secure aggregation into an existing RPC layer, implement {@link
 * io.secagg.core.transport.ServerTransport} and {@link io.secagg.core.transport.ClientTransport}
 * (two methods each: send a frame, receive one with a timeout), then run {@link
 * io.secagg.core.transport.ServerDriver} on the server and one {@link
 * io.secagg.core.transport.ClientDriver} per client. The drivers own the clock: they turn each
 * round's deadline into {@code ServerMachine.advance()} and give up on an idle client; the
 * machines themselves never wait. {@link io.secagg.core.transport.InMemoryNetwork} connects a
 * server and its clients inside one JVM (tests, simulations). A session that ends without a
 * result raises {@link io.secagg.core.transport.SessionAbortedException} with its reason.
 *
 * <p>The gRPC transport of the {@code secagg-transport-grpc} module is built on the same SPI.
 */
package io.secagg.core.transport;
