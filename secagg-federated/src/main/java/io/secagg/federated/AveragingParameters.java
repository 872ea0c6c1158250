package io.secagg.federated;

import io.secagg.core.graph.GraphKind;
import io.secagg.core.graph.ThreatModel;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.protocol.SecurityMode;
import io.secagg.core.quant.QuantizerConfig;
import io.secagg.core.session.SessionPlan;
import io.secagg.core.session.SessionPlanner;
import io.secagg.core.vector.Modulus;
import io.secagg.dp.ddg.DdgParameterSelection;
import io.secagg.dp.ddg.DdgParameters;
import io.secagg.dp.ddg.DdgPrivacyPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The public parameters of federated averaging over secure aggregation, shared by the server and
 * every client and fixed for a whole training run. Immutable; built with {@link #builder()},
 * which validates each value as it is set and plans everything else in {@link Builder#build()}.
 *
 * <pre>{@code
 * AveragingParameters params = AveragingParameters.builder()
 *     .clients(10)                  // hospitals 1..10
 *     .dimension(50_000)            // parameters of the model update
 *     .clipNorm(1.0)                // L2 bound of an update (or coordinateBound(b))
 *     .maxDropouts(1)               // a round still completes if one client drops out
 *     .differentialPrivacy(1.0, 1e-6, 100)   // optional: (epsilon, delta) over 100 rounds
 *     .build();
 * }</pre>
 *
 * <p><b>What you state.</b> The number of clients n, the update's dimension d, one bound on the
 * updates (an L2 {@link Builder#clipNorm clip norm} c, or a {@link Builder#coordinateBound
 * per-coordinate bound} b), how many clients may drop out of a round (D) and how many may collude
 * with the server (C), optionally a distributed-DP target, and optionally that the server may
 * actively lie ({@link Builder#maliciousServer}, with every client's identity key). Updates beyond the bound are
 * clipped by the client (and the client reports it): the aggregate is the sum of the clipped
 * updates.
 *
 * <p><b>What is planned from it.</b>
 *
 * <ul>
 *   <li>The masking graph and Shamir threshold t of every round, by the session layer's rules
 *       ({@link SessionPlanner}, {@link #sessionPlan()}) for exactly D dropouts and C corrupted
 *       clients against the stated server. Without DP: the recommended graph (a sparse SecAgg+
 *       graph whenever one meets its bounds). With DP: {@link
 *       SessionPlanner#completeGraphLargestThreshold() the complete graph with the largest
 *       threshold the dropouts allow}, t = n - 1 - D, so
 *       that no round completes with fewer than {@link #minIncludedClients()} = n - D clients'
 *       noise, whatever the server does.
 *   <li>Without DP: quantization into Z_m ({@link #modulus()}, 2^32 unless set) with the clip
 *       range [-c, c] (or [-b, b]) and the largest power-of-two scale with which the sum of n
 *       clients cannot wrap; the error of the decoded mean is then at most 2^-e per coordinate,
 *       guaranteed ({@link #quantizerConfig()}).
 *   <li>With DP: the distributed discrete Gaussian (Kairouz, Liu and Steinke 2021) with the noise
 *       of each client sized so that the n - D - C honest clients a completed round contains at
 *       least meet (epsilon, delta) over the stated number of rounds, and the scale chosen so that
 *       the sum of all n clients stays inside Z_m ({@link #differentialPrivacy()}). The update of
 *       d values becomes a protocol vector of D = the next power of two (the rotation's padding;
 *       {@link #vectorLength()}); this API pads and unpads.
 * </ul>
 *
 * <p><b>Agreement.</b> Both sides derive the protocol configuration of round r ({@link
 * #secAggConfig(long)}) from these parameters; a digest of every planned value and of r is the
 * session's context, so parties whose parameters differ in anything (including a library
 * version that plans differently) fail to authenticate each other instead of summing garbage.
 * {@link #fingerprint()} shows the digest for comparing deployments by eye.
 */
public final class AveragingParameters {
  /** The modulus used unless {@link Builder#modulus} sets another: 2^32. */
  public static final Modulus DEFAULT_MODULUS = Modulus.powerOfTwo(32);
  /** The most bytes of caller context ({@link Builder#context}). */
  public static final int MAX_CONTEXT_LENGTH = 256;
  /** The largest dimension without DP (the protocol's longest vector). */
  public static final int MAX_DIMENSION = SecAggConfig.MAX_VECTOR_LENGTH;
  /** The largest dimension with DP (the DDG pipeline's). */
  public static final int MAX_DP_DIMENSION = DdgParameters.MAX_DIMENSION;

  private final int clients;
  private final int dimension;
  private final boolean l2Bound;
  private final double bound;
  private final Modulus modulus;
  private final int maxDropouts;
  private final int maxCorrupted;
  private final byte[] context;
  private final List<byte[]> identityKeys;
  private final SessionPlan plan;
  private final QuantizerConfig quantizer;
  private final DdgParameters privacy;
  private final byte[] digest;

  private AveragingParameters(Builder b, SessionPlan plan, QuantizerConfig quantizer,
      DdgParameters privacy) {
    this.clients = b.clients;
    this.dimension = b.dimension;
    this.l2Bound = b.l2Bound;
    this.bound = b.bound;
    this.modulus = b.modulus;
    this.maxDropouts = b.maxDropouts;
    this.maxCorrupted = b.maxCorrupted;
    this.context = b.context.clone();
    this.identityKeys = b.identityKeys;
    this.plan = plan;
    this.quantizer = quantizer;
    this.privacy = privacy;
    this.digest = Planning.digest(Planning.encoding(
        clients, dimension, l2Bound, bound, modulus, maxDropouts, maxCorrupted,
        plan.graphKind(), plan.degree(clients), plan.threshold(),
        quantizer == null ? null : Planning.QuantPlan.of(quantizer),
        privacy == null ? null : Planning.DpPlan.of(privacy), identityKeys, context));
  }

  /** A builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** The number of clients n; client ids are 1..n. */
  public int clients() {
    return clients;
  }

  /** The length d of every update. */
  public int dimension() {
    return dimension;
  }

  /**
   * The length of the protocol's vectors: d without DP, the padded D (next power of two) with
   * DP.
   */
  public int vectorLength() {
    return privacy == null ? dimension : privacy.paddedDimension();
  }

  /** The L2 clip norm c, if the bound was given as one. */
  public OptionalDouble clipNorm() {
    return l2Bound ? OptionalDouble.of(bound) : OptionalDouble.empty();
  }

  /** The per-coordinate bound b, if the bound was given as one. */
  public OptionalDouble coordinateBound() {
    return l2Bound ? OptionalDouble.empty() : OptionalDouble.of(bound);
  }

  /** The modulus m of the protocol. */
  public Modulus modulus() {
    return modulus;
  }

  /** D: how many clients may drop out of a round that still completes. */
  public int maxDropouts() {
    return maxDropouts;
  }

  /** C: how many clients may collude with the server. */
  public int maxCorruptedClients() {
    return maxCorrupted;
  }

  /** The masking graph of every round. */
  public GraphKind graphKind() {
    return plan.graphKind();
  }

  /** The number of neighbours k of every client (n - 1 for the complete graph). */
  public int degree() {
    return plan.degree(clients);
  }

  /** The Shamir threshold t of every round. */
  public int threshold() {
    return plan.threshold();
  }

  /**
   * The fewest clients a completed round includes: t + 1 (a survivor's masks are removed only
   * with t shares from other survivors). With DP this is n - D.
   */
  public int minIncludedClients() {
    return plan.minimumIncludedClients();
  }

  /**
   * The session layer's plan behind every round's graph and threshold: the threat statement it
   * answers (D and C as rates of n) and the {@code GraphParameters} it was derived from, with
   * the achieved security and correctness exponents.
   */
  public SessionPlan sessionPlan() {
    return plan;
  }

  /** The quantization of rounds without DP; empty with DP. */
  public Optional<QuantizerConfig> quantizerConfig() {
    return Optional.ofNullable(quantizer);
  }

  /**
   * The DDG parameters of rounds with DP, with the target they were chosen for ({@link
   * DdgParameters#privacyPlan()}); empty without DP.
   */
  public Optional<DdgParameters> differentialPrivacy() {
    return Optional.ofNullable(privacy);
  }

  /** The caller context (a copy; empty if none was set). */
  public byte[] context() {
    return context.clone();
  }

  /**
   * The protocol's security mode: {@link SecurityMode#MALICIOUS} iff {@link
   * Builder#maliciousServer} was set.
   */
  public SecurityMode securityMode() {
    return identityKeys.isEmpty() ? SecurityMode.SEMI_HONEST : SecurityMode.MALICIOUS;
  }

  /**
   * Client {@code clientId}'s Ed25519 identity (public) key in malicious-server mode (a copy).
   *
   * @throws IllegalStateException in semi-honest mode
   * @throws IllegalArgumentException if {@code clientId} is outside 1..n
   */
  public byte[] identityKey(int clientId) {
    if (identityKeys.isEmpty()) {
      throw new IllegalStateException("semi-honest parameters have no identity keys");
    }
    if (clientId < 1 || clientId > clients) {
      throw new IllegalArgumentException(
          "Invalid client id " + clientId + "; must be 1.." + clients);
    }
    return identityKeys.get(clientId - 1).clone();
  }

  /**
   * The protocol configuration of round {@code round}, identical on every party: n, t, the
   * vector length and modulus, the graph, and a context that binds these parameters and the
   * round.
   *
   * @throws IllegalArgumentException if {@code round} is negative
   */
  public SecAggConfig secAggConfig(long round) {
    SecAggConfig.Builder b = plan.configBuilder(clients).vectorLength(vectorLength())
        .modulus(modulus).context(Planning.roundContext(digest, round));
    if (!identityKeys.isEmpty()) {
      b.securityMode(SecurityMode.MALICIOUS).identityKeys(identityKeys);
    }
    return b.build();
  }

  /**
   * A hexadecimal digest of every parameter, planned value and the context (16 bytes shown):
   * equal on two machines iff they will agree on every round's configuration.
   */
  public String fingerprint() {
    return java.util.HexFormat.of().formatHex(digest, 0, 16);
  }

  /** The 32-byte digest of every parameter (a copy). */
  byte[] digest() {
    return digest.clone();
  }

  /** The DDG rotation seed of round {@code round} (DP only). */
  byte[] rotationSeed(long round) {
    return Planning.rotationSeed(digest, round);
  }

  boolean isL2Bound() {
    return l2Bound;
  }

  double bound() {
    return bound;
  }

  /** Equal iff every parameter and planned value is equal (compared by their digest). */
  @Override
  public boolean equals(Object o) {
    return o instanceof AveragingParameters
        && java.security.MessageDigest.isEqual(((AveragingParameters) o).digest, digest);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(digest);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("AveragingParameters[n=").append(clients)
        .append(", d=").append(dimension);
    if (privacy != null) {
      s.append(" padded to D=").append(vectorLength());
    }
    s.append(l2Bound ? ", clipNorm=" : ", coordinateBound=").append(bound)
        .append(", m=").append(modulus).append(", maxDropouts=").append(maxDropouts)
        .append(", maxCorrupted=").append(maxCorrupted).append(", mode=").append(securityMode())
        .append(", graph=").append(graphKind());
    if (graphKind() == GraphKind.HARARY) {
      s.append("(k=").append(degree()).append(')');
    }
    s.append(", t=").append(threshold());
    if (privacy != null) {
      DdgPrivacyPlan plan = privacy.privacyPlan().orElseThrow();
      s.append(", dp=(epsilon ").append(plan.targetEpsilon()).append(", delta ")
          .append(plan.delta()).append(", ").append(plan.rounds()).append(" rounds)");
    } else {
      s.append(", scale=2^").append(quantizer.scaleExponent());
    }
    return s.append(", fingerprint=").append(fingerprint()).append(']').toString();
  }

  /** Builds {@link AveragingParameters}; every setter validates its argument at once. */
  public static final class Builder {
    private int clients;
    private int dimension;
    private boolean l2Bound;
    private double bound;
    private Modulus modulus = DEFAULT_MODULUS;
    private int maxDropouts;
    private int maxCorrupted;
    private byte[] context = new byte[0];
    private List<byte[]> identityKeys = List.of();
    private double epsilon;
    private double delta;
    private long rounds;

    private Builder() {}

    /**
     * Sets the number of clients n (ids 1..n).
     *
     * @throws IllegalArgumentException if {@code n} is outside 3..{@value SecAggConfig#MAX_CLIENTS}
     */
    public Builder clients(int n) {
      if (n < 3 || n > SecAggConfig.MAX_CLIENTS) {
        throw new IllegalArgumentException(
            "Invalid client count " + n + "; must be 3.." + SecAggConfig.MAX_CLIENTS);
      }
      this.clients = n;
      return this;
    }

    /**
     * Sets the update length d (at most {@value #MAX_DIMENSION}; with DP at most {@value
     * #MAX_DP_DIMENSION}, checked in {@link #build()}).
     *
     * @throws IllegalArgumentException if {@code d} is outside 1..{@value #MAX_DIMENSION}
     */
    public Builder dimension(int d) {
      if (d < 1 || d > MAX_DIMENSION) {
        throw new IllegalArgumentException(
            "Invalid dimension " + d + "; must be 1.." + MAX_DIMENSION);
      }
      this.dimension = d;
      return this;
    }

    /**
     * Bounds every update by its L2 norm: a client scales an update of norm above {@code c} down
     * to norm {@code c}. Required for DP. Replaces a {@link #coordinateBound}.
     *
     * @throws IllegalArgumentException unless {@code c} is finite and positive
     */
    public Builder clipNorm(double c) {
      this.bound = checkBound("clip norm", c);
      this.l2Bound = true;
      return this;
    }

    /**
     * Bounds every coordinate of an update: a client clips each value to [-b, b]. Not available
     * with DP (which needs an L2 bound). Replaces a {@link #clipNorm}.
     *
     * @throws IllegalArgumentException unless {@code b} is finite and positive
     */
    public Builder coordinateBound(double b) {
      this.bound = checkBound("coordinate bound", b);
      this.l2Bound = false;
      return this;
    }

    /**
     * Sets D, how many clients may drop out of a round that must still complete (default 0:
     * every client must finish). Checked against n in {@link #build()}.
     *
     * @throws IllegalArgumentException if {@code d} is negative
     */
    public Builder maxDropouts(int d) {
      if (d < 0) {
        throw new IllegalArgumentException("Invalid dropout count " + d + "; must be >= 0");
      }
      this.maxDropouts = d;
      return this;
    }

    /**
     * Sets C, how many clients may collude with the server (default 0). The threshold stays
     * above C, and with DP their noise is not counted on. Checked against n in {@link #build()}.
     *
     * @throws IllegalArgumentException if {@code c} is negative
     */
    public Builder maxCorruptedClients(int c) {
      if (c < 0) {
        throw new IllegalArgumentException("Invalid corrupted-client count " + c + "; must be >= 0");
      }
      this.maxCorrupted = c;
      return this;
    }

    /**
     * Sets the protocol's modulus (default {@link #DEFAULT_MODULUS}, 2^32). With DP at most 2^62.
     *
     * @throws NullPointerException if {@code m} is null
     */
    public Builder modulus(Modulus m) {
      this.modulus = Objects.requireNonNull(m, "modulus");
      return this;
    }

    /**
     * Adds distributed differential privacy: (epsilon, delta) over {@code rounds} rounds, for
     * every client, against a server that colludes with up to C clients, whenever at most D
     * clients drop out (a round with more dropouts aborts). Each client contributes to at most
     * {@code rounds} rounds.
     *
     * @throws IllegalArgumentException unless {@code epsilon} is finite and positive, {@code
     *     delta} is in (0, 1) and {@code rounds >= 1}
     */
    public Builder differentialPrivacy(double epsilon, double delta, long rounds) {
      if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
        throw new IllegalArgumentException("Invalid epsilon " + epsilon + "; must be finite and > 0");
      }
      if (!(delta > 0 && delta < 1)) {
        throw new IllegalArgumentException("Invalid delta " + delta + "; must be in (0, 1)");
      }
      if (rounds < 1) {
        throw new IllegalArgumentException("Invalid rounds " + rounds + "; must be >= 1");
      }
      this.epsilon = epsilon;
      this.delta = delta;
      this.rounds = rounds;
      return this;
    }

    /**
     * Sets a caller context bound into every round (default empty), for example the hash of the
     * model or of the training run, so that clients of different runs never share a session.
     *
     * @throws NullPointerException if {@code context} is null
     * @throws IllegalArgumentException if it is longer than {@value #MAX_CONTEXT_LENGTH} bytes
     */
    public Builder context(byte[] context) {
      Objects.requireNonNull(context, "context");
      if (context.length > MAX_CONTEXT_LENGTH) {
        throw new IllegalArgumentException(
            "Invalid context length " + context.length + "; at most " + MAX_CONTEXT_LENGTH);
      }
      this.context = context.clone();
      return this;
    }

    /**
     * Protects against a server that actively lies (sends different clients different views of
     * who survived, to unmask someone): the protocol's malicious-server mode, in which every
     * client signs its view and checks its neighbours' signatures. Needs every client's Ed25519
     * identity (public) key, {@code keys.get(i)} for client i + 1, distributed out of band (for
     * example with the clients' certificates); each client then proves its key with {@link
     * AveragingClient.Builder#identityKey}. The thresholds follow the malicious-server rules
     * (2t &gt; k + C). The count is checked in {@link #build()}.
     *
     * @throws NullPointerException if the list or a key is null
     * @throws IllegalArgumentException if a key is not 32 bytes
     */
    public Builder maliciousServer(List<byte[]> keys) {
      // The protocol's own rules for identity keys, with its messages: one place states them.
      SecAggConfig.builder().identityKeys(keys);
      List<byte[]> copy = new ArrayList<>(keys.size());
      for (byte[] k : keys) {
        copy.add(k.clone());
      }
      this.identityKeys = List.copyOf(copy);
      return this;
    }

    /**
     * Checks the combination and plans the rounds.
     *
     * @throws IllegalStateException if the client count, the dimension or the bound is unset, or
     *     DP was asked for with a {@link #coordinateBound} instead of a {@link #clipNorm}, or the
     *     malicious-server identity keys are not exactly n
     * @throws IllegalArgumentException if the combination cannot work: D and C too large for n
     *     (the session layer's {@link SessionPlanner} finds no graph and threshold: with DP, t = n -
     *     1 - D is below the smallest secure threshold), a dimension beyond {@value
     *     #MAX_DP_DIMENSION} with DP, a modulus too small for n clients (or above 2^62 with DP), or
     *     a DP target that needs more noise than the pipeline supports
     */
    public AveragingParameters build() {
      if (clients == 0) {
        throw new IllegalStateException("clients is not set");
      }
      if (dimension == 0) {
        throw new IllegalStateException("dimension is not set");
      }
      if (bound == 0) {
        throw new IllegalStateException("no bound on the updates: set clipNorm or coordinateBound");
      }
      boolean dp = rounds > 0;
      if (dp && !l2Bound) {
        throw new IllegalStateException(
            "differential privacy needs an L2 bound: set clipNorm instead of coordinateBound");
      }
      if (dp && dimension > MAX_DP_DIMENSION) {
        throw new IllegalArgumentException(
            "Invalid dimension " + dimension + " with DP; at most " + MAX_DP_DIMENSION);
      }
      if (!identityKeys.isEmpty() && identityKeys.size() != clients) {
        throw new IllegalStateException("malicious-server mode needs exactly " + clients
            + " identity keys, got " + identityKeys.size());
      }
      ThreatModel threat =
          identityKeys.isEmpty() ? ThreatModel.SEMI_HONEST : ThreatModel.MALICIOUS_SERVER;
      SessionPlan plan = Planning.plan(clients, maxDropouts, maxCorrupted, threat, dp);
      if (!dp) {
        QuantizerConfig q = QuantizerConfig.builder().clipBound(bound).modulus(modulus)
            .maxClients(clients).build();
        return new AveragingParameters(this, plan, q, null);
      }
      // The noise is sized for the honest clients every completed round contains (up to C of
      // the included ones may be the server's accomplices, whose noise it knows); the modulus
      // holds all n clients' updates and noise.
      int honest = plan.minimumIncludedClients() - maxCorrupted;
      DdgParameters ddg = DdgParameterSelection.builder()
          .epsilon(epsilon).delta(delta).rounds(rounds).clients(clients)
          .minimumSurvivors(honest).dimension(dimension).clipNorm(bound).modulus(modulus)
          .build();
      return new AveragingParameters(this, plan, null, ddg);
    }

    private static double checkBound(String what, double v) {
      if (!(v > 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException("Invalid " + what + " " + v + "; must be finite and > 0");
      }
      return v;
    }
  }
}
