package io.secagg.session;

import io.secagg.core.crypto.Ed25519KeyPair;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;
import io.secagg.dp.clip.L2Clipping;
import io.secagg.dp.ddg.DdgClient;
import io.secagg.dp.ddg.DdgParameters;
import io.secagg.dp.ddg.DdgServer;
import io.secagg.dp.ddg.InvalidAggregateException;
import io.secagg.dp.sampling.AesCtrBitSource;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The distributed-DP round runner: the distributed discrete Gaussian (Kairouz, Liu and Steinke
 * 2021) around a SecAgg round. Each client clips its real update, rotates, rounds and noises it
 * into {@code D} elements of Z_m ({@link DdgClient}); these vectors are the inputs of a {@link
 * SecAggRound}; the server decodes the sum ({@link DdgServer}). The report compares the decoded
 * sum with the true sum of the included clients' clipped updates and states the privacy spent.
 *
 * <pre>{@code
 * DdgParameters p = DdgParameterSelection.builder().epsilon(1).delta(1e-5).rounds(1)
 *     .clients(100).dimension(50_000).clipNorm(1).modulus(Modulus.powerOfTwo(32)).build();
 * SecAggConfig config = plan.configBuilder(100)
 *     .vectorLength(p.paddedDimension()).modulus(p.modulus()).build();
 * DpReport r = DpRound.builder(p, config).updates(id -> updates[id]).build().run();
 * r.decodedSum(); r.rmse(); r.guarantee(1, 1e-5).epsilon();
 * }</pre>
 *
 * <p>The rotation seed, which every client and the server must share, is public randomness drawn
 * once per run. With {@link Builder#seed} every random value (updates when none are supplied,
 * rotation, each client's rounding and noise, and every SecAgg party's randomness) is derived
 * from the seed, so a simulation repeats exactly; the noise is then predictable to whoever knows
 * the seed, which protects nothing: simulations and tests only.
 */
public final class DpRound {
  private static final Logger LOG = System.getLogger(DpRound.class.getName());

  private final DdgParameters params;
  private final SecAggConfig config;
  private final IntFunction<double[]> updates;
  private final Randomness randomness;
  private final SecAggRound.Builder secAgg;

  private DpRound(Builder b) {
    this.params = b.params;
    this.config = b.config;
    this.updates = b.updates;
    this.randomness = b.randomness();
    this.secAgg = b.secAgg;
  }

  /**
   * A builder for a round of {@code params} over sessions of {@code config}.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the configuration's vector length is not the padded
   *     dimension D, or its modulus is not the parameters'
   */
  public static Builder builder(DdgParameters params, SecAggConfig config) {
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(config, "config");
    if (config.vectorLength() != params.paddedDimension()) {
      throw new IllegalArgumentException("the session's vector length " + config.vectorLength()
          + " is not the DDG's padded dimension " + params.paddedDimension() + " (d = " + params.dimension()
          + " rounded up to a power of two)");
    }
    Modulus m = params.modulus();
    if (!config.modulus().equals(m)) {
      throw new IllegalArgumentException("the session's modulus " + config.modulus() + " is not the DDG's " + m);
    }
    return new Builder(params, config);
  }

  /** The DDG parameters. */
  public DdgParameters params() {
    return params;
  }

  /**
   * Runs one round.
   *
   * @return the report; an aborted session is a normal outcome, reported, not thrown
   * @throws NullPointerException if the update supplier returns null
   * @throws IllegalArgumentException if an update has the wrong length or a non-finite value
   * @throws InterruptedException if the calling thread is interrupted (the session is cancelled)
   */
  public DpReport run() throws InterruptedException {
    int n = config.clientCount();
    int d = params.dimension();
    byte[] rotationSeed = randomness.bytes32("dp-rotation", 0);
    double[][] clipped = new double[n + 1][];
    IntFunction<ModVector> inputs = id -> {
      double[] update = update(id);
      ModVector encoded = DdgClient.encode(params, update, rotationSeed, bitSource(id));
      L2Clipping.clip(update, params.clipNorm());
      clipped[id] = update;
      return encoded;
    };
    SecAggReport report = secAgg.inputs(inputs).build().run();
    double[] decoded = null;
    double[] truth = new double[d];
    for (int id : report.includedClients()) {
      for (int i = 0; i < d; i++) {
        truth[i] += clipped[id][i];
      }
    }
    if (report.completed()) {
      try {
        decoded = DdgServer.decode(params, report.sum().orElseThrow(), rotationSeed);
      } catch (InvalidAggregateException e) {
        // The session's modulus and length are the parameters' own: a rejection is a bug.
        throw new IllegalStateException("the session's sum is not a DDG aggregate: " + e.getMessage(), e);
      }
    }
    DpReport r = new DpReport(report, params, Optional.ofNullable(decoded), truth);
    if (LOG.isLoggable(Level.DEBUG)) {
      LOG.log(Level.DEBUG, "secagg DP round: " + (report.completed()
          ? "decoded the sum of " + report.includedClients().size() + " clients, RMS error " + r.rmse()
              + " against a predicted " + r.predictedErrorStd()
          : "no sum: the session aborted"));
    }
    return r;
  }

