/**
 * secagg-vectors: the known-answer files of {@code test-vectors/} (bundled in this jar) and the
 * checkers that run them against secagg-core, secagg-he and secagg-dp.
 *
 * <p>Exported API: {@code io.secagg.vectors} ({@link io.secagg.vectors.VectorVerifier} and its
 * reports). The checkers under {@code io.secagg.vectors.internal} are an implementation detail.
 */
module io.secagg.vectors {
  requires io.secagg.core;
  requires io.secagg.he;
  requires io.secagg.dp;
  requires com.fasterxml.jackson.databind;

  exports io.secagg.vectors;
}
