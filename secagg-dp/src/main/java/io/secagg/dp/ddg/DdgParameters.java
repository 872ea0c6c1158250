package io.secagg.dp.ddg;

import io.secagg.core.vector.Modulus;
import io.secagg.dp.accounting.PrivacyGuarantee;
import io.secagg.dp.accounting.Rdp;
import io.secagg.dp.accounting.RdpCurve;
import io.secagg.dp.sampling.DiscreteGaussian;
import io.secagg.dp.sampling.IntegerSampler;
import io.secagg.dp.sampling.Rational;
import io.secagg.dp.sampling.Skellam;
import java.util.Objects;
import java.util.Optional;

/**
 * The public parameters of one distributed-discrete-Gaussian configuration, shared by every
 * client and the server. Immutable; build with {@link #builder()} or choose with {@link
 * DdgParameterSelection}.
 *
 * <p><b>Padding.</b> The randomized Hadamard rotation needs a power-of-two length, so a client's
 * {@code d} real values become {@link #paddedDimension()} {@code = D} elements of {@code Z_m}, the
 * next power of two {@code >= d} (50,000 becomes 65,536): a secure-aggregation session that
 * carries them has vector length {@code D}, not {@code d}. {@link DdgClient#encode} returns a
 * vector of that length and {@link DdgServer#decode} takes one and returns {@code d} values.
 *
 * <p>Derived values: the padded dimension {@code D}; the integer-domain bound on the squared L2 norm of a rounded client vector, {@code maxNormSquared =
 * floor(min((c s + sqrt(D))^2, (c s)^2 + D/4 + sqrt(2 ln(1/beta)) (c s + sqrt(D)/2)))} (Kairouz,
 * Liu and Steinke 2021, Theorem 1; the second term only when {@code beta > 0}), which the client
 * enforces exactly and which is the L2 sensitivity used by the accountant.
 *
 * <p><b>Dropouts.</b> Every client adds noise of variance {@code localVariance}; the aggregate of
 * {@code s} survivors carries {@code s * localVariance}. The guarantee therefore depends on the
 * number of survivors whose noise is in the sum: {@link #guarantee} takes it (or a range of
 * counts) as an argument. {@link DdgParameterSelection.Builder#minimumSurvivors} sizes {@code
 * localVariance} for the fewest survivors a round can complete with (the secure-aggregation
 * threshold), so every round that completes is at least as private as planned. Parameters chosen by the selection carry what
 * they were sized for ({@link #privacyPlan()}, {@link #plannedGuarantee()}).
 */
public final class DdgParameters {
  /** Largest supported dimension (2^24 coordinates). */
  public static final int MAX_DIMENSION = 1 << 24;
  /**
   * Largest modulus bit size: the pipeline adds and unwraps signed values in a {@code long}, so
   * {@code m <= 2^62}.
   */
  public static final int MAX_MODULUS_BITS = 62;

  private final int dimension;
  private final int paddedDimension;
  private final double clipNorm;
  private final double scale;
  private final double beta;
  private final long maxNormSquared;
  private final Rational localVariance;
  private final NoiseKind noiseKind;
  private final Modulus modulus;
  private final IntegerSampler sampler;
  private final DdgPrivacyPlan plan;

  private DdgParameters(Builder b) {
    this.plan = b.plan;
    this.dimension = b.dimension;
    this.paddedDimension = b.dimension == 1 ? 1 : Integer.highestOneBit(b.dimension - 1) << 1;
    this.clipNorm = b.clipNorm;
    this.scale = b.scale;
    this.beta = b.beta;
    this.localVariance = b.localVariance;
    this.noiseKind = b.noiseKind;
    this.modulus = b.modulus;
    this.maxNormSquared = normBoundSquared(clipNorm * scale, paddedDimension, beta);
    this.sampler =
        noiseKind == NoiseKind.DISCRETE_GAUSSIAN
            ? DiscreteGaussian.withSigma2(localVariance)
            : Skellam.withVariance(localVariance);
  }

  /** The dimension if the pipeline supports it (1..{@value #MAX_DIMENSION}). */
  static int checkDimension(int d) {
    if (d < 1 || d > MAX_DIMENSION) {
      throw new IllegalArgumentException("Invalid dimension " + d + "; must be 1.." + MAX_DIMENSION);
    }
    return d;
  }

  /** The clip norm if it is finite and positive. */
  static double checkClipNorm(double c) {
    if (!(c > 0) || Double.isInfinite(c)) {
      throw new IllegalArgumentException("Invalid clip norm " + c + "; must be finite and > 0");
    }
    return c;
  }

  /** The conditional-rounding beta if it is in [0, 1). */
  static double checkBeta(double b) {
    if (!(b >= 0 && b < 1)) {
      throw new IllegalArgumentException("Invalid beta " + b + "; must be in [0, 1)");
    }
    return b;
  }

