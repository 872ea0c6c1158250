package io.secagg.core.internal;

/**
 * Log-space tail bounds for the SecAgg+ graph-parameter search: log-factorials, hypergeometric
 * upper tails and the disconnection bound of a random Harary graph. Every function returns an
 * <em>upper bound</em> on the probability it names (natural logarithm), inflated by {@link
 * #SLACK} to cover double rounding, so that a parameter set accepted here is never accepted
 * because of a rounding error in the insecure direction.
 */
public final class GraphMath {
  /**
   * Relative inflation applied to every probability: the analysed rounding error of the log-space
   * evaluation is below 1e-7 relative for populations up to 2^20, so 1e-6 is a safe margin.
   */
  public static final double SLACK = 1e-6;

  private static final int TABLE = 256;
  private static final double[] LOG_FACTORIAL = new double[TABLE];
  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

  static {
    double acc = 0;
    for (int i = 1; i < TABLE; i++) {
      acc += Math.log(i);
      LOG_FACTORIAL[i] = acc;
    }
  }

  private GraphMath() {}

  /**
   * ln(n!) for n >= 0: a table below 256, above it the Stirling series truncated after the
   * 1/(1260 n^5) term (truncation error below 1/(1680 n^7) < 1e-19).
   *
   * @throws IllegalArgumentException if {@code n < 0}
   */
  public static double logFactorial(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("negative factorial argument " + n);
    }
    if (n < TABLE) {
      return LOG_FACTORIAL[(int) n];
    }
    double x = n;
    double inv = 1.0 / x;
    double inv2 = inv * inv;
    double series = inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260)));
    return x * Math.log(x) - x + 0.5 * Math.log(x) + HALF_LOG_TWO_PI + series;
  }

  /** ln C(n, r) for 0 <= r <= n; negative infinity when r is outside 0..n. */
  public static double logChoose(long n, long r) {
    if (r < 0 || r > n || n < 0) {
      return Double.NEGATIVE_INFINITY;
    }
    return logFactorial(n) - logFactorial(r) - logFactorial(n - r);
  }

  /**
   * An upper bound on ln P[X >= a] for X ~ Hypergeometric(population, successes, draws): the
   * number of marked items among {@code draws} items drawn without replacement from {@code
   * population} items of which {@code successes} are marked.
   *
   * <p>Sums the pmf upwards from {@code a} with the exact ratio p(x+1)/p(x); the ratio is strictly
   * decreasing in x, so once it is below 1 the rest of the tail is bounded by a geometric series,
   * which is added rather than dropped.
   *
   * @throws IllegalArgumentException unless {@code 0 <= successes <= population} and {@code 0 <=
   *     draws <= population}
   */
  public static double logHypergeometricUpperTail(long population, long successes, long draws, long a) {
    if (population < 0 || successes < 0 || successes > population || draws < 0 || draws > population) {
      throw new IllegalArgumentException(
          "invalid hypergeometric parameters N=" + population + " K=" + successes + " k=" + draws);
    }
    long lo = Math.max(0, draws - (population - successes));
    long hi = Math.min(draws, successes);
    if (a <= lo) {
      return 0.0;
    }
    if (a > hi) {
      return Double.NEGATIVE_INFINITY;
    }
    double logFirst =
        logChoose(successes, a) + logChoose(population - successes, draws - a) - logChoose(population, draws);
    double sum = 1.0;
    double term = 1.0;
    for (long x = a; x < hi; x++) {
      double ratio =
          ((double) (successes - x) * (double) (draws - x))
              / ((double) (x + 1) * (double) (population - successes - draws + x + 1));
      if (ratio < 1.0 && term * ratio < sum * 0x1p-60) {
        sum += term * ratio / (1.0 - ratio);
        break;
      }
      term *= ratio;
      sum += term;
      if (sum > 0x1p900) {
        // Far below the mode the partial sum can overflow; the tail is then certainly not small
        // and 1 is a valid upper bound.
        return 0.0;
      }
    }
    return Math.min(0.0, logFirst + Math.log(sum) + Math.log1p(SLACK));
  }

  /**
   * An upper bound on ln P[the clients left after removing {@code removed} uniformly placed
   * clients from a random Harary graph H(n, k) are disconnected].
   *
   * <p>The survivors of H(n, k) on a ring are disconnected only if two disjoint runs of k/2
   * consecutive ring positions are entirely removed; there are at most n(n-k-1)/2 such pairs of
   * runs, and each is entirely removed with probability prod_{i<k} (removed-i)/(n-i). Returns
   * negative infinity when fewer than k clients are removed or the ring has no room for two runs.
   *
   * @throws IllegalArgumentException unless {@code 0 <= removed <= n}, {@code k} is even and
   *     {@code 2 <= k < n}
   */
  public static double logHararyDisconnection(long n, long removed, long k) {
    if (removed < 0 || removed > n || k < 2 || k >= n || (k & 1) != 0) {
      throw new IllegalArgumentException("invalid parameters n=" + n + " removed=" + removed + " k=" + k);
    }
    if (removed < k || n - k - 1 <= 0) {
      return Double.NEGATIVE_INFINITY;
    }
    double pairs = Math.log(n) + Math.log(n - k - 1) - Math.log(2);
    double allRemoved =
        logFactorial(removed) - logFactorial(removed - k) - logFactorial(n) + logFactorial(n - k);
    return pairs + allRemoved + Math.log1p(SLACK);
  }

  /** ln(e^x + e^y) without overflow; either argument may be negative infinity. */
  public static double logSumExp(double x, double y) {
    if (x == Double.NEGATIVE_INFINITY) {
      return y;
    }
    if (y == Double.NEGATIVE_INFINITY) {
      return x;
    }
    double m = Math.max(x, y);
    return m + Math.log(Math.exp(x - m) + Math.exp(y - m));
  }
}
