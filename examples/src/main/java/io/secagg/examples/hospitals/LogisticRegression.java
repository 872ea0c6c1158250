package io.secagg.examples.hospitals;

import java.util.SplittableRandom;

/**
 * L2-regularized logistic regression on standardized features, trained by mini-batch gradient
 * descent. A model is {@code double[31]}: 30 weights, then the bias. Stateless.
 *
 * <p>Besides the weights, {@link #train} returns a Lipschitz constant of the training as a map
 * from initial to final weights (in the L2 norm), which bounds how far two runs that start from
 * nearby models can drift apart: one gradient step is {@code w -> w - eta (g(w) + lambda w)},
 * whose Jacobian is {@code (1 - eta lambda) I - eta H} with {@code 0 <= H <= (1/4) mean(z z^T)}
 * (the logistic function's slope is at most 1/4), and {@code mean(z z^T)} has no eigenvalue
 * above {@code T = mean(|z|^2)}. So a step is Lipschitz with {@code max(|1 - eta lambda|, |1 -
 * eta lambda - eta T / 4|)}, and training with the product over its steps.
 */
final class LogisticRegression {
  /** Parameters of a model: one weight per feature, then the bias. */
  static final int PARAMETERS = Wdbc.FEATURES + 1;
  /** Learning rate of every step. */
  static final double LEARNING_RATE = 0.1;
  /** L2 regularization (on the bias too, which keeps the Lipschitz bound simple). */
  static final double L2 = 1e-3;
  /** Patients per mini-batch. */
  static final int BATCH = 16;

  private LogisticRegression() {}

  /** The weights after training, and the Lipschitz constant of the training map. */
  static final class Trained {
    final double[] weights;
    final double lipschitz;

    Trained(double[] weights, double lipschitz) {
      this.weights = weights;
      this.lipschitz = lipschitz;
    }
  }

  /** The predicted probability that a patient with standardized features {@code z} is malignant. */
  static double probability(double[] w, double[] z) {
    double t = w[Wdbc.FEATURES];
    for (int j = 0; j < Wdbc.FEATURES; j++) {
      t += w[j] * z[j];
    }
    return 1 / (1 + Math.exp(-t));
  }

  /**
   * Trains from {@code start} for {@code epochs} passes over the patients, each in an order drawn
   * from {@code order}.
   */
  static Trained train(double[] start, double[][] z, boolean[] y, int epochs,
      SplittableRandom order) {
    double[] w = start.clone();
    double lipschitz = 1;
    int n = z.length;
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    double[] grad = new double[PARAMETERS];
    for (int e = 0; e < epochs; e++) {
      Cohort.shuffle(perm, order);
      for (int from = 0; from < n; from += BATCH) {
        int to = Math.min(n, from + BATCH);
        java.util.Arrays.fill(grad, 0);
        double trace = 0;
        for (int k = from; k < to; k++) {
          double[] x = z[perm[k]];
          double err = probability(w, x) - (y[perm[k]] ? 1 : 0);
          double sq = 1; // the bias's constant input
          for (int j = 0; j < Wdbc.FEATURES; j++) {
            grad[j] += err * x[j];
            sq += x[j] * x[j];
          }
          grad[Wdbc.FEATURES] += err;
          trace += sq;
        }
        int b = to - from;
        double shrink = 1 - LEARNING_RATE * L2;
        for (int j = 0; j < PARAMETERS; j++) {
          w[j] = shrink * w[j] - LEARNING_RATE * grad[j] / b;
        }
        lipschitz *= Math.max(Math.abs(shrink), Math.abs(shrink - LEARNING_RATE * trace / b / 4));
      }
    }
    return new Trained(w, lipschitz);
  }

  /** The fraction of patients whose diagnosis the model gets right (threshold 1/2). */
  static double accuracy(double[] w, double[][] z, boolean[] y) {
    int right = 0;
    for (int i = 0; i < z.length; i++) {
      right += (probability(w, z[i]) >= 0.5) == y[i] ? 1 : 0;
    }
    return (double) right / z.length;
  }

  /**
   * The area under the ROC curve: the probability that a random malignant case scores above a
   * random benign one (ties count half), by the Mann-Whitney count.
   */
  static double auc(double[] w, double[][] z, boolean[] y) {
    double[] score = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      score[i] = probability(w, z[i]);
    }
    double pairs = 0;
    double wins = 0;
    for (int i = 0; i < z.length; i++) {
      for (int k = 0; y[i] && k < z.length; k++) {
        if (!y[k]) {
          wins += score[i] > score[k] ? 1 : score[i] == score[k] ? 0.5 : 0;
          pairs++;
        }
      }
    }
    return wins / pairs;
  }
}
