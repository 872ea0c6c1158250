package io.secagg.dp.ddg;

import io.secagg.dp.accounting.PrivacyGuarantee;

/** The outcome of {@link DdgSimulation#simulateRound}. Immutable (arrays are copied out). */
public final class DdgSimulationResult {
  private final double[] decoded;
  private final double[] trueSum;
  private final int survivors;
  private final double predictedErrorStd;
  private final PrivacyGuarantee guarantee;

  DdgSimulationResult(double[] decoded, double[] trueSum, int survivors, double predictedErrorStd, PrivacyGuarantee g) {
    this.decoded = decoded;
    this.trueSum = trueSum;
    this.survivors = survivors;
    this.predictedErrorStd = predictedErrorStd;
    this.guarantee = g;
  }

  /** The server's decoded sum, length {@code d}. */
  public double[] decoded() {
    return decoded.clone();
  }

  /** The exact sum of the survivors' clipped updates, length {@code d}. */
  public double[] trueSum() {
    return trueSum.clone();
  }

  /** The number of clients whose vectors (and noise) are in the sum. */
  public int survivors() {
    return survivors;
  }

  /** The root-mean-square error per coordinate of the decoded sum. */
  public double rmse() {
    double s = 0;
    for (int i = 0; i < decoded.length; i++) {
      double e = decoded[i] - trueSum[i];
      s += e * e;
    }
    return Math.sqrt(s / decoded.length);
  }

  /** The accounted error standard deviation per coordinate ({@link DdgParameters#predictedErrorStd}). */
  public double predictedErrorStd() {
    return predictedErrorStd;
  }

  /** The accountant's guarantee for this one round with the actual survivors. */
  public PrivacyGuarantee guarantee() {
    return guarantee;
  }
}
