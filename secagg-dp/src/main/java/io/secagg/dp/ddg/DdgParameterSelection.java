package io.secagg.dp.ddg;

import io.secagg.core.vector.Modulus;
import io.secagg.dp.accounting.Rdp;
import io.secagg.dp.accounting.RdpCurve;
import io.secagg.dp.sampling.Rational;
import java.util.Objects;

/**
 * Chooses the scale and the per-client noise of the DDG pipeline from a privacy target, following
 * Kairouz, Liu and Steinke 2021 (Section 4 and their parameter heuristic), with our accountant.
 *
 * <pre>{@code
 * DdgParameters params = DdgParameterSelection.builder()
 *     .epsilon(1).delta(1e-6).rounds(100).clients(10).minimumSurvivors(9)
 *     .dimension(50_000).clipNorm(1).modulus(Modulus.powerOfTwo(32))
 *     .build();                    // params.paddedDimension() = 65,536; params.privacyPlan()
 * }</pre>
 *
 * <p>Inputs: epsilon, delta, rounds {@code T}, clients {@code n} (the most a round can hold),
 * dimension {@code d}, clip norm {@code c}, the modulus {@code m <= 2^62} (the
 * secure-aggregation session's), and optionally the fewest
 * survivors {@code t} with which a round completes (default {@code n}), the Poisson client-sampling
 * rate {@code q} (default 1: none), {@code beta} (default {@code e^-0.5}), {@code k} (standard
 * deviations kept inside the modulus, default 4) and the noise kind.
 *
 * <p>Procedure: for a scale {@code s}, the integer-domain sensitivities follow from {@code c s}
 * and {@code D}; the local noise {@code sigma(s)} is the smallest (bisection) for which {@code T}
 * rounds meet (epsilon, delta) whatever the survivor count between {@code t} and {@code n}
 * ({@link DdgParameters#guarantee(long, long, long, double, double)}). The chosen {@code s} is the largest
 * (bisection on {@code log s}) for which {@code 2 k sqrt(n^2 c^2 s^2 / D + n/4 + n sigma(s)^2) <=
 * m}: the aggregate stays inside the modulus with {@code k} standard deviations to spare even if
 * all {@code n} updates point the same way. {@code sigma(s)^2} is then rounded <b>up</b> to a
 * multiple of 2^-8.
 *
 * <p><b>Dropouts:</b> set {@link Builder#minimumSurvivors} to the fewest survivors with which the
 * secure-aggregation round completes (its threshold {@code t}): every round that completes then
 * meets the target, and the modulus still has room for all {@code n} clients. Without it, the
 * noise is sized for all {@code n} clients and the guarantee weakens when clients drop out (report
 * it with {@link DdgParameters#guarantee} and the actual survivor count).
 *
 * <p><b>Client sampling:</b> with {@link Builder#samplingRate} {@code q < 1}, the accounting includes
 * amplification by Poisson sampling ({@code spec/dp.md}, Section 12.7), which holds only against
 * observers who do not learn who took part; the server of the round does and gets the
 * unamplified guarantee ({@link DdgParameters#guarantee(long, long, long, double, double)} at rate
 * 1).
 *
 * <p>The result carries what it was sized for: {@link DdgParameters#privacyPlan()}.
 */
public final class DdgParameterSelection {
  private DdgParameterSelection() {}

  /** A new builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Collects the target; {@link #build()} runs the selection and returns the parameters, which
   * carry the target ({@link DdgParameters#privacyPlan()}). Setters validate at once.
   */
  public static final class Builder {
    private double epsilon;
    private double delta;
    private long rounds;
    private long clients;
    private long minimumSurvivors;
    private double samplingRate = 1;
    private int dimension;
    private double clipNorm;
    private Modulus modulus;
    private double beta = Math.exp(-0.5);
    private double kStddevs = 4;
    private NoiseKind noiseKind = NoiseKind.DISCRETE_GAUSSIAN;

    private Builder() {}

    /**
     * Sets the target epsilon over all rounds.
     *
     * @throws IllegalArgumentException unless finite and {@code > 0}
     */
    public Builder epsilon(double e) {
      if (!(e > 0) || Double.isInfinite(e)) {
        throw new IllegalArgumentException("Invalid epsilon " + e + "; must be finite and > 0");
      }
      this.epsilon = e;
      return this;
    }

