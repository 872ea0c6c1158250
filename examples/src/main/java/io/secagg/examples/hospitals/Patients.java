package io.secagg.examples.hospitals;

import java.util.List;

/**
 * A set of patients: raw features and diagnoses. Immutable (never handed out mutably); shared
 * by the demo's parties only through the sums each hospital computes over its own patients.
 */
final class Patients {
  private final double[][] features;
  private final boolean[] malignant;

  Patients(List<double[]> features, List<Boolean> malignant) {
    this.features = features.toArray(new double[0][]);
    this.malignant = new boolean[malignant.size()];
    for (int i = 0; i < this.malignant.length; i++) {
      this.malignant[i] = malignant.get(i);
    }
  }

  private Patients(double[][] features, boolean[] malignant) {
    this.features = features;
    this.malignant = malignant;
  }

  /** The patients of all the sets, in order. */
  static Patients concat(List<Patients> sets) {
    int n = 0;
    for (Patients p : sets) {
      n += p.size();
    }
    double[][] x = new double[n][];
    boolean[] y = new boolean[n];
    int at = 0;
    for (Patients p : sets) {
      System.arraycopy(p.features, 0, x, at, p.size());
      System.arraycopy(p.malignant, 0, y, at, p.size());
      at += p.size();
    }
    return new Patients(x, y);
  }

  int size() {
    return features.length;
  }

  int malignantCount() {
    int c = 0;
    for (boolean m : malignant) {
      c += m ? 1 : 0;
    }
    return c;
  }

  boolean[] labels() {
    return malignant.clone();
  }

  /**
   * The statistics a hospital shares for standardization, all over its own patients: the sum of
   * every feature, the sum of its squares, and the patient count (length 2 * 30 + 1).
   */
  double[] sums() {
    int f = Wdbc.FEATURES;
    double[] s = new double[2 * f + 1];
    for (double[] x : features) {
      for (int j = 0; j < f; j++) {
        s[j] += x[j];
        s[f + j] += x[j] * x[j];
      }
    }
    s[2 * f] = features.length;
    return s;
  }

  /** The standardized features, one row per patient. */
  double[][] standardized(Standardization st) {
    double[][] z = new double[features.length][];
    for (int i = 0; i < z.length; i++) {
      z[i] = st.apply(features[i]);
    }
    return z;
  }
}
