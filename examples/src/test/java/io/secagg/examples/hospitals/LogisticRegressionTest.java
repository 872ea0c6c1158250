package io.secagg.examples.hospitals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {
  @Test
  void aucCountsMalignantOverBenignPairsWithTiesAsHalf() {
    double[] w = new double[LogisticRegression.PARAMETERS];
    w[0] = 1;
    double[][] z = {row(3), row(1), row(2), row(1)};
    boolean[] y = {true, true, false, false};
    // Pairs (malignant, benign): (3,2) win, (3,1) win, (1,2) loss, (1,1) tie.
    assertEquals(2.5 / 4, LogisticRegression.auc(w, z, y));
    assertEquals(0.5, LogisticRegression.accuracy(w, z, y)); // every score is above 1/2
  }

  @Test
  void trainingMovesTwoStartsApartByAtMostItsLipschitzConstant() {
    SplittableRandom data = new SplittableRandom(5);
    double[][] z = new double[60][Wdbc.FEATURES];
    boolean[] y = new boolean[z.length];
    for (int i = 0; i < z.length; i++) {
      for (int j = 0; j < Wdbc.FEATURES; j++) {
        z[i][j] = 2 * data.nextDouble() - 1 + (j < 3 && i % 2 == 0 ? 1 : 0);
      }
      y[i] = i % 2 == 0;
    }
    for (int trial = 0; trial < 20; trial++) {
      double[] a = new double[LogisticRegression.PARAMETERS];
      double[] b = new double[LogisticRegression.PARAMETERS];
      for (int j = 0; j < a.length; j++) {
        a[j] = data.nextDouble() * 4 - 2;
        b[j] = a[j] + (data.nextDouble() - 0.5) * 1e-3;
      }
      LogisticRegression.Trained ta = LogisticRegression.train(a, z, y, 3,
          new SplittableRandom(trial));
      LogisticRegression.Trained tb = LogisticRegression.train(b, z, y, 3,
          new SplittableRandom(trial));
      assertEquals(ta.lipschitz, tb.lipschitz);
      assertTrue(distance(ta.weights, tb.weights) <= ta.lipschitz * distance(a, b),
          "trial " + trial);
    }
  }

  @Test
  void learnsASeparableRule() {
    double[][] z = new double[40][];
    boolean[] y = new boolean[40];
    for (int i = 0; i < 40; i++) {
      z[i] = row(i < 20 ? -1 - i * 0.05 : 1 + i * 0.05);
      y[i] = i >= 20;
    }
    LogisticRegression.Trained t = LogisticRegression.train(
        new double[LogisticRegression.PARAMETERS], z, y, 5, new SplittableRandom(1));
    assertEquals(1.0, LogisticRegression.accuracy(t.weights, z, y));
  }

  private static double[] row(double first) {
    double[] r = new double[Wdbc.FEATURES];
    r[0] = first;
    return r;
  }

  private static double distance(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += (a[j] - b[j]) * (a[j] - b[j]);
    }
    return Math.sqrt(s);
  }
}
