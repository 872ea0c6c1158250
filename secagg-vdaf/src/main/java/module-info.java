/**
 * secagg-vdaf: Prio3 from the CFRG VDAF draft (draft-irtf-cfrg-vdaf-20). Two or more
 * non-colluding aggregators verify, on secret shares, that every client's measurement is valid
 * (a bit, a bounded integer, a vector of bounded integers, a one-hot or bounded-weight vector)
 * before adding it to the aggregate.
 *
 * <p>Exported API package: {@code io.secagg.vdaf} (the variants, sharding, verification in the
 * ping-pong topology or for any number of aggregators, aggregation and unsharding). The fields,
 * XOFs and the FLP live in {@code io.secagg.vdaf.internal.*} and are not exported. For
 * federated learning, {@code BoundedVector} clips and quantizes float updates into a
 * Prio3SumVecWithMultiproof whose range the aggregators verify, frames the uploads and the
 * aggregators' messages for any transport, and optionally adds discrete Gaussian noise at each
 * aggregator.
 */
module io.secagg.vdaf {
  // BoundedVector quantizes with core's Quantizer and noises with dp's discrete Gaussian; both
  // types appear in its API (QuantizerConfig, PrivacyGuarantee), hence transitive.
  requires transitive io.secagg.dp;

  exports io.secagg.vdaf;
}
