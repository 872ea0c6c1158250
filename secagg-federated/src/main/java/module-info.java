/**
 * secagg-federated: federated averaging over secure aggregation, for framework authors.
 *
 * <p>Exported API package: {@code io.secagg.federated} ({@code AveragingParameters}, {@code
 * AveragingServer}, {@code AveragingClient} and their results). {@code
 * io.secagg.federated.internal} holds the seam to the protocol round runner and is not exported.
 */
module io.secagg.federated {
  requires transitive io.secagg.core;
  requires transitive io.secagg.dp;

  exports io.secagg.federated;
}
