package io.secagg.dp.clip;

import java.util.Objects;

/**
 * L2 clipping: scales a vector by {@code min(1, c / ||x||_2)} so its norm is at most {@code c}.
 * The norm is accumulated in double precision for both float and double vectors.
 */
public final class L2Clipping {
  private L2Clipping() {}

  /**
   * The L2 norm of {@code x}.
   *
   * @throws NullPointerException if {@code x} is null
   */
  public static double norm(float[] x) {
    Objects.requireNonNull(x, "x");
    double s = 0;
    for (float v : x) {
      s += (double) v * v;
    }
    return Math.sqrt(s);
  }

  /**
   * The L2 norm of {@code x}.
   *
   * @throws NullPointerException if {@code x} is null
   */
  public static double norm(double[] x) {
    Objects.requireNonNull(x, "x");
    double s = 0;
    for (double v : x) {
      s += v * v;
    }
    return Math.sqrt(s);
  }

  /**
   * Clips {@code x} in place to L2 norm at most {@code c} (rounding may leave it a few ulps above
   * {@code c}; the secure-aggregation pipeline enforces its bound again exactly on integers).
   *
   * @return the factor applied, in {@code [0, 1]}
   * @throws NullPointerException if {@code x} is null
   * @throws IllegalArgumentException if {@code c} is not finite and positive, or {@code x} holds a
   *     NaN or infinity (then {@code x} is unchanged)
   */
  public static double clip(float[] x, double c) {
    checkBound(c);
    double f = factor(norm(x), c);
    if (f < 1.0) {
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) (x[i] * f);
      }
    }
    return f;
  }

  /**
   * Clips {@code x} in place to L2 norm at most {@code c}.
   *
   * @return the factor applied, in {@code [0, 1]}
   * @throws NullPointerException if {@code x} is null
   * @throws IllegalArgumentException if {@code c} is not finite and positive, or {@code x} holds a
   *     NaN or infinity (then {@code x} is unchanged)
   */
  public static double clip(double[] x, double c) {
    checkBound(c);
    double f = factor(norm(x), c);
    if (f < 1.0) {
      for (int i = 0; i < x.length; i++) {
        x[i] *= f;
      }
    }
    return f;
  }

  private static void checkBound(double c) {
    if (!(c > 0) || Double.isInfinite(c)) {
      throw new IllegalArgumentException("Invalid clip norm " + c + "; must be finite and > 0");
    }
  }

  /** The factor that brings norm {@code n} to at most {@code c}, after checking {@code n}. */
  private static double factor(double n, double c) {
    if (Double.isNaN(n) || Double.isInfinite(n)) {
      throw new IllegalArgumentException("Cannot clip a vector with NaN or infinite entries (or norm overflow)");
    }
    return n > c ? c / n : 1.0;
  }
}
