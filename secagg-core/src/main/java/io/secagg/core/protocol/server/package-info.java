/**
 * The server side of the protocol as a sans-I/O state machine: {@link
 * io.secagg.core.protocol.server.ServerMachine} and one class per state.
 */
package io.secagg.core.protocol.server;
