/**
 * secagg-dp: differential-privacy noise for secure aggregation.
 *
 * <p>Exported API packages: {@code sampling} (the cryptographically secure bit source and the
 * exact integer samplers), {@code central} (central-model noise on real values), {@code clip}
 * (L2 and adaptive clipping), {@code ddg} (the distributed discrete Gaussian pipeline for secure
 * aggregation) and {@code accounting} (RDP / zCDP accountant). {@code io.secagg.dp.internal} holds
 * exact arithmetic helpers and is not exported.
 */
module io.secagg.dp {
  // Transitive: InvalidAggregateException, part of this API, extends core's UntrustedInputException.
  requires transitive io.secagg.core;
  requires org.apache.commons.numbers.gamma;

  exports io.secagg.dp.sampling;
  exports io.secagg.dp.central;
  exports io.secagg.dp.clip;
  exports io.secagg.dp.ddg;
  exports io.secagg.dp.accounting;
}
