package io.secagg.core.graph;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * What a masking graph and threshold must withstand: the dropout and corruption rates, the
 * threat model, the security and correctness targets, and the adversary's grinding budget.
 * Immutable; built with {@link #builder()}. Used by {@link GraphParameters#recommend(int,
 * GraphRequirements)} to choose parameters and by {@link GraphParameters#evaluate} to check
 * parameters someone else chose (for example a configuration a server offers a client).
 *
 * <p><b>Grinding.</b> The SecAgg+ graph is derived from the session id, which hashes the relayed
 * key list, so a server that decides whom to relay (or colluding clients that choose their keys
 * after seeing the others') can try many candidate graphs and keep one that surrounds a victim
 * with corrupted clients. Each candidate costs at least one hash evaluation; with a budget of
 * 2^g evaluations, a union bound multiplies the per-graph failure probability by 2^g. The
 * security target is met only if 2^g times the per-graph bound is at most 2^-sigma. The default
 * budget is {@value #DEFAULT_GRINDING_BITS} bits; 0 gives the bound against an adversary that
 * cannot influence the graph at all.
 *
 * @param dropoutRate delta, the largest fraction of clients that may drop out, in [0, 1)
 * @param corruptionRate gamma, the largest fraction of corrupted clients, in [0, 1)
 * @param threatModel the adversary the threshold must withstand
 * @param securityBits sigma: the security failure probability must be at most 2^-sigma, grinding
 *     included; in (0, {@value #MAX_BITS}]
 * @param correctnessBits eta: the reconstruction failure probability must be at most 2^-eta; in
 *     (0, {@value #MAX_BITS}]
 * @param grindingBits g: the adversary tries at most 2^g candidate graphs; in [0, {@value
 *     #MAX_GRINDING_BITS}]
 */
public record GraphRequirements(
    double dropoutRate,
    double corruptionRate,
    ThreatModel threatModel,
    double securityBits,
    double correctnessBits,
    double grindingBits) {
  /** The default statistical security: failure probability at most 2^-40. */
  public static final double DEFAULT_SECURITY_BITS = 40;
  /** The default correctness: the protocol fails to reconstruct with probability at most 2^-20. */
  public static final double DEFAULT_CORRECTNESS_BITS = 20;
  /** The default grinding budget: the adversary evaluates at most 2^64 candidate graphs. */
  public static final double DEFAULT_GRINDING_BITS = 64;
  /** The largest security or correctness exponent accepted. */
  public static final double MAX_BITS = 256;
  /** The largest grinding budget accepted, in bits. */
  public static final double MAX_GRINDING_BITS = 128;

  /**
   * Checks every component as the builder's setters do.
   *
   * @throws NullPointerException if {@code threatModel} is null
   * @throws IllegalArgumentException if a component is outside its range (see the class
   *     description)
   */
  public GraphRequirements {
    checkRate("dropout", dropoutRate);
    checkRate("corruption", corruptionRate);
    Objects.requireNonNull(threatModel, "threatModel");
    checkBits("security", securityBits);
    checkBits("correctness", correctnessBits);
    checkGrindingBits(grindingBits);
  }

  /** A builder with the defaults: no dropouts or corruption, malicious server, 40/20/64 bits. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * C = ceil(gamma * n), with gamma read as its shortest decimal representation ({@link
   * Double#toString}), so that 0.05 * 1000 is 50 as the caller meant, not 51.
   */
  public int corruptedClients(int n) {
    return ceilTimes(corruptionRate, n);
  }

  /** D = ceil(delta * n), rounded as {@link #corruptedClients}. */
  public int droppedClients(int n) {
    return ceilTimes(dropoutRate, n);
  }

  /**
   * The largest rate r whose count for n clients is exactly {@code count}: ceil(r * n) = count as
   * {@link #droppedClients} and {@link #corruptedClients} read it, for callers that state counts
   * rather than fractions. count / n itself can round up in binary64 (5/7 does) and would then be
   * read as count + 1, so the result is stepped down until it is read as count.
   *
   * @param count the number of clients, 0..n-1
   * @param n the number of clients, at least 1
   * @throws IllegalArgumentException if {@code n} is below 1 or {@code count} is outside 0..n-1
   */
  public static double rateOf(int count, int n) {
    if (n < 1 || count < 0 || count >= n) {
      throw new IllegalArgumentException(
          "Invalid count " + count + " of " + n + " clients; must be 0.." + (n - 1));
    }
    double r = (double) count / n;
    while (r > 0 && ceilTimes(r, n) > count) {
      r = Math.nextDown(r);
    }
    return r;
  }

  static int ceilTimes(double rate, int n) {
    return BigDecimal.valueOf(rate).multiply(BigDecimal.valueOf(n)).setScale(0, RoundingMode.CEILING).intValueExact();
  }

  @Override
  public String toString() {
    return "GraphRequirements[delta=" + dropoutRate + ", gamma=" + corruptionRate + ", " + threatModel
        + ", security=2^-" + securityBits + ", correctness=2^-" + correctnessBits + ", grinding=2^"
        + grindingBits + "]";
  }

  /** Builds {@link GraphRequirements}; every setter validates at once. */
  public static final class Builder {
    private double dropoutRate;
    private double corruptionRate;
    private ThreatModel threatModel = ThreatModel.MALICIOUS_SERVER;
    private double securityBits = DEFAULT_SECURITY_BITS;
    private double correctnessBits = DEFAULT_CORRECTNESS_BITS;
    private double grindingBits = DEFAULT_GRINDING_BITS;

    private Builder() {}

    /**
     * delta (default 0).
     *
     * @throws IllegalArgumentException unless 0 &lt;= rate &lt; 1
     */
    public Builder dropoutRate(double rate) {
      this.dropoutRate = checkRate("dropout", rate);
      return this;
    }

    /**
     * gamma (default 0).
     *
     * @throws IllegalArgumentException unless 0 &lt;= rate &lt; 1
     */
    public Builder corruptionRate(double rate) {
      this.corruptionRate = checkRate("corruption", rate);
      return this;
    }

    /**
     * The threat model (default {@link ThreatModel#MALICIOUS_SERVER}).
     *
     * @throws NullPointerException if {@code model} is null
     */
    public Builder threatModel(ThreatModel model) {
      this.threatModel = Objects.requireNonNull(model, "threatModel");
      return this;
    }

    /**
     * sigma (default {@value GraphRequirements#DEFAULT_SECURITY_BITS}).
     *
     * @throws IllegalArgumentException unless 0 &lt; bits &lt;= {@value GraphRequirements#MAX_BITS}
     */
    public Builder securityBits(double bits) {
      this.securityBits = checkBits("security", bits);
      return this;
    }

    /**
     * eta (default {@value GraphRequirements#DEFAULT_CORRECTNESS_BITS}).
     *
     * @throws IllegalArgumentException unless 0 &lt; bits &lt;= {@value GraphRequirements#MAX_BITS}
     */
    public Builder correctnessBits(double bits) {
      this.correctnessBits = checkBits("correctness", bits);
      return this;
    }

    /**
     * g, the base-2 logarithm of the number of candidate graphs the adversary can try (default
     * {@value GraphRequirements#DEFAULT_GRINDING_BITS}).
     *
     * @throws IllegalArgumentException unless 0 &lt;= bits &lt;= {@value
     *     GraphRequirements#MAX_GRINDING_BITS}
     */
    public Builder grindingBits(double bits) {
      this.grindingBits = checkGrindingBits(bits);
      return this;
    }

    /** The requirements. */
    public GraphRequirements build() {
      return new GraphRequirements(
          dropoutRate, corruptionRate, threatModel, securityBits, correctnessBits, grindingBits);
    }
  }

  private static double checkRate(String what, double rate) {
    if (!(rate >= 0.0 && rate < 1.0)) {
      throw new IllegalArgumentException("Invalid " + what + " rate " + rate + "; must be in [0, 1)");
    }
    return rate;
  }

  private static double checkBits(String what, double bits) {
    if (!(bits > 0.0 && bits <= MAX_BITS)) {
      throw new IllegalArgumentException(
          "Invalid " + what + " exponent " + bits + "; must be in (0, " + MAX_BITS + "]");
    }
    return bits;
  }

  private static double checkGrindingBits(double bits) {
    if (!(bits >= 0.0 && bits <= MAX_GRINDING_BITS)) {
      throw new IllegalArgumentException(
          "Invalid grinding budget " + bits + " bits; must be in [0, " + MAX_GRINDING_BITS + "]");
    }
    return bits;
  }
}
