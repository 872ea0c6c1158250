package io.secagg.cli;

import io.secagg.core.vector.Modulus;
import io.secagg.dp.accounting.PrivacyGuarantee;
import io.secagg.dp.ddg.DdgParameterSelection;
import io.secagg.dp.ddg.DdgParameters;
import io.secagg.dp.ddg.SignalToNoise;
import io.secagg.session.DpReport;
import io.secagg.session.DpRound;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * {@code secagg simulate --dp-epsilon E --dp-delta D}: chooses the distributed discrete Gaussian's
 * parameters from the options and writes the DP lines of the plan and the report. The round itself
 * (each client's random update of L2 norm about the clip norm, DDG-encoded into D = L rounded up to
 * a power of two elements of Z_m, carried by a real SecAgg round, decoded and compared with the
 * true sum of the included clients' clipped updates) is the library's {@link DpRound}, every
 * random value derived from the run's seed so that a run repeats exactly.
 */
record DpRun(double epsilon, double delta, long rounds, double clip, int clients, int length, Modulus modulus) {
  /**
   * The DP pipeline for L = {@code length} and m = {@code modulus}; its parameters are chosen by
   * {@link #select(int)} once the session's threshold is known.
   *
   * @throws IllegalArgumentException if m is not a power of two of at most 62 bits
   */
  static DpRun of(double epsilon, double delta, long rounds, double clip, int clients, int length,
      Modulus modulus) {
    if (!modulus.isPowerOfTwo() || modulus.bits() > 62) {
      throw new IllegalArgumentException("--dp-epsilon needs a modulus 2^b with b <= 62 (the DDG"
          + " wraps into Z_(2^b)); got " + modulus);
    }
    return new DpRun(epsilon, delta, rounds, clip, clients, length, modulus);
  }

  /**
   * Selects DDG parameters so that {@code rounds} rounds meet (epsilon, delta) whenever the
   * session completes, that is with any number of included clients from its threshold {@code
   * minSurvivors} up to all of them.
   *
   * @return the parameters; the SecAgg vector length is their padded dimension D
   * @throws IllegalArgumentException if the selection finds no parameters (the message says why)
   */
  DdgParameters select(int minSurvivors) {
    return DdgParameterSelection.builder().epsilon(epsilon).delta(delta).rounds(rounds)
        .clients(clients).minimumSurvivors(minSurvivors).dimension(length).clipNorm(clip)
        .modulus(modulus).build();
  }

  /** The parameters, before the run. */
  void writePlan(PrintWriter out, DdgParameters params) {
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
   * Writes the DP lines of the report.
   *
   * @return the RMS error of the decoded sum, or NaN if the session aborted
   */
  double writeReport(PrintWriter out, DpReport report) {
    DdgParameters params = report.params();
    if (!report.completed()) {
      line(out, "DP result", "none: the session aborted");
      return Double.NaN;
    }
    int included = report.includedClients().size();
    double rmse = report.rmse();
    double predicted = report.predictedErrorStd();
    PrivacyGuarantee actual = report.guarantee(rounds, delta);
    PrivacyGuarantee full = params.guarantee(rounds, clients, delta);
    line(out, "DP privacy", String.format(Locale.ROOT,
        "epsilon %s at delta %s with the %d included clients' noise over %d round(s) like this one;"
            + " %s with all %d clients' noise; at most %s whenever a round completes (the target %s)",
        fmt(actual.epsilon()), fmt(delta), included, rounds, fmt(full.epsilon()), clients,
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
