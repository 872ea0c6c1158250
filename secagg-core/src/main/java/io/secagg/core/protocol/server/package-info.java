/**
 * The server side of the protocol as a sans-I/O state machine: {@link
 * io.secagg.core.protocol.server.ServerMachine} and one class per state.
 *
 * <p>Start with {@link io.secagg.core.protocol.server.ServerMachine#builder}; run it with a {@link
 * io.secagg.core.transport.ServerDriver}, which feeds it client messages and turns deadlines into
 * {@code advance()}.
 */
package io.secagg.core.protocol.server;
