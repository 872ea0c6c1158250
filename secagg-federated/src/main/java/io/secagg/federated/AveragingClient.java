package io.secagg.federated;

import io.secagg.core.crypto.Ed25519KeyPair;
import io.secagg.core.protocol.SecurityMode;
import io.secagg.core.quant.QuantizedVector;
import io.secagg.core.quant.Quantizer;
import io.secagg.core.transport.ClientTransport;
import io.secagg.core.transport.SessionAbortedException;
import io.secagg.core.vector.ModVector;
import io.secagg.dp.clip.L2Clipping;
import io.secagg.dp.ddg.DdgClient;
import io.secagg.dp.ddg.DdgParameters;
import io.secagg.dp.sampling.AesCtrBitSource;
import io.secagg.federated.internal.RoundRunner;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * One client of federated averaging: turns a float update into its protocol input (clipping,
 * quantization, and DP noise when the parameters ask for it) and takes part in the round.
 * Create one per client for the whole training run and call {@link #submit} once per round.
 *
 * <pre>{@code
 * AveragingClient client = AveragingClient.create(params, hospitalId);
 * for (long round = 0; round < rounds; round++) {
 *   float[] update = train(model);                         // d values
 *   client.submit(round, update, transportToServer);       // blocks until the round ends
 *   model = receiveNewModel();                             // however the framework does it
 * }
 * }</pre>
 *
 * <p><b>Rounds.</b> Round numbers must increase from call to call (the same number twice is
 * refused): they name the round on both sides and are bound into its session. With DP, a client
 * contributes to at most the planned number of rounds and then refuses, enforcing its own privacy
 * budget whatever the server asks. A deployment that restarts clients persists {@link
 * #lastRound()} and {@link #contributions()} and restores them with {@link Builder#resume}.
 *
 * <p><b>Privacy of the update.</b> Only the protocol input leaves the client, masked by the
 * protocol; with DP it also carries this client's share of the noise. Randomness comes from the
 * {@link SecureRandom} of the builder.
 *
 * <p>Thread-safe: calls are serialised.
 */
public final class AveragingClient {
  private final AveragingParameters params;
  private final int clientId;
  private final SecureRandom random;
  private final Duration idleTimeout;
  private final Ed25519KeyPair identity;
  private final Quantizer quantizer;
  private long lastRound;
  private long contributions;

  private AveragingClient(Builder b) {
    this.params = b.params;
    this.clientId = b.clientId;
    this.random = b.random != null ? b.random : new SecureRandom();
    this.idleTimeout = b.idleTimeout;
    this.identity = b.identity;
    this.lastRound = b.lastRound;
    this.contributions = b.contributions;
    this.quantizer = b.params.quantizerConfig().map(c -> Quantizer.create(c, random)).orElse(null);
  }

  /**
   * A client with the defaults ({@link SecureRandom}, 10-minute idle timeout).
   *
   * @throws NullPointerException if {@code params} is null
   * @throws IllegalArgumentException if {@code clientId} is outside 1..n
   */
  public static AveragingClient create(AveragingParameters params, int clientId) {
    return builder(params, clientId).build();
  }

  /**
   * A builder for client {@code clientId} (1..n).
   *
   * @throws NullPointerException if {@code params} is null
   * @throws IllegalArgumentException if {@code clientId} is outside 1..n
   */
  public static Builder builder(AveragingParameters params, int clientId) {
    Objects.requireNonNull(params, "params");
    if (clientId < 1 || clientId > params.clients()) {
      throw new IllegalArgumentException(
          "Invalid client id " + clientId + "; must be 1.." + params.clients());
    }
    return new Builder(params, clientId);
  }

  /** The parameters. */
  public AveragingParameters parameters() {
    return params;
  }

  /** This client's id, 1..n. */
  public int clientId() {
    return clientId;
  }

  /** The last round this client prepared an input for, or -1 if none. */
  public synchronized long lastRound() {
    return lastRound;
  }

  /** How many rounds this client has prepared an input for (restored ones included). */
  public synchronized long contributions() {
    return contributions;
  }

  /**
   * How many more rounds this client will contribute to: with DP, the planned rounds minus those
   * it has contributed to; without DP, {@link Long#MAX_VALUE}.
   */
  public synchronized long remainingRounds() {
    return params.differentialPrivacy()
        .map(p -> p.privacyPlan().orElseThrow().rounds() - contributions).orElse(Long.MAX_VALUE);
  }

  /**
   * Prepares the update and takes part in round {@code round} over {@code transport}, on the
   * calling thread, until the round completes.
   *
   * @param round the round number, larger than any this client has used before
   * @param update the update, d values (not modified)
   * @return what was sent and what clipping did
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException as {@link #prepare(long, double[])}
   * @throws IllegalStateException as {@link #prepare(long, double[])}
   * @throws SessionAbortedException if the round aborted or this client gave up on it (its
   *     contribution may or may not have been counted before that)
   * @throws IOException if the transport failed
   * @throws InterruptedException if the thread was interrupted
   */
  public Contribution submit(long round, float[] update, ClientTransport transport)
      throws SessionAbortedException, IOException, InterruptedException {
    return submit(round, toDoubles(update), transport);
  }

  /**
   * As {@link #submit(long, float[], ClientTransport)}, for a {@code double} update.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException as {@link #prepare(long, double[])}
   * @throws IllegalStateException as {@link #prepare(long, double[])}
   * @throws SessionAbortedException if the round aborted or this client gave up on it
   * @throws IOException if the transport failed
   * @throws InterruptedException if the thread was interrupted
   */
  public Contribution submit(long round, double[] update, ClientTransport transport)
      throws SessionAbortedException, IOException, InterruptedException {
    Objects.requireNonNull(transport, "transport");
    Contribution c = prepare(round, update);
    RoundRunner.participate(params.secAggConfig(round), clientId, c.input(), identity, transport,
        random, idleTimeout);
    return c;
  }

  /**
   * Prepares the protocol input of round {@code round} without running the protocol, for callers
   * that run it themselves: pass {@link Contribution#input()} as this client's input to a session
   * of {@link AveragingParameters#secAggConfig(long) secAggConfig(round)}. Counts as a
   * contribution (the input may leave the client).
   *
   * @throws NullPointerException if {@code update} is null
   * @throws IllegalArgumentException if the update's length is not d, it holds NaN or infinite
   *     values, or {@code round} is negative or not above the last round of this client
   * @throws IllegalStateException with DP, if this client has contributed to the planned number
   *     of rounds already
   */
  public Contribution prepare(long round, float[] update) {
    return prepare(round, toDoubles(update));
  }

  /**
   * As {@link #prepare(long, float[])}, for a {@code double} update.
   *
   * @throws NullPointerException if {@code update} is null
   * @throws IllegalArgumentException as {@link #prepare(long, float[])}
   * @throws IllegalStateException as {@link #prepare(long, float[])}
   */
  public synchronized Contribution prepare(long round, double[] update) {
    Objects.requireNonNull(update, "update");
    Planning.checkRound(round);
    if (update.length != params.dimension()) {
      throw new IllegalArgumentException(
          "Invalid update length " + update.length + "; the parameters say " + params.dimension());
    }
    if (round <= lastRound) {
      throw new IllegalArgumentException(
          "Round " + round + " is not after this client's last round " + lastRound);
    }
    if (remainingRounds() == 0) {
      throw new IllegalStateException("Client " + clientId + " has contributed to all "
          + contributions + " rounds its privacy budget allows");
    }
    double[] x = update.clone();
    double norm = L2Clipping.norm(x);
    if (!Double.isFinite(norm)) {
      throw new IllegalArgumentException("The update holds NaN or infinite values");
    }
    Contribution c = params.differentialPrivacy().isPresent()
        ? privateInput(round, x, norm, params.differentialPrivacy().get())
        : quantizedInput(round, x, norm);
    lastRound = round;
    contributions++;
    return c;
  }

  private Contribution quantizedInput(long round, double[] x, double norm) {
    boolean clipped = false;
    if (params.isL2Bound() && norm > params.bound()) {
      L2Clipping.clip(x, params.bound());
      clipped = true;
    }
    QuantizedVector q = quantizer.quantize(x);
    int coordinates = params.isL2Bound() ? 0 : q.clippedCount();
    return new Contribution(round, clientId, q.vector(), norm, clipped || coordinates > 0,
        coordinates);
  }

  private Contribution privateInput(long round, double[] x, double norm,
      DdgParameters privacy) {
    ModVector input = DdgClient.encode(privacy, x, params.rotationSeed(round),
        AesCtrBitSource.create(random));
    return new Contribution(round, clientId, input, norm, norm > params.bound(), 0);
  }

  private static double[] toDoubles(float[] update) {
    Objects.requireNonNull(update, "update");
    double[] d = new double[update.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = update[i];
    }
    return d;
  }

  @Override
  public String toString() {
    return "AveragingClient[id=" + clientId + ", " + params + "]";
  }

  /** Builds an {@link AveragingClient}. */
  public static final class Builder {
    private final AveragingParameters params;
    private final int clientId;
    private SecureRandom random;
    private Duration idleTimeout = Duration.ofMinutes(10);
    private Ed25519KeyPair identity;
    private long lastRound = -1;
    private long contributions;

    private Builder(AveragingParameters params, int clientId) {
      this.params = params;
      this.clientId = clientId;
    }

    /**
     * The source of every random value of this client: protocol keys, stochastic rounding, DP
     * noise (default: a new {@link SecureRandom}). Pass {@code
     * DeterministicRandom.forTestVectorsOnly(...)} only to reproduce simulations and tests.
     *
     * @throws NullPointerException if {@code random} is null
     */
    public Builder random(SecureRandom random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * How long the client waits for the server's next message before giving up on a round
     * (default 10 minutes).
     *
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is not positive
     */
    public Builder idleTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("Invalid idle timeout " + timeout + "; must be positive");
      }
      this.idleTimeout = timeout;
      return this;
    }

    /**
     * This client's Ed25519 identity key pair: required in malicious-server mode, where its
     * public key must be the one the parameters list for this client; refused otherwise.
     *
     * @throws NullPointerException if {@code identity} is null
     * @throws IllegalArgumentException if the parameters are semi-honest, or the public key is
     *     not this client's
     */
    public Builder identityKey(Ed25519KeyPair identity) {
      Objects.requireNonNull(identity, "identity");
      if (params.securityMode() != SecurityMode.MALICIOUS) {
        throw new IllegalArgumentException("identity keys are only used against a malicious server");
      }
      if (!Arrays.equals(identity.publicKey(), params.identityKey(clientId))) {
        throw new IllegalArgumentException(
            "the identity key is not the one the parameters list for client " + clientId);
      }
      this.identity = identity;
      return this;
    }

    /**
     * Restores the state of a client that ran before (for example before a restart), so that
     * round numbers keep increasing and, with DP, the budget keeps counting: the next round must
     * be above {@code lastRound}, and {@code contributions} rounds are already spent.
     *
     * @throws IllegalArgumentException if {@code lastRound < -1}, {@code contributions < 0}, or
     *     {@code contributions} exceeds the rounds {@code lastRound} allows ({@code lastRound + 1})
     */
    public Builder resume(long lastRound, long contributions) {
      if (lastRound < -1 || contributions < 0 || contributions > lastRound + 1) {
        throw new IllegalArgumentException("Invalid state: last round " + lastRound + ", "
            + contributions + " contributions");
      }
      this.lastRound = lastRound;
      this.contributions = contributions;
      return this;
    }

    /**
     * The client.
     *
     * @throws IllegalStateException in malicious-server mode without an {@link #identityKey}
     */
    public AveragingClient build() {
      if (params.securityMode() == SecurityMode.MALICIOUS && identity == null) {
        throw new IllegalStateException(
            "malicious-server mode: set this client's identityKey before building it");
      }
      return new AveragingClient(this);
    }
  }
}
