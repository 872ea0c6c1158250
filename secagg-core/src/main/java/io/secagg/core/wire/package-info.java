/**
 * The wire encoding of protocol messages: {@link io.secagg.core.wire.WireCodec} translates the
 * machines' immutable messages to and from protobuf frames of the schema in {@code
 * spec/secagg.proto}. The generated protobuf classes live in a package that is not exported:
 * this package is a translation layer, and nothing else depends on protobuf.
 *
 * <p>Start with {@link io.secagg.core.wire.WireCodec#forConfig}: a codec bounds every length by
 * its session's configuration before allocating, and rejects anything else with {@link
 * io.secagg.core.wire.WireFormatException}. {@link io.secagg.core.wire.ConfigCodec} encodes the
 * configuration itself, for transports that offer it to clients.
 */
package io.secagg.core.wire;