    /**
     * Sets the target delta.
     *
     * @throws IllegalArgumentException unless in {@code (0, 1)}
     */
    public Builder delta(double d) {
      if (!(d > 0 && d < 1)) {
        throw new IllegalArgumentException("Invalid delta " + d + "; must be in (0, 1)");
      }
      this.delta = d;
      return this;
    }

    /**
     * Sets the number of rounds {@code T} to compose.
     *
     * @throws IllegalArgumentException unless {@code >= 1}
     */
    public Builder rounds(long r) {
      if (r < 1) {
        throw new IllegalArgumentException("Invalid rounds " + r + "; must be >= 1");
      }
      this.rounds = r;
      return this;
    }

    /**
     * Sets the number of clients {@code n} a round can hold: the modulus has room for the sum of
     * {@code n} updates and their noise, and without {@link #minimumSurvivors} the noise is sized for
     * {@code n} survivors (see the class comment).
     *
     * @throws IllegalArgumentException unless {@code >= 1}
     */
    public Builder clients(long n) {
      if (n < 1) {
        throw new IllegalArgumentException("Invalid clients " + n + "; must be >= 1");
      }
      this.clients = n;
      return this;
    }

    /**
     * Sets the fewest survivors {@code t} with which a round completes (the secure-aggregation
     * threshold): each client's noise is sized so that {@code t} clients' noise meets the target.
     * Default: {@code clients}. Must not exceed {@code clients} (checked by {@link #build()}).
     *
     * @throws IllegalArgumentException unless {@code >= 1}
     */
    public Builder minimumSurvivors(long t) {
      if (t < 1) {
        throw new IllegalArgumentException("Invalid minimum survivors " + t + "; must be >= 1");
      }
      this.minimumSurvivors = t;
      return this;
    }

    /**
     * Sets the probability {@code q} with which each client of the population joins a round, chosen
     * by the client with secret randomness (Poisson sampling). Default 1 (no sampling).
     *
     * @throws IllegalArgumentException unless in {@code (0, 1]}
     */
    public Builder samplingRate(double q) {
      DdgParameters.checkSamplingRate(q);
      this.samplingRate = q;
      return this;
    }

    /**
     * Sets the client vector length {@code d}.
     *
     * @throws IllegalArgumentException unless {@code 1 <= d <= 2^24}
     */
    public Builder dimension(int d) {
      this.dimension = DdgParameters.checkDimension(d);
      return this;
    }

    /**
     * Sets the L2 clip norm {@code c} of the real-valued updates.
     *
     * @throws IllegalArgumentException unless finite and {@code > 0}
     */
    public Builder clipNorm(double c) {
      this.clipNorm = DdgParameters.checkClipNorm(c);
      return this;
    }

    /**
     * Sets the modulus {@code m} of the secure-aggregation session, for example {@code
     * Modulus.powerOfTwo(32)}.
     *
     * @throws NullPointerException if {@code m} is null
     * @throws IllegalArgumentException if {@code m > 2^62} ({@link DdgParameters#MAX_MODULUS_BITS})
     */
    public Builder modulus(Modulus m) {
      this.modulus = DdgParameters.checkModulus(m);
      return this;
    }

    /**
     * Sets the conditional-rounding parameter {@code beta}.
     *
     * @throws IllegalArgumentException unless in {@code [0, 1)}
     */
    public Builder beta(double b) {
      this.beta = DdgParameters.checkBeta(b);
      return this;
    }

    /**
     * Sets {@code k}, the standard deviations of the aggregate kept inside the modulus (default 4).
     *
     * @throws IllegalArgumentException unless finite and {@code >= 1}
     */
    public Builder kStddevs(double k) {
      if (!(k >= 1) || Double.isInfinite(k)) {
        throw new IllegalArgumentException("Invalid k " + k + "; must be finite and >= 1");
      }
      this.kStddevs = k;
      return this;
    }

    /**
     * Sets the noise distribution. Default {@link NoiseKind#DISCRETE_GAUSSIAN}.
     *
     * @throws NullPointerException if {@code k} is null
     */
    public Builder noiseKind(NoiseKind k) {
      this.noiseKind = Objects.requireNonNull(k, "noiseKind");
      return this;
    }

