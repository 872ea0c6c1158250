package io.secagg.cli;

import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.core.sim.SimulationReport;
import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;
import io.secagg.dp.accounting.PrivacyGuarantee;
import io.secagg.dp.clip.L2Clipping;
import io.secagg.dp.ddg.DdgClient;
import io.secagg.dp.ddg.DdgParameterSelection;
import io.secagg.dp.ddg.DdgParameters;
import io.secagg.dp.ddg.DdgServer;
import io.secagg.dp.ddg.InvalidAggregateException;
import io.secagg.dp.ddg.SignalToNoise;
import io.secagg.dp.sampling.AesCtrBitSource;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * {@code secagg simulate --dp-epsilon E --dp-delta D}: the distributed discrete Gaussian pipeline
 * around a real SecAgg round. Each client draws a real update of L Gaussian entries scaled so its
 * L2 norm is about the clip norm, and encodes it with {@link DdgClient} into D = L rounded up to a
 * power of two elements of Z_m (flattening rotation, stochastic rounding, discrete Gaussian
 * noise); these vectors are the SecAgg inputs; the server's sum is decoded with {@link DdgServer}
 * and compared with the true sum of the included clients' clipped updates.
 *
 * <p>Simulation only: every random value (updates, rotation seed, each client's rounding and
 * noise) comes from deterministic sources derived from the run's seed, so a run repeats exactly.
 */
final class DpRun {
  private DdgParameters params;
  private final double clip;
  private final int length;
  private final double epsilon;
  private final double delta;
  private final long rounds;
  private final int clients;
  private final long seed;
  private final Modulus modulus;
  private final byte[] rotationSeed;
  private final double[][] clipped;

  private DpRun(double epsilon, double delta, long rounds, double clip, int clients, int length,
      long seed, Modulus modulus) {
    this.clip = clip;
    this.length = length;
    this.epsilon = epsilon;
    this.delta = delta;
    this.rounds = rounds;
    this.clients = clients;
    this.seed = seed;
    this.modulus = modulus;
    this.rotationSeed = new byte[32];
    random("dp-rotation", 0).nextBytes(rotationSeed);
    this.clipped = new double[clients + 1][];
  }

  /**
   * The DP pipeline for L = {@code length} and m = {@code modulus}; its parameters are chosen by
   * {@link #select(int)} once the session's threshold is known.
   *
   * @throws IllegalArgumentException if m is not a power of two of at most 62 bits
   */
  static DpRun of(double epsilon, double delta, long rounds, double clip, int clients, int length,
      Modulus modulus, long seed) {
    if (!modulus.isPowerOfTwo() || modulus.bits() > 62) {
      throw new IllegalArgumentException("--dp-epsilon needs a modulus 2^b with b <= 62 (the DDG"
          + " wraps into Z_(2^b)); got " + modulus);
    }
    return new DpRun(epsilon, delta, rounds, clip, clients, length, seed, modulus);
  }

  /**
   * Selects DDG parameters so that {@code rounds} rounds meet (epsilon, delta) whenever the
   * session completes, that is with any number of included clients from its threshold {@code
   * minSurvivors} up to all of them.
   *
   * @throws IllegalArgumentException if the selection finds no parameters (the message says why)
   */
  void select(int minSurvivors) {
    params = DdgParameterSelection.builder().epsilon(epsilon).delta(delta).rounds(rounds)
        .clients(clients).minimumSurvivors(minSurvivors).dimension(length).clipNorm(clip)
        .modulus(modulus).build();
  }

  /** The SecAgg vector length: the DDG's padded dimension D. */
  int vectorLength() {
    return length == 1 ? 1 : Integer.highestOneBit(length - 1) << 1;
  }

  DdgParameters params() {
    return params;
  }

  private DeterministicRandom random(String purpose, int client) {
    byte[] label = purpose.getBytes(StandardCharsets.US_ASCII);
    return DeterministicRandom.forTestVectorsOnly(
        ByteBuffer.allocate(12 + label.length).putLong(seed).putInt(client).put(label).array());
  }

