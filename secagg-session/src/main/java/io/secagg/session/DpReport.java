package io.secagg.session;

import io.secagg.dp.accounting.PrivacyGuarantee;
import io.secagg.dp.ddg.DdgParameters;
import java.util.List;
import java.util.Optional;

/**
 * The result of {@link DpRound#run()}: the SecAgg round's report, the decoded sum of the included
 * clients' updates, its error against their true clipped sum, and the privacy those clients'
 * noise gives. Immutable.
 */
public final class DpReport {
  private final SecAggReport secAgg;
  private final DdgParameters params;
  private final double[] decoded;
  private final double[] truth;

  DpReport(SecAggReport secAgg, DdgParameters params, double[] decoded, double[] truth) {
    this.secAgg = secAgg;
    this.params = params;
    this.decoded = decoded;
    this.truth = truth;
  }

  /** The SecAgg round that carried the encoded updates. */
  public SecAggReport secAgg() {
    return secAgg;
  }

  /** The DDG parameters. */
  public DdgParameters params() {
    return params;
  }

  /** True iff the session completed and the sum was decoded. */
  public boolean completed() {
    return decoded != null;
  }

  /** The clients whose updates (and noise) are in the sum, ascending. */
  public List<Integer> includedClients() {
    return secAgg.includedClients();
  }

  /** The decoded sum of the included clients' updates, {@code d} values (a copy); empty if aborted. */
  public Optional<double[]> decodedSum() {
    return decoded == null ? Optional.empty() : Optional.of(decoded.clone());
  }

  /** The exact sum of the included clients' clipped updates, {@code d} values (a copy). */
  public double[] trueSum() {
    return truth.clone();
  }

  /** The root-mean-square error per coordinate of the decoded sum; NaN if the session aborted. */
  public double rmse() {
    if (decoded == null) {
      return Double.NaN;
    }
    double s = 0;
    for (int i = 0; i < decoded.length; i++) {
      double e = decoded[i] - truth[i];
      s += e * e;
    }
    return Math.sqrt(s / decoded.length);
  }

  /**
   * The accounted error standard deviation per coordinate with the included clients' noise
   * ({@link DdgParameters#predictedErrorStd}); NaN if the session aborted.
   */
  public double predictedErrorStd() {
    return decoded == null ? Double.NaN : params.predictedErrorStd(includedClients().size());
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
    if (decoded == null) {
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
