/**
 * The wire encoding of protocol messages: {@link io.secagg.core.wire.WireCodec} translates the
 * machines' immutable messages to and from protobuf frames of the schema in {@code
 * spec/secagg.proto}. The generated protobuf classes live in a package that is not exported:
 * this package is a translation layer, and nothing else depends on protobuf.
 */
package io.secagg.core.wire;
