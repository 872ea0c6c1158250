/**
 * secagg-core: pairwise-masked secure aggregation and the building blocks it rests on.
 *
 * <p>Exported API packages: {@code vector} (arithmetic in Z_m and its wire encoding),
 * {@code prg} (seed-to-mask expansion), {@code crypto} (key agreement, KDF, AEAD, signatures,
 * secret holders) and {@code shamir} (threshold secret sharing). Everything under
 * {@code io.secagg.core.internal} is an implementation detail and is not exported.
 */
module io.secagg.core {
  requires org.bouncycastle.provider;

  exports io.secagg.core.crypto;
  exports io.secagg.core.shamir;
  exports io.secagg.core.graph;
  exports io.secagg.core.quant;
  exports io.secagg.core.prg;
  exports io.secagg.core.vector;
}