  /**
   * Client {@code id}'s SecAgg input: its update, drawn and DDG-encoded. Remembers the clipped
   * update for the true sum. Called once per client by the simulator.
   */
  ModVector input(int id) {
    int d = params.dimension();
    DeterministicRandom r = random("dp-update", id);
    double[] update = new double[d];
    double s = params.clipNorm() / Math.sqrt(d);
    for (int i = 0; i < d; i++) {
      update[i] = r.nextGaussian() * s;
    }
    byte[] bitSeed = new byte[32];
    random("dp-noise", id).nextBytes(bitSeed);
    ModVector encoded = DdgClient.encode(params, update, rotationSeed, AesCtrBitSource.forTestVectorsOnly(bitSeed));
    L2Clipping.clip(update, params.clipNorm());
    clipped[id] = update;
    return encoded;
  }

  /** The parameters, before the run. */
  void writePlan(PrintWriter out) {
    line(out, "DP", String.format(Locale.ROOT,
        "distributed discrete Gaussian, target epsilon %s at delta %s over %d round%s; clip %s",
        fmt(epsilon), fmt(delta), rounds, rounds == 1 ? "" : "s", fmt(params.clipNorm())));
    line(out, "DP encoding", String.format(Locale.ROOT,
        "d = %d real values -> D = %d elements of Z_(2^%d); scale %s, local sigma %s"
            + " (per client, in integer units)",
        params.dimension(), params.paddedDimension(), modulus.bits(), fmt(params.scale()),
        fmt(Math.sqrt(params.localVariance().doubleValue()))));
    long fewest = params.privacyPlan().orElseThrow().minimumSurvivors();
    line(out, "DP survivors", String.format(Locale.ROOT,
        "noise sized for %d included clients (the session's threshold): every round that completes"
            + " meets the target", fewest));
    SignalToNoise snr = params.signalToNoise(fewest);
    line(out, "DP signal/noise", snr.describe() + " (at the threshold)");
    snr.warning().ifPresent(w -> line(out, "DP WARNING", w));
  }

  /**
   * Decodes the server's sum and writes the DP lines.
   *
   * @return the RMS error of the decoded sum, or NaN if the session aborted
   */
  double writeReport(PrintWriter out, SimulationReport report) {
    ModVector sum = report.sum();
    if (sum == null) {
      line(out, "DP result", "none: the session aborted");
      return Double.NaN;
    }
    List<Integer> included = report.includedClients();
    int d = params.dimension();
    double[] truth = new double[d];
    for (int id : included) {
      for (int i = 0; i < d; i++) {
        truth[i] += clipped[id][i];
      }
    }
    double[] decoded;
    try {
      decoded = DdgServer.decode(params, sum, rotationSeed);
    } catch (InvalidAggregateException e) {
      line(out, "DP result", "none: the session's sum is not a DDG aggregate (" + e.getMessage() + ")");
      return Double.NaN;
    }
    double sq = 0;
    for (int i = 0; i < d; i++) {
      double e = decoded[i] - truth[i];
      sq += e * e;
    }
    double rmse = Math.sqrt(sq / d);
    double predicted = params.predictedErrorStd(included.size());
    PrivacyGuarantee actual = params.guarantee(rounds, included.size(), delta);
    PrivacyGuarantee full = params.guarantee(rounds, clients, delta);
    line(out, "DP privacy", String.format(Locale.ROOT,
        "epsilon %s at delta %s with the %d included clients' noise over %d round(s) like this one;"
            + " %s with all %d clients' noise; at most %s whenever a round completes (the target %s)",
        fmt(actual.epsilon()), fmt(delta), included.size(), rounds, fmt(full.epsilon()), clients,
        fmt(params.plannedGuarantee().epsilon()), fmt(epsilon)));
    line(out, "DP error", String.format(Locale.ROOT,
        "RMS %s per coordinate of the decoded sum vs the true sum of the included clients'"
            + " clipped updates; predicted std %s (ratio %.2f)",
        fmt(rmse), fmt(predicted), rmse / predicted));
    return rmse;
  }

  private static String fmt(double x) {
    return String.format(Locale.ROOT, "%.4g", x);
  }

  private static void line(PrintWriter out, String label, String value) {
    out.println(String.format(Locale.ROOT, "%-18s", label) + value);
  }
}
