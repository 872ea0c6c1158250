package io.secagg.dp.clip;

import io.secagg.dp.accounting.Rdp;
import io.secagg.dp.accounting.RdpCurve;
import io.secagg.dp.sampling.BitSource;
import io.secagg.dp.sampling.DiscreteGaussian;
import io.secagg.dp.sampling.Rational;
import java.util.Objects;

/**
 * Adaptive clipping by private quantile estimation (Andrew, Thakkar, McMahan and Ramaswamy 2021,
 * "Differentially Private Learning with Adaptive Clipping"), geometric update.
 *
 * <p>Each round, every participating client reports the bit {@code b_i = [||x_i|| <= C]} (in a
 * secure-aggregation round, as one more coordinate of its vector); the server sees the count
 * {@code sum b_i} plus an exact discrete Gaussian {@code N_Z(0, countSigma^2)} and sets {@code C <-
 * C exp(-eta (bbar - gamma))} with {@code bbar = noisyCount / clients}. The count has sensitivity
 * 1, so each round of the quantile query is {@code 1/(2 countSigma^2)}-zCDP ({@link
 * #perRoundCost}), to be composed with the model update's own cost.
 *
 * <p>Mutable: holds the current clip norm. Not thread-safe.
 */
public final class AdaptiveClipping {
  private final double targetQuantile;
  private final double learningRate;
  private final double countSigma;
  private final DiscreteGaussian countNoise;
  private double clipNorm;

  /**
   * A clipper starting at {@code initialClipNorm}.
   *
   * @param initialClipNorm the first {@code C}, finite and {@code > 0}
   * @param targetQuantile {@code gamma}, the fraction of clients to leave unclipped, in
   *     {@code (0, 1)}
   * @param learningRate {@code eta}, finite and {@code > 0}
   * @param countSigma the standard deviation parameter of the count noise, in {@code [0.5, 2^40]}
   * @throws IllegalArgumentException if an argument is out of range
   */
  public AdaptiveClipping(double initialClipNorm, double targetQuantile, double learningRate, double countSigma) {
    if (!(initialClipNorm > 0) || Double.isInfinite(initialClipNorm)) {
      throw new IllegalArgumentException("Invalid initial clip norm " + initialClipNorm);
    }
    if (!(targetQuantile > 0 && targetQuantile < 1)) {
      throw new IllegalArgumentException("Invalid target quantile " + targetQuantile + "; must be in (0, 1)");
    }
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("Invalid learning rate " + learningRate);
    }
    if (!(countSigma >= 0.5 && countSigma <= 0x1p40)) {
      throw new IllegalArgumentException("Invalid count noise sigma " + countSigma + "; must be in [0.5, 2^40]");
    }
    this.clipNorm = initialClipNorm;
    this.targetQuantile = targetQuantile;
    this.learningRate = learningRate;
    this.countSigma = countSigma;
    this.countNoise = DiscreteGaussian.withSigma2(Rational.ceilDyadic(countSigma * countSigma, 16));
  }

  /** The current clip norm {@code C}. */
  public double clipNorm() {
    return clipNorm;
  }

  /** The client's bit for an update of L2 norm {@code norm}: 1 if {@code norm <= C}, else 0. */
  public int clientBit(double norm) {
    if (Double.isNaN(norm) || norm < 0) {
      throw new IllegalArgumentException("Invalid norm " + norm);
    }
    return norm <= clipNorm ? 1 : 0;
  }

  /**
   * The server's noisy count: {@code trueCount + N_Z(0, countSigma^2)}.
   *
   * @throws NullPointerException if {@code bits} is null
   */
  public long noisyCount(long trueCount, BitSource bits) {
    return Math.addExact(trueCount, countNoise.sample(bits));
  }

  /**
   * Applies the geometric update with a noisy count of {@code clients} participants and returns
   * the new clip norm.
   *
   * @throws IllegalArgumentException if {@code clients < 1}
   */
  public double update(long noisyCount, long clients) {
    if (clients < 1) {
      throw new IllegalArgumentException("Invalid client count " + clients + "; must be >= 1");
    }
    double bbar = (double) noisyCount / clients;
    clipNorm = clipNorm * Math.exp(-learningRate * (bbar - targetQuantile));
    return clipNorm;
  }

  /** The RDP curve of one round of the count query (sensitivity 1). */
  public RdpCurve perRoundCost(double[] orders) {
    // zCDP is stated in the variance parameter sigma^2 (CKS 2020, Theorem 14), not the exact
    // variance, which is smaller.
    return Rdp.zcdp(orders, 1 / (2 * countNoise.sigma2().doubleValue()));
  }

  /** The count noise parameter as configured. */
  public double countSigma() {
    return countSigma;
  }

  @Override
  public String toString() {
    return "AdaptiveClipping[target=" + targetQuantile + ", eta=" + learningRate + "]";
  }
}
