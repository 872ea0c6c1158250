package io.secagg.examples.hospitals;

/**
 * Per-feature mean and standard deviation, {@code z = (x - mean) / std}, derived from the sums
 * of {@link Patients#sums()} (of one hospital, or aggregated over all). Immutable.
 */
final class Standardization {
  private final double[] mean;
  private final double[] std;

  private Standardization(double[] mean, double[] std) {
    this.mean = mean;
    this.std = std;
  }

  /**
   * From {@code [sum of x_j..., sum of x_j^2..., count]}.
   *
   * @throws IllegalArgumentException if the count is not positive
   */
  static Standardization fromSums(double[] sums) {
    int f = Wdbc.FEATURES;
    double n = sums[2 * f];
    if (!(n >= 1)) {
      throw new IllegalArgumentException("No patients behind the statistics (count " + n + ")");
    }
    double[] mean = new double[f];
    double[] std = new double[f];
    for (int j = 0; j < f; j++) {
      mean[j] = sums[j] / n;
      double variance = sums[f + j] / n - mean[j] * mean[j];
      // A feature constant over the patients (possible at a small hospital) is left unscaled
      // rather than divided by zero.
      std[j] = variance > 1e-12 * Math.max(1, mean[j] * mean[j]) ? Math.sqrt(variance) : 1;
    }
    return new Standardization(mean, std);
  }

  double[] apply(double[] x) {
    double[] z = new double[x.length];
    for (int j = 0; j < x.length; j++) {
      z[j] = (x[j] - mean[j]) / std[j];
    }
    return z;
  }
}
