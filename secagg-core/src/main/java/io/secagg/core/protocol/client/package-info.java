/**
 * The client side of the protocol as a sans-I/O state machine: {@link
 * io.secagg.core.protocol.client.ClientMachine} and one class per state.
 *
 * <p>Start with {@link io.secagg.core.protocol.client.ClientMachine#builder}: the session's
 * configuration, the client's id and its input vector; then run it with a {@link
 * io.secagg.core.transport.ClientDriver}, or feed it server messages yourself.
 */
package io.secagg.core.protocol.client;
