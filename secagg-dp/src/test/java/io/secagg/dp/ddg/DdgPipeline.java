package io.secagg.dp.ddg;

import io.secagg.core.vector.ModVector;
import io.secagg.dp.clip.L2Clipping;
import io.secagg.dp.sampling.AesCtrBitSource;

/**
 * The DDG pipeline without the network, for this package's tests: every surviving client
 * encodes, the wrapped vectors are summed modulo m (what secure aggregation reveals), and the
 * server decodes. A round through real SecAgg is secagg-session's {@code DpRound}.
 */
final class DdgPipeline {
  /** The decoded sum, the true sum of the survivors' clipped updates, and the survivor count. */
  static final class Result {
    final double[] decoded;
    final double[] truth;
    final int survivors;

    private Result(double[] decoded, double[] truth, int survivors) {
      this.decoded = decoded;
      this.truth = truth;
      this.survivors = survivors;
    }

    /** The RMS error per coordinate of the decoded sum. */
    double rmse() {
      double sq = 0;
      for (int i = 0; i < truth.length; i++) {
        sq += (decoded[i] - truth[i]) * (decoded[i] - truth[i]);
      }
      return Math.sqrt(sq / truth.length);
    }
  }

  private DdgPipeline() {}

  /**
   * Runs one round; client c's randomness and the rotation seed are derived from {@code seed}.
   *
   * @param dropped which clients drop out before submitting (null: none)
   */
  static Result run(DdgParameters p, double[][] updates, boolean[] dropped, long seed) {
    byte[] rotation = new byte[32];
    java.nio.ByteBuffer.wrap(rotation).putLong(seed);
    ModVector aggregate = ModVector.zeros(p.modulus(), p.paddedDimension());
    double[] truth = new double[p.dimension()];
    int survivors = 0;
    for (int c = 0; c < updates.length; c++) {
      if (dropped != null && dropped[c]) {
        continue;
      }
      survivors++;
      byte[] bits = java.nio.ByteBuffer.allocate(12).putLong(seed).putInt(c).array();
      aggregate.addInPlace(DdgClient.encode(p, updates[c], rotation, AesCtrBitSource.forTestVectorsOnly(bits)));
      double[] clipped = updates[c].clone();
      L2Clipping.clip(clipped, p.clipNorm());
      for (int i = 0; i < truth.length; i++) {
        truth[i] += clipped[i];
      }
    }
    try {
      return new Result(DdgServer.decode(p, aggregate, rotation), truth, survivors);
    } catch (InvalidAggregateException e) {
      throw new AssertionError("the pipeline's own aggregate was rejected", e);
    }
  }
}
