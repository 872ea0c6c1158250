package io.secagg.federated;

import io.secagg.core.protocol.AggregationResult;
import io.secagg.core.protocol.server.ServerOptions;
import io.secagg.core.quant.DequantizedSum;
import io.secagg.core.quant.Quantizer;
import io.secagg.core.quant.QuantizerConfig;
import io.secagg.core.session.SessionListener;
import io.secagg.core.transport.ServerTransport;
import io.secagg.core.transport.SessionAbortedException;
import io.secagg.core.vector.ModVector;
import io.secagg.dp.accounting.PrivacyGuarantee;
import io.secagg.dp.accounting.RdpCurve;
import io.secagg.dp.ddg.DdgParameters;
import io.secagg.dp.ddg.DdgPrivacyPlan;
import io.secagg.dp.ddg.DdgServer;
import io.secagg.federated.internal.RoundRunner;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The server of federated averaging: runs each round's secure aggregation and turns its sum back
 * into floats, with the error bound and, with DP, the privacy spent so far. Create one for the
 * whole training run and call {@link #aggregate} once per round.
 *
 * <pre>{@code
 * AveragingServer server = AveragingServer.create(params);
 * for (long round = 0; round < rounds; round++) {
 *   sendModelToClients(model);                              // however the framework does it
 *   AveragingRound r = server.aggregate(round, transport);  // blocks until the round ends
 *   model.add(r.meanAsFloats());                            // FedAvg step
 * }
 * }</pre>
 *
 * <p><b>What the server learns</b> is the sum of the included clients' updates (with DP, plus
 * their noise), which clients were included, and nothing about any single update, as long as the
 * parameters' assumptions hold (at most C clients collude with it; semi-honest protocol).
 *
 * <p><b>Rounds.</b> Round numbers must increase from call to call. A round with more dropouts
 * than the parameters tolerate aborts ({@link SessionAbortedException}); the next call may use
 * the next number. With DP, the server completes at most the planned number of rounds and then
 * refuses: {@link #privacySpent()} composes the rounds it has completed.
 *
 * <p>Thread-safe: rounds are serialised.
 */
public final class AveragingServer {
  private static final Logger LOG = System.getLogger(AveragingServer.class.getName());

  private final AveragingParameters params;
  private final SecureRandom random;
  private final ServerOptions options;
  private final Duration roundTimeout;
  private final SessionListener listener;
  private final Quantizer quantizer;
  private long lastRound = -1;
  private long completedRounds;
  private RdpCurve spent;

  private AveragingServer(Builder b) {
    this.params = b.params;
    this.random = b.random != null ? b.random : new SecureRandom();
    this.options = b.options;
    this.roundTimeout = b.roundTimeout;
    this.listener = b.listener;
    // Decoding draws no randomness; the quantizer only needs one to exist.
    this.quantizer = params.quantizerConfig().map(c -> Quantizer.create(c, random)).orElse(null);
    this.spent = params.differentialPrivacy().isPresent()
        ? RdpCurve.zero(RdpCurve.defaultOrders()) : null;
  }

  /**
   * A server with the defaults ({@link SecureRandom}, 60-second round timeout, unmasking on the
   * calling thread).
   *
   * @throws NullPointerException if {@code params} is null
   */
  public static AveragingServer create(AveragingParameters params) {
    return builder(params).build();
  }

  /**
   * A builder.
   *
   * @throws NullPointerException if {@code params} is null
   */
  public static Builder builder(AveragingParameters params) {
    return new Builder(Objects.requireNonNull(params, "params"));
  }

  /** The parameters. */
  public AveragingParameters parameters() {
    return params;
  }

  /** How long each protocol round waits for clients that neither answer nor leave. */
  public Duration roundTimeout() {
    return roundTimeout;
  }

  /** How many rounds this server has completed. */
  public synchronized long completedRounds() {
    return completedRounds;
  }

  /**
   * With DP: the guarantee of all rounds completed so far, composed by the accountant with each
   * round's number of included honest clients (zero rounds: epsilon 0). Empty without DP.
   */
  public synchronized Optional<PrivacyGuarantee> privacySpent() {
    return params.differentialPrivacy().map(p -> spent.toApproxDp(plan(p).delta()));
  }

  /**
   * Runs round {@code round} over {@code transport}, on the calling thread, and decodes its sum.
   *
   * @param round the round number, larger than any this server has used before
   * @return the sum and mean of the included clients' updates, with their error and privacy
   * @throws NullPointerException if {@code transport} is null
   * @throws IllegalArgumentException if {@code round} is negative or not above the last round
   * @throws IllegalStateException with DP, if the planned number of rounds is complete
   * @throws SessionAbortedException if the round aborted: more clients dropped out than the
   *     parameters tolerate, or it was cancelled
   * @throws InvalidAggregateException if the sum cannot come from honestly prepared updates
   * @throws IOException if the transport failed as a whole
   * @throws InterruptedException if the thread was interrupted (the round is cancelled)
   */
  public synchronized AveragingRound aggregate(long round, ServerTransport transport)
      throws SessionAbortedException, InvalidAggregateException, IOException,
          InterruptedException {
    Objects.requireNonNull(transport, "transport");
    checkNextRound(round);
    long start = System.nanoTime();
    AggregationResult result;
    try {
      result = RoundRunner.serve(params.secAggConfig(round), transport, random, options,
          roundTimeout, listener);
    } catch (SessionAbortedException e) {
      // The number is used: clients may have committed to it, so the next round takes another.
      lastRound = round;
      LOG.log(Level.INFO, "averaging round {0} aborted: {1}", round, e.reason());
      throw e;
    }
    return finish(round, result, Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * Decodes the sum of round {@code round} from a protocol result the caller obtained by running
   * a session of {@link AveragingParameters#secAggConfig(long) secAggConfig(round)} itself (for
   * example over another transport). Same bookkeeping as {@link #aggregate}.
   *
   * @param protocolTime how long the caller's protocol run took (reported as is)
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code round} is negative or not above the last round,
   *     or the result does not fit the parameters (modulus, vector length, fewer included
   *     clients than a session of these parameters can complete with)
   * @throws IllegalStateException with DP, if the planned number of rounds is complete
   * @throws InvalidAggregateException if the sum cannot come from honestly prepared updates
   */
  public synchronized AveragingRound finish(long round, AggregationResult result,
      Duration protocolTime) throws InvalidAggregateException {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(protocolTime, "protocolTime");
    checkNextRound(round);
    ModVector sum = result.sum();
    int included = result.includedClients().size();
    if (!sum.modulus().equals(params.modulus()) || sum.length() != params.vectorLength()) {
      throw new IllegalArgumentException("The result is a vector of " + sum.length() + " over Z_"
          + sum.modulus() + "; the parameters need " + params.vectorLength() + " over Z_"
          + params.modulus());
    }
    if (included < params.minIncludedClients() || included > params.clients()) {
      throw new IllegalArgumentException("The result includes " + included + " clients; a round"
          + " of these parameters includes " + params.minIncludedClients() + ".."
          + params.clients());
    }
    lastRound = round;
    AveragingRound r = params.differentialPrivacy().isPresent()
        ? decodePrivate(round, result, protocolTime, params.differentialPrivacy().get())
        : decodeQuantized(round, result, protocolTime);
    completedRounds++;
    LOG.log(Level.DEBUG, "averaging round {0}: {1} of {2} clients included, protocol {3} ms",
        round, included, params.clients(), protocolTime.toMillis());
    return r;
  }

  private void checkNextRound(long round) {
    Planning.checkRound(round);
    if (round <= lastRound) {
      throw new IllegalArgumentException(
          "Round " + round + " is not after this server's last round " + lastRound);
    }
    params.differentialPrivacy().map(AveragingServer::plan).ifPresent(p -> {
      if (completedRounds >= p.rounds()) {
        throw new IllegalStateException("All " + p.rounds() + " rounds of the privacy budget"
            + " (epsilon " + p.targetEpsilon() + ", delta " + p.delta() + ") are complete");
      }
    });
  }

  private AveragingRound decodeQuantized(long round, AggregationResult result, Duration time)
      throws InvalidAggregateException {
    int n = result.includedClients().size();
    DequantizedSum decoded = quantizer.dequantizeSum(result.sum(), n);
    if (decoded.outOfRangeCount() > 0) {
      throw new InvalidAggregateException(round, decoded.outOfRangeCount());
    }
    double[] sum = decoded.values();
    QuantizerConfig c = quantizer.config();
    // Quantization: strictly below n * 2^-e; decoding rounds each value once more.
    double maxUlp = 0;
    for (double s : sum) {
      maxUlp = Math.max(maxUlp, Math.ulp(s));
    }
    // Stochastic rounding: variance at most 1/4 step^2 per client, unbiased.
    double std = Math.sqrt(n / 4.0) * Math.scalb(1.0, -c.scaleExponent());
    ErrorBound error = new ErrorBound(c.errorBound(n) + maxUlp, std, 0);
    return new AveragingRound(round, sum, result.includedClients(), result.dropouts(), error,
        null, null, time);
  }

  private AveragingRound decodePrivate(long round, AggregationResult result, Duration time,
      DdgParameters p) throws InvalidAggregateException {
    DdgPrivacyPlan plan = plan(p);
    int n = result.includedClients().size();
    double[] sum;
    try {
      sum = DdgServer.decode(p, result.sum(), params.rotationSeed(round));
    } catch (io.secagg.dp.ddg.InvalidAggregateException e) {
      throw new InvalidAggregateException(round, e);
    }
    double noiseStd = Math.sqrt(n * p.localVariance().doubleValue()) / p.scale();
    ErrorBound error = new ErrorBound(Double.POSITIVE_INFINITY, p.predictedErrorStd(n), noiseStd);
    // Up to C of the included clients may be the server's accomplices, whose noise it knows.
    long honest = n - params.maxCorruptedClients();
    RdpCurve thisRound = p.perRoundRdp(RdpCurve.defaultOrders(), honest);
    spent = spent.plus(thisRound);
    return new AveragingRound(round, sum, result.includedClients(), result.dropouts(), error,
        thisRound.toApproxDp(plan.delta()), spent.toApproxDp(plan.delta()), time);
  }

  private static DdgPrivacyPlan plan(DdgParameters p) {
    return p.privacyPlan().orElseThrow();
  }

  @Override
  public String toString() {
    return "AveragingServer[" + params + "]";
  }

  /** Builds an {@link AveragingServer}. */
  public static final class Builder {
    private final AveragingParameters params;
    private SecureRandom random;
    private ServerOptions options = ServerOptions.defaults();
    private Duration roundTimeout = Duration.ofSeconds(60);
    private SessionListener listener = SessionListener.none();

    private Builder(AveragingParameters params) {
      this.params = params;
    }

    /**
     * The source of the server's protocol randomness (default: a new {@link SecureRandom}).
     *
     * @throws NullPointerException if {@code random} is null
     */
    public Builder random(SecureRandom random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * How long each protocol round waits for clients that neither answer nor leave (default 60
     * seconds). A client the transport reports gone costs no waiting.
     *
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is not positive
     */
    public Builder roundTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("Invalid round timeout " + timeout + "; must be positive");
      }
      this.roundTimeout = timeout;
      return this;
    }

    /**
     * Where the server removes dropped clients' masks (default: on the calling thread).
     *
     * @throws NullPointerException if {@code options} is null
     */
    public Builder options(ServerOptions options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Observes every round's protocol session from the server's side: its phases, answers and
     * the clients that leave (default: none). It is called on the thread of {@link #aggregate},
     * so keep it cheap; what it throws is logged and does not disturb the round.
     *
     * @throws NullPointerException if {@code listener} is null
     */
    public Builder listener(SessionListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** The server. */
    public AveragingServer build() {
      return new AveragingServer(this);
    }
  }
}
