/**
 * secagg-core: pairwise-masked secure aggregation and the building blocks it rests on.
 *
 * <p>Exported API packages: {@code vector} (arithmetic in Z_m and its wire encoding),
 * {@code prg} (seed-to-mask expansion), {@code crypto} (key agreement, KDF, AEAD, signatures,
 * secret holders) and {@code shamir} (threshold secret sharing); {@code protocol} (session
 * configuration and messages), {@code protocol.client} and {@code protocol.server} (the sans-I/O
 * machines), {@code wire} (the protobuf frame codec), {@code transport} (the transport SPI, the
 * in-memory network and the round drivers) and {@code session} (planning from a threat model,
 * grouped aggregation, the participant's policy, and the server driver's listener). Everything under an
 * {@code internal} package (including the generated protobuf classes) is an implementation
 * detail and is not exported. The root package holds {@code UntrustedInputException}, the
 * supertype of every rejection of untrusted input.
 */
module io.secagg.core {
  requires org.bouncycastle.provider;
  // The wire codec's runtime; generated classes live in a package that is not exported.
  requires com.google.protobuf;

  exports io.secagg.core;
  exports io.secagg.core.crypto;
  exports io.secagg.core.shamir;
  exports io.secagg.core.graph;
  exports io.secagg.core.quant;
  exports io.secagg.core.prg;
  exports io.secagg.core.vector;
  exports io.secagg.core.protocol;
  exports io.secagg.core.protocol.client;
  exports io.secagg.core.protocol.server;
  exports io.secagg.core.wire;
  exports io.secagg.core.transport;
  exports io.secagg.core.session;
}