  private double[] update(int id) {
    int d = params.dimension();
    if (updates == null) {
      // A random update of L2 norm about the clip norm: every coordinate N(0, c^2 / d).
      SecureRandom r = randomness.forParty("dp-update", id);
      double[] u = new double[d];
      double s = params.clipNorm() / Math.sqrt(d);
      for (int i = 0; i < d; i++) {
        u[i] = r.nextGaussian() * s;
      }
      return u;
    }
    double[] u = Objects.requireNonNull(updates.apply(id), "update supplier returned null for client " + id);
    if (u.length != d) {
      throw new IllegalArgumentException("update of client " + id + " has " + u.length + " values; the DDG needs " + d);
    }
    // The encoder reads it and the runner clips it for the check: work on a private copy.
    return u.clone();
  }

  private AesCtrBitSource bitSource(int id) {
    return randomness.deterministic()
        ? AesCtrBitSource.forTestVectorsOnly(randomness.bytes32("dp-noise", id))
        : AesCtrBitSource.create(new SecureRandom());
  }

  @Override
  public String toString() {
    return "DpRound[" + params + ", " + config + "]";
  }

  /** Builds a {@link DpRound}; setters validate at once. */
  public static final class Builder extends RunnerBuilder<Builder> {
    private final DdgParameters params;
    private final SecAggConfig config;
    private final SecAggRound.Builder secAgg;
    private IntFunction<double[]> updates;

    private Builder(DdgParameters params, SecAggConfig config) {
      this.params = params;
      this.config = config;
      this.secAgg = SecAggRound.builder(config);
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * The clients' real updates, each of {@code params.dimension()} finite values (default: a
     * random update of L2 norm about the clip norm per client). Called once per client id 1..n
     * when the run starts; the runner clips and encodes a copy.
     *
     * @throws NullPointerException if {@code supplier} is null
     */
    public Builder updates(IntFunction<double[]> supplier) {
      this.updates = Objects.requireNonNull(supplier, "supplier");
      return this;
    }

    /**
     * Which clients crash, and when (default: none); see {@link SecAggRound.Builder#dropouts}.
     *
     * @throws NullPointerException if {@code schedule} is null
     */
    public Builder dropouts(DropoutSchedule schedule) {
      secAgg.dropouts(schedule);
      return this;
    }

    /**
     * The clients' identity key pairs in malicious-server mode; see {@link
     * SecAggRound.Builder#identityKeys}.
     *
     * @throws NullPointerException if the list or a key is null
     * @throws IllegalArgumentException as {@link SecAggRound.Builder#identityKeys}
     */
    public Builder identityKeys(List<Ed25519KeyPair> keys) {
      secAgg.identityKeys(keys);
      return this;
    }

    /**
     * Each SecAgg round's deadline; see {@link SecAggRound.Builder#roundTimeout}.
     *
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if it is not positive
     */
    public Builder roundTimeout(Duration timeout) {
      secAgg.roundTimeout(timeout);
      return this;
    }

    /**
     * The runner.
     *
     * @throws IllegalStateException as {@link SecAggRound.Builder#build()}
     */
    public DpRound build() {
      secAgg.threads(threads).listener(listener);
      if (seed != null) {
        secAgg.seed(seed);
      }
      secAgg.build(); // validates now rather than at run time
      return new DpRound(this);
    }
  }
}