    /**
     * Runs the selection.
     *
     * @return parameters meeting the target for every round with between the minimum survivors and
     *     {@code clients} clients' noise, carrying the target ({@link DdgParameters#privacyPlan()})
     * @throws IllegalStateException if a required input is unset
     * @throws IllegalArgumentException if the minimum survivors exceed the clients, no scale fits
     *     the modulus (too small for the number of clients and k), or the privacy target needs
     *     more noise than supported
     */
    public DdgParameters build() {
      if (epsilon == 0 || delta == 0 || rounds == 0 || clients == 0 || dimension == 0 || clipNorm == 0 || modulus == null) {
        throw new IllegalStateException("epsilon, delta, rounds, clients, dimension, clipNorm and modulus are required");
      }
      long fewest = minimumSurvivors == 0 ? clients : minimumSurvivors;
      if (fewest > clients) {
        throw new IllegalArgumentException(
            "Minimum survivors " + fewest + " exceed the clients " + clients + " a round can hold");
      }
      int paddedDim = dimension == 1 ? 1 : Integer.highestOneBit(dimension - 1) << 1;
      double m = modulus.value().doubleValue();
      double lo = Math.log(0x1p-40 / clipNorm);
      double hi = Math.log(0x1p29 / clipNorm);
      if (!fits(Math.exp(lo), paddedDim, m)) {
        throw new IllegalArgumentException("Modulus " + modulus + " is too small for " + clients
            + " clients at k = " + kStddevs + " (need m^2 > 4 k^2 n)");
      }
      if (fits(Math.exp(hi), paddedDim, m)) {
        lo = hi;
      }
      for (int i = 0; i < 60 && hi - lo > 1e-9; i++) {
        double mid = (lo + hi) / 2;
        if (fits(Math.exp(mid), paddedDim, m)) {
          lo = mid;
        } else {
          hi = mid;
        }
      }
      double scale = Math.exp(lo);
      double sigma = sigmaFor(scale, paddedDim);
      if (Double.isInfinite(sigma)) {
        throw new IllegalArgumentException("The privacy target needs a local sigma above 2^20 at every usable scale");
      }
      return DdgParameters.builder()
          .dimension(dimension)
          .clipNorm(clipNorm)
          .scale(scale)
          .beta(beta)
          .localVariance(Rational.ceilDyadic(sigma * sigma, 8))
          .noiseKind(noiseKind)
          .modulus(modulus)
          .plan(new DdgPrivacyPlan(epsilon, delta, rounds, clients, fewest, samplingRate))
          .build();
    }

    private boolean fits(double scale, int paddedDim, double m) {
      double sigma = sigmaFor(scale, paddedDim);
      if (Double.isInfinite(sigma)) {
        return false;
      }
      double n = clients;
      double cs = clipNorm * scale;
      double var = n * n * cs * cs / paddedDim + n / 4 + n * (sigma * sigma + 1.0 / 256);
      return 2 * kStddevs * Math.sqrt(var) <= m;
    }

    /**
     * The smallest local sigma (bisection to 1e-10 in log) meeting the target at this scale, or
     * infinity if even 2^20 does not.
     */
    private double sigmaFor(double scale, int paddedDim) {
      long bound2 = DdgParameters.normBoundSquared(clipNorm * scale, paddedDim, beta);
      double l2 = Math.sqrt(bound2);
      double l1 = l2 * Math.min(Math.sqrt(paddedDim), l2);
      double lo = Math.log(0.5);
      double hi = Math.log(0x1p20);
      if (epsilonAt(Math.exp(hi), l2, l1, paddedDim) > epsilon) {
        return Double.POSITIVE_INFINITY;
      }
      if (epsilonAt(Math.exp(lo), l2, l1, paddedDim) <= epsilon) {
        return Math.exp(lo);
      }
      for (int i = 0; i < 80 && hi - lo > 1e-10; i++) {
        double mid = (lo + hi) / 2;
        if (epsilonAt(Math.exp(mid), l2, l1, paddedDim) <= epsilon) {
          hi = mid;
        } else {
          lo = mid;
        }
      }
      return Math.exp(hi);
    }

    /** Epsilon over all rounds for every survivor count in [t, n]: as DdgParameters#perRoundRdp. */
    private double epsilonAt(double sigma, double l2, double l1, int paddedDim) {
      long fewest = minimumSurvivors == 0 ? clients : minimumSurvivors;
      RdpCurve c = noiseKind == NoiseKind.DISCRETE_GAUSSIAN
          ? Rdp.distributedDiscreteGaussian(RdpCurve.defaultOrders(), l2, l1, sigma, fewest, clients, paddedDim)
          : Rdp.skellam(RdpCurve.defaultOrders(), l2, l1, fewest * sigma * sigma / 2);
      return Rdp.amplifiedByClientSampling(c, samplingRate).times(rounds).toApproxDp(delta).epsilon();
    }
  }
}