  /** The modulus if the pipeline supports it ({@code m <= 2^62}). */
  static Modulus checkModulus(Modulus m) {
    Objects.requireNonNull(m, "modulus");
    if (m.bits() > MAX_MODULUS_BITS) {
      throw new IllegalArgumentException(
          "Invalid modulus " + m + " for the DDG pipeline; must be at most 2^" + MAX_MODULUS_BITS);
    }
    return m;
  }

  /** {@code floor} of the KLS bound on the squared norm after conditional rounding. */
  static long normBoundSquared(double scaledClip, int paddedDim, double beta) {
    double sqrtD = Math.sqrt(paddedDim);
    double b1 = (scaledClip + sqrtD) * (scaledClip + sqrtD);
    double b = b1;
    if (beta > 0) {
      double b2 = scaledClip * scaledClip + paddedDim / 4.0
          + Math.sqrt(2 * Math.log(1 / beta)) * (scaledClip + sqrtD / 2);
      b = Math.min(b1, b2);
    }
    if (!(b < 0x1p62)) {
      throw new IllegalArgumentException("Scaled norm bound too large: clipNorm * scale must be below 2^30");
    }
    return (long) Math.floor(b);
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The client vector length {@code d}. */
  public int dimension() {
    return dimension;
  }

  /**
   * The padded length {@code D}: the next power of two {@code >= d}. This, not {@link
   * #dimension()}, is the vector length of the secure-aggregation session that carries the
   * encodings (see "Padding" in the class description).
   */
  public int paddedDimension() {
    return paddedDimension;
  }

  /** The L2 clip norm {@code c} of the real-valued updates. */
  public double clipNorm() {
    return clipNorm;
  }

  /** The scale {@code s = 1/gamma}: integer units per real unit. */
  public double scale() {
    return scale;
  }

  /** The conditional-rounding parameter {@code beta} in {@code [0, 1)}. */
  public double beta() {
    return beta;
  }

  /** The exact bound on the squared L2 norm of a rounded client vector (integer domain). */
  public long maxNormSquared() {
    return maxNormSquared;
  }

  /** The integer-domain L2 sensitivity {@code sqrt(maxNormSquared)}. */
  public double l2Sensitivity() {
    return Math.sqrt(maxNormSquared);
  }

  /** The integer-domain L1 sensitivity bound {@code l2 * min(sqrt(D), l2)}. */
  public double l1Sensitivity() {
    double l2 = l2Sensitivity();
    return l2 * Math.min(Math.sqrt(paddedDimension), l2);
  }

  /** Each client's noise variance (integer domain), exact. */
  public Rational localVariance() {
    return localVariance;
  }

  /** The noise distribution. */
  public NoiseKind noiseKind() {
    return noiseKind;
  }

  /** The modulus {@code m}: every encoded value is in {@code [0, m)}; at most 2^62. */
  public Modulus modulus() {
    return modulus;
  }

  /** The per-coordinate noise sampler. */
  public IntegerSampler noiseSampler() {
    return sampler;
  }

  /**
   * The RDP curve of one round whose sum contains the noise of {@code survivors} clients.
   *
   * @throws IllegalArgumentException if {@code survivors < 1}
   */
  public RdpCurve perRoundRdp(double[] orders, long survivors) {
    if (survivors < 1) {
      throw new IllegalArgumentException("Invalid survivors " + survivors + "; must be >= 1");
    }
    return perRoundRdp(orders, survivors, survivors, 1);
  }

  /**
   * The RDP curve of one round that bounds every round whose sum contains the noise of between
   * {@code minSurvivors} and {@code maxSurvivors} clients, each client of the population taking
   * part with probability {@code samplingRate} (Poisson sampling; 1 for none). Amplification by
   * sampling ({@link Rdp#amplifiedByClientSampling}) holds only against observers who do not learn
   * who took part: the server of the secure-aggregation round does, and gets the curve at rate 1.
   *
   * @throws IllegalArgumentException unless {@code 1 <= minSurvivors <= maxSurvivors} and {@code
   *     samplingRate} is in {@code (0, 1]}
   */
  public RdpCurve perRoundRdp(double[] orders, long minSurvivors, long maxSurvivors, double samplingRate) {
    if (minSurvivors < 1 || maxSurvivors < minSurvivors) {
      throw new IllegalArgumentException("Invalid survivor range " + minSurvivors + ".." + maxSurvivors
          + "; need 1 <= minimum <= maximum");
    }
    checkSamplingRate(samplingRate);
    double v = localVariance.doubleValue();
    RdpCurve round = noiseKind == NoiseKind.DISCRETE_GAUSSIAN
        ? Rdp.distributedDiscreteGaussian(
            orders, l2Sensitivity(), l1Sensitivity(), Math.sqrt(v), minSurvivors, maxSurvivors, paddedDimension)
        // The Skellam bound falls as the noise grows: the fewest survivors bound every count.
        : Rdp.skellam(orders, l2Sensitivity(), l1Sensitivity(), minSurvivors * v / 2);
    return Rdp.amplifiedByClientSampling(round, samplingRate);
  }

  static void checkSamplingRate(double q) {
    if (!(q > 0 && q <= 1)) {
      throw new IllegalArgumentException("Invalid sampling rate " + q + "; must be in (0, 1]");
    }
  }

  /**
   * The (epsilon, delta) guarantee of {@code rounds} rounds, each with at least {@code survivors}
   * clients' noise in the sum (no amplification by client sampling is claimed).
   *
   * @throws IllegalArgumentException if {@code rounds < 1}, {@code survivors < 1} or delta is
   *     not in {@code (0, 1)}
   */
  public PrivacyGuarantee guarantee(long rounds, long survivors, double delta) {
    if (survivors < 1) {
      throw new IllegalArgumentException("Invalid survivors " + survivors + "; must be >= 1");
    }
    return guarantee(rounds, survivors, survivors, 1, delta);
  }

  /**
   * The (epsilon, delta) guarantee of {@code rounds} rounds, each of which completes with between
   * {@code minSurvivors} and {@code maxSurvivors} clients' noise in the sum, with Poisson client
   * sampling at {@code samplingRate} (see {@link #perRoundRdp(double[], long, long, double)}).
   *
   * @throws IllegalArgumentException if {@code rounds < 1}, the survivor range or sampling rate is
   *     invalid, or delta is not in {@code (0, 1)}
   */
  public PrivacyGuarantee guarantee(long rounds, long minSurvivors, long maxSurvivors, double samplingRate,
      double delta) {
    if (rounds < 1) {
      throw new IllegalArgumentException("Invalid rounds " + rounds + "; must be >= 1");
    }
    return perRoundRdp(RdpCurve.defaultOrders(), minSurvivors, maxSurvivors, samplingRate)
        .times(rounds).toApproxDp(delta);
  }

  /**
   * What the selection sized these parameters for; empty for parameters built by hand with
   * {@link #builder()}.
   */
  public Optional<DdgPrivacyPlan> privacyPlan() {
    return Optional.ofNullable(plan);
  }

  /**
   * The guarantee under the {@link #privacyPlan()}: over its rounds, for every round that completes
   * with between its minimum survivors and maximum clients, at its sampling rate. At most the
   * plan's target epsilon.
   *
   * @throws IllegalStateException if these parameters have no plan (built by hand)
   */
  public PrivacyGuarantee plannedGuarantee() {
    if (plan == null) {
      throw new IllegalStateException("These parameters were built by hand and carry no privacy plan");
    }
    return guarantee(plan.rounds(), plan.minimumSurvivors(), plan.maximumClients(), plan.samplingRate(),
        plan.delta());
  }

  /**
   * The guarantee under the {@link #privacyPlan()} without amplification by client sampling: what
   * holds against whoever learns who took part in each round (the server of the secure
   * aggregation). Equal to {@link #plannedGuarantee()} when the plan's sampling rate is 1.
   *
   * @throws IllegalStateException if these parameters have no plan (built by hand)
   */
  public PrivacyGuarantee plannedGuaranteeWithoutSampling() {
    if (plan == null) {
      throw new IllegalStateException("These parameters were built by hand and carry no privacy plan");
    }
    return guarantee(plan.rounds(), plan.minimumSurvivors(), plan.maximumClients(), 1, plan.delta());
  }

  /**
   * The predicted standard deviation of each decoded coordinate's error (real units) for
   * {@code survivors} clients: noise of the exact variance ({@link IntegerSampler#variance()}) per
   * client plus stochastic rounding (at most 1/4 per client), times {@code survivors}, divided by
   * {@code scale^2}, square-rooted. The rotation is orthogonal, so the error per coordinate is the
   * same after decoding.
   *
   * @throws IllegalArgumentException if {@code survivors < 1}
   */
  public double predictedErrorStd(long survivors) {
    if (survivors < 1) {
      throw new IllegalArgumentException("Invalid survivors " + survivors + "; must be >= 1");
    }
    double var = survivors * (sampler.variance() + 0.25);
    return Math.sqrt(var) / scale;
  }

  /**
   * The expected noise per coordinate of the decoded sum of {@code survivors} updates against the
   * largest signal they can carry, for updates of the largest scale a clipped update can have
   * ({@code c / sqrt(d)} per coordinate).
   *
   * @throws IllegalArgumentException if {@code survivors < 1}
   */
  public SignalToNoise signalToNoise(long survivors) {
    return signalToNoise(survivors, clipNorm / Math.sqrt(dimension));
  }

  /**
   * As {@link #signalToNoise(long)}, for updates whose RMS per coordinate is {@code updateRms}
   * (real units; e.g. a model update's typical magnitude).
   *
   * @throws IllegalArgumentException if {@code survivors < 1} or {@code updateRms} is not finite
   *     and positive
   */
  public SignalToNoise signalToNoise(long survivors, double updateRms) {
    if (!(updateRms > 0) || Double.isInfinite(updateRms)) {
      throw new IllegalArgumentException("Invalid update scale " + updateRms + "; must be finite and > 0");
    }
    return new SignalToNoise(survivors, dimension, clipNorm, updateRms, predictedErrorStd(survivors));
  }

  @Override
  public String toString() {
    return "DdgParameters[d=" + dimension + " padded to D=" + paddedDimension + ", c=" + clipNorm + ", scale=" + scale
        + ", beta=" + beta + ", localVariance=" + localVariance + ", noise=" + noiseKind + ", m=" + modulus + "]";
  }

  /** Builder; every setter validates at once. */
  public static final class Builder {
    private int dimension;
    private double clipNorm;
    private double scale;
    private double beta = Math.exp(-0.5);
    private Rational localVariance;
    private NoiseKind noiseKind = NoiseKind.DISCRETE_GAUSSIAN;
    private Modulus modulus;
    private DdgPrivacyPlan plan;

    private Builder() {}

    /** Set by the selection only: what the parameters were sized for. */
    Builder plan(DdgPrivacyPlan p) {
      this.plan = p;
      return this;
    }

    /**
     * Sets the client vector length {@code d}.
     *
     * @throws IllegalArgumentException unless {@code 1 <= d <= 2^24}
     */
    public Builder dimension(int d) {
      this.dimension = checkDimension(d);
      return this;
    }

    /**
     * Sets the L2 clip norm {@code c} of the real-valued updates.
     *
     * @throws IllegalArgumentException unless finite and {@code > 0}
     */
    public Builder clipNorm(double c) {
      this.clipNorm = checkClipNorm(c);
      return this;
    }

    /**
     * Sets the scale {@code s}: integer units per real unit.
     *
     * @throws IllegalArgumentException unless finite and {@code > 0}
     */
    public Builder scale(double s) {
      if (!(s > 0) || Double.isInfinite(s)) {
        throw new IllegalArgumentException("Invalid scale " + s + "; must be finite and > 0");
      }
      this.scale = s;
      return this;
    }

    /**
     * Sets the conditional-rounding parameter {@code beta}. Default {@code e^-0.5}.
     *
     * @throws IllegalArgumentException unless in {@code [0, 1)}
     */
    public Builder beta(double b) {
      this.beta = checkBeta(b);
      return this;
    }

    /**
     * Each client's noise variance in the integer domain.
     *
     * @throws NullPointerException if {@code v} is null
     * @throws IllegalArgumentException if {@code v < 1/4} (the DDG analysis needs sigma >= 1/2)
     */
    public Builder localVariance(Rational v) {
      Objects.requireNonNull(v, "localVariance");
      if (v.compareTo(Rational.of(1, 4)) < 0) {
        throw new IllegalArgumentException("Invalid local variance " + v + "; must be >= 1/4");
      }
      this.localVariance = v;
      return this;
    }

    /**
     * Sets the noise distribution. Default {@link NoiseKind#DISCRETE_GAUSSIAN}.
     */
    public Builder noiseKind(NoiseKind k) {
      this.noiseKind = Objects.requireNonNull(k, "noiseKind");
      return this;
    }

    /**
     * Sets the modulus {@code m}, for example {@code Modulus.powerOfTwo(32)}: the modulus of the
     * secure-aggregation session that sums the encodings.
     *
     * @throws NullPointerException if {@code m} is null
     * @throws IllegalArgumentException if {@code m > 2^62} (see {@link #MAX_MODULUS_BITS})
     */
    public Builder modulus(Modulus m) {
      this.modulus = checkModulus(m);
      return this;
    }

    /**
     * The parameters.
     *
     * @throws IllegalStateException if a required field (dimension, clip norm, scale, local
     *     variance, modulus) is unset
     * @throws IllegalArgumentException if the scaled norm bound is too large
     */
    public DdgParameters build() {
      if (dimension == 0 || clipNorm == 0 || scale == 0 || localVariance == null || modulus == null) {
        throw new IllegalStateException("dimension, clipNorm, scale, localVariance and modulus are required");
      }
      return new DdgParameters(this);
    }
  }
}
