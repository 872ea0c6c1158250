package io.secagg.dp.ddg;

import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;
import io.secagg.dp.accounting.PrivacyGuarantee;
import io.secagg.dp.clip.L2Clipping;
import io.secagg.dp.sampling.AesCtrBitSource;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A simulated DDG round without the network: every surviving client encodes its update, the
 * wrapped vectors are summed modulo {@code m} (what secure aggregation reveals), the server
 * decodes, and the result is compared with the true sum of the clipped updates.
 *
 * <p><b>Deterministic, for simulations and tests only</b> (the CLI's {@code secagg simulate}):
 * client {@code i}'s randomness is {@link AesCtrBitSource#forTestVectorsOnly} of the 8-byte
 * big-endian {@code seed} followed by the 4-byte big-endian {@code i}, and the rotation seed is the
 * first 32 bytes of the stream of client index -1.
 */
public final class DdgSimulation {
  private DdgSimulation() {}

  /**
   * Runs one round.
   *
   * @param updates one update of length {@code d} per client
   * @param dropped which clients drop out before submitting (null: none)
   * @param delta the delta at which to report epsilon
   * @return the outcome, with the accountant's guarantee for one round with the actual survivors
   * @throws NullPointerException if {@code params} or {@code updates} is null
   * @throws IllegalArgumentException if there are no clients, no survivors, lengths differ, or
   *     delta is not in {@code (0, 1)}
   */
  public static DdgSimulationResult simulateRound(
      DdgParameters params, double[][] updates, boolean[] dropped, long seed, double delta) {
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(updates, "updates");
    if (updates.length == 0) {
      throw new IllegalArgumentException("No clients");
    }
    if (dropped != null && dropped.length != updates.length) {
      throw new IllegalArgumentException("dropped has length " + dropped.length + " but there are " + updates.length + " clients");
    }
    byte[] rotationSeed = new byte[32];
    for (int i = 0; i < 4; i++) {
      ByteBuffer.wrap(rotationSeed, 8 * i, 8).putLong(source(seed, -1).nextLong());
    }
    ModVector aggregate = ModVector.zeros(params.modulus(), params.paddedDimension());
    double[] trueSum = new double[params.dimension()];
    int survivors = 0;
    for (int c = 0; c < updates.length; c++) {
      if (dropped != null && dropped[c]) {
        continue;
      }
      survivors++;
      aggregate.addInPlace(DdgClient.encode(params, updates[c], rotationSeed, source(seed, c)));
      double[] clipped = updates[c].clone();
      L2Clipping.clip(clipped, params.clipNorm());
      for (int i = 0; i < trueSum.length; i++) {
        trueSum[i] += clipped[i];
      }
    }
    if (survivors == 0) {
      throw new IllegalArgumentException("No surviving clients");
    }
    double[] decoded;
    try {
      decoded = DdgServer.decode(params, aggregate, rotationSeed);
    } catch (InvalidAggregateException e) {
      // The aggregate was summed here from this method's own encodings.
      throw new IllegalStateException("the simulation's own aggregate was rejected", e);
    }
    PrivacyGuarantee g = params.guarantee(1, survivors, delta);
    return new DdgSimulationResult(decoded, trueSum, survivors, params.predictedErrorStd(survivors), g);
  }

  private static AesCtrBitSource source(long seed, int client) {
    byte[] b = ByteBuffer.allocate(12).putLong(seed).putInt(client).array();
    return AesCtrBitSource.forTestVectorsOnly(b);
  }

  /**
   * The CLI's one call ({@code secagg simulate --dp-epsilon E --dp-delta D ...}): selects the
   * parameters for {@code rounds} rounds of {@code updates.length} clients (conservatively: the
   * noise is sized for that many survivors) and simulates one round.
   *
   * @param bits the modulus bit width: m = 2^bits, 1..62
   * @throws NullPointerException if {@code updates} is null
   * @throws IllegalArgumentException as {@link DdgParameterSelection.Builder#build()} and {@link
   *     #simulateRound}, or if the updates are ragged
   */
  public static DdgSimulationResult selectAndSimulate(double epsilon, double delta, long rounds,
      double clipNorm, int bits, double[][] updates, boolean[] dropped, long seed) {
    Objects.requireNonNull(updates, "updates");
    if (updates.length == 0 || updates[0] == null) {
      throw new IllegalArgumentException("No clients");
    }
    int d = updates[0].length;
    for (double[] u : updates) {
      if (u == null || u.length != d) {
        throw new IllegalArgumentException("All updates must have the same length " + d);
      }
    }
    DdgParameters p = DdgParameterSelection.builder().epsilon(epsilon).delta(delta).rounds(rounds)
        .clients(updates.length).dimension(d).clipNorm(clipNorm).modulus(Modulus.powerOfTwo(bits))
        .build();
    return simulateRound(p, updates, dropped, seed, delta);
  }
}
