/**
 * The client side of the protocol as a sans-I/O state machine: {@link
 * io.secagg.core.protocol.client.ClientMachine} and one class per state.
 */
package io.secagg.core.protocol.client;
