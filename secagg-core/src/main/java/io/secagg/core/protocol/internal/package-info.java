/**
 * Implementation of the protocol shared by the client and server machines: byte layouts of
 * every derivation, signed message and associated data, and the adapters onto the building
 * blocks. Not exported from the module; not API.
 */
package io.secagg.core.protocol.internal;
