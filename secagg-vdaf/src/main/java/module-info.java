/**
 * secagg-vdaf: Prio3 from the CFRG VDAF draft (draft-irtf-cfrg-vdaf-20). Two or more
 * non-colluding aggregators verify, on secret shares, that every client's measurement is valid
 * (a bit, a bounded integer, a vector of bounded integers, a one-hot or bounded-weight vector)
 * before adding it to the aggregate.
 *
 * <p>Exported API package: {@code io.secagg.vdaf} (the variants, sharding, verification in the
 * ping-pong topology or for any number of aggregators, aggregation and unsharding). The fields,
 * XOFs and the FLP live in {@code io.secagg.vdaf.internal.*} and are not exported.
 */
module io.secagg.vdaf {
  exports io.secagg.vdaf;
}
