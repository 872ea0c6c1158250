package io.secagg.session;

import io.secagg.dp.accounting.PrivacyGuarantee;
import io.secagg.dp.ddg.DdgParameters;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@link DpRound#run()}: the SecAgg round's report, the decoded sum of the included
 * clients' updates, its error against their true clipped sum, and the privacy those clients'
 * noise gives. Immutable (the array accessors return copies).
 *
 * @param secAgg the SecAgg round that carried the encoded updates
 * @param params the DDG parameters
 * @param decodedSum the decoded sum of the included clients' updates, {@code d} values; empty if
 *     the session aborted
 * @param trueSum the exact sum of the included clients' clipped updates, {@code d} values
 */
public record DpReport(SecAggReport secAgg, DdgParameters params, Optional<double[]> decodedSum, double[] trueSum) {
  /**
   * Copies the arrays.
   *
   * @throws NullPointerException if a component is null
   */
  public DpReport {
    Objects.requireNonNull(secAgg, "secAgg");
    Objects.requireNonNull(params, "params");
    decodedSum = decodedSum.map(double[]::clone);
    trueSum = trueSum.clone();
  }

  /** The decoded sum of the included clients' updates (a copy); empty if the session aborted. */
  @Override
  public Optional<double[]> decodedSum() {
    return decodedSum.map(double[]::clone);
  }

  /** The exact sum of the included clients' clipped updates (a copy). */
  @Override
  public double[] trueSum() {
    return trueSum.clone();
  }

  /** True iff the session completed and the sum was decoded. */
  public boolean completed() {
    return decodedSum.isPresent();
  }

  /** The clients whose updates (and noise) are in the sum, ascending. */
  public List<Integer> includedClients() {
    return secAgg.includedClients();
  }

  /** The root-mean-square error per coordinate of the decoded sum; NaN if the session aborted. */
  public double rmse() {
    if (decodedSum.isEmpty()) {
      return Double.NaN;
    }
    double[] decoded = decodedSum.get();
    double s = 0;
    for (int i = 0; i < decoded.length; i++) {
      double e = decoded[i] - trueSum[i];
      s += e * e;
    }
    return Math.sqrt(s / decoded.length);
  }

  /**
   * The accounted error standard deviation per coordinate with the included clients' noise
   * ({@link DdgParameters#predictedErrorStd}); NaN if the session aborted.
   */
  public double predictedErrorStd() {
    return completed() ? params.predictedErrorStd(includedClients().size()) : Double.NaN;
  }

  /**
   * The accountant's guarantee for {@code rounds} rounds like this one, each with the included
   * clients' noise in the sum.
   *
   * @param rounds at least 1
   * @param delta in (0, 1)
   * @throws IllegalStateException if the session aborted (no noise was released)
   * @throws IllegalArgumentException as {@link DdgParameters#guarantee}
   */
  public PrivacyGuarantee guarantee(long rounds, double delta) {
    if (!completed()) {
      throw new IllegalStateException("the session aborted: nothing was released");
    }
    return params.guarantee(rounds, includedClients().size(), delta);
  }

  @Override
  public String toString() {
    return "DpReport[" + (completed() ? includedClients().size() + " included, rmse " + rmse()
        + ", predicted " + predictedErrorStd() : "aborted " + secAgg.abortReason().orElse(null)) + "]";
  }
}
