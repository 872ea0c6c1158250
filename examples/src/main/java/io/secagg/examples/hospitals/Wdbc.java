package io.secagg.examples.hospitals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The Wisconsin Diagnostic Breast Cancer data set (569 patients, 30 features; UCI Machine
 * Learning Repository, W. H. Wolberg, W. N. Street and O. L. Mangasarian, CC BY 4.0), read from
 * the copy on the class path ({@code wdbc.csv} beside this class, with its credit in {@code
 * README.md}). Immutable; the accessors return copies.
 */
public final class Wdbc {
  /** The number of features per patient. */
  public static final int FEATURES = 30;
  /** The index of the mean radius, the tumour-size feature the hospitals are split by. */
  public static final int MEAN_RADIUS = 0;

  private final double[][] features;
  private final boolean[] malignant;

  private Wdbc(double[][] features, boolean[] malignant) {
    this.features = features;
    this.malignant = malignant;
  }

  /**
   * Reads the bundled copy.
   *
   * @throws UncheckedIOException if the resource is missing or malformed (a broken build)
   */
  public static Wdbc load() {
    try (InputStream in = Wdbc.class.getResourceAsStream("wdbc.csv")) {
      if (in == null) {
        throw new IOException("wdbc.csv is not on the class path");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String[] header = reader.readLine().split(",");
      int rows = Integer.parseInt(header[0]);
      if (Integer.parseInt(header[1]) != FEATURES) {
        throw new IOException("wdbc.csv has " + header[1] + " features, expected " + FEATURES);
      }
      double[][] x = new double[rows][];
      boolean[] y = new boolean[rows];
      for (int i = 0; i < rows; i++) {
        String line = reader.readLine();
        String[] fields = line == null ? new String[0] : line.split(",");
        if (fields.length != FEATURES + 1) {
          throw new IOException("wdbc.csv line " + (i + 2) + " has " + fields.length + " fields");
        }
        x[i] = new double[FEATURES];
        for (int j = 0; j < FEATURES; j++) {
          x[i][j] = Double.parseDouble(fields[j]);
        }
        // The file labels malignant 0 and benign 1; the model predicts malignancy.
        y[i] = Integer.parseInt(fields[FEATURES]) == 0;
      }
      return new Wdbc(x, y);
    } catch (IOException | RuntimeException e) {
      throw new UncheckedIOException(new IOException("cannot read the bundled wdbc.csv", e));
    }
  }

  /** The number of patients. */
  public int size() {
    return features.length;
  }

  /** Patient {@code i}'s 30 features (a copy). */
  public double[] features(int i) {
    return features[i].clone();
  }

  /** Whether patient {@code i}'s tumour is malignant. */
  public boolean malignant(int i) {
    return malignant[i];
  }
}
