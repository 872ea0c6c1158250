package io.secagg.examples;

import io.secagg.core.transport.ClientTransport;
import io.secagg.core.transport.InMemoryNetwork;
import io.secagg.core.transport.ServerTransport;
import io.secagg.dp.clip.L2Clipping;
import io.secagg.federated.AveragingClient;
import io.secagg.federated.AveragingParameters;
import io.secagg.federated.AveragingRound;
import io.secagg.federated.AveragingServer;
import io.secagg.federated.Contribution;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Federated averaging across 10 hospitals, each with a 50,000-parameter model update, through
 * secure aggregation: the server learns the mean of the updates and nothing about any single
 * hospital's. In the first round hospital 4 crashes after sharing its keys; the round completes
 * with the other nine at once (the transport reports the closed connection, so nobody waits for a
 * timeout). With {@code --dp} every hospital also adds its share of distributed discrete Gaussian
 * noise, so that even the mean reveals little about any one hospital's data.
 *
 * <p>Run it: {@code mvn -B -q -pl examples -am package -DskipTests}, then {@code java -cp
 * "examples/target/classes:$(cat examples/target/classpath.txt)"
 * io.secagg.examples.FedAvgHospitals [--dp] [--rounds N]}. The build runs it too ({@code
 * FedAvgHospitalsTest}).
 *
 * <p>Here every party runs in this JVM over the in-memory transport. In a deployment the server
 * and each hospital are separate processes: {@link Server} and {@link Hospital} stay as they are,
 * and the transports come from the framework's own RPC layer (the two-method SPI of {@code
 * io.secagg.core.transport}).
 */
public final class FedAvgHospitals {
  /** The number of hospitals. */
  public static final int HOSPITALS = 10;
  /** The number of model parameters. */
  public static final int PARAMETERS = 50_000;
  /** The hospital that crashes in the first round, after sharing its keys. */
  public static final int CRASHING_HOSPITAL = 4;

  private FedAvgHospitals() {}

  /**
   * The public parameters of the training run, agreed on out of band like the model itself.
   *
   * @param dp whether to add distributed differential privacy
   */
  public static AveragingParameters parameters(boolean dp) {
    AveragingParameters.Builder b = AveragingParameters.builder()
        .clients(HOSPITALS)
        .dimension(PARAMETERS)
        .clipNorm(1.0)           // each update is clipped to L2 norm 1
        .maxDropouts(1);         // a round still completes when one hospital drops out
    if (dp) {
      b.differentialPrivacy(1.0, 1e-6, 100);   // (1, 10^-6)-DP for each hospital over 100 rounds
    }
    return b.build();
  }

  /** The server side: one object for the training run, one call per round. */
  public static final class Server {
    private final AveragingServer server;

    /**
     * @param params the run's parameters
     * @param roundTimeout how long a round waits for a hospital that neither answers nor leaves
     */
    public Server(AveragingParameters params, Duration roundTimeout) {
      this(params, roundTimeout, new SecureRandom());
    }

    /**
     * @param params the run's parameters
     * @param roundTimeout how long a round waits for a hospital that neither answers nor leaves
     * @param random the server's protocol randomness (a {@link SecureRandom} in production)
     */
    public Server(AveragingParameters params, Duration roundTimeout, SecureRandom random) {
      this.server = AveragingServer.builder(params).roundTimeout(roundTimeout).random(random)
          .build();
    }

    /**
     * Runs one round: the mean of the included hospitals' updates, with the error bound.
     *
     * @throws Exception if the round fails (too many dropouts, a broken transport, ...)
     */
    public AveragingRound aggregate(long round, ServerTransport toHospitals) throws Exception {
      return server.aggregate(round, toHospitals);
    }
  }

  /** The hospital side: one object for the training run, one call per round. */
  public static final class Hospital {
    private final AveragingClient client;

    /**
     * @param params the run's parameters
     * @param id this hospital's id, 1..10
     */
    public Hospital(AveragingParameters params, int id) {
      this(params, id, new SecureRandom());
    }

    /**
     * @param params the run's parameters
     * @param id this hospital's id, 1..10
     * @param random the hospital's protocol and noise randomness (a {@link SecureRandom} in
     *     production)
     */
    public Hospital(AveragingParameters params, int id, SecureRandom random) {
      this.client = AveragingClient.builder(params, id).random(random).build();
    }

    /**
     * Sends this round's update, masked (and, with DP, noised), and waits for the round to end.
     *
     * @throws Exception if the round fails or the connection breaks
     */
    public Contribution contribute(long round, float[] update, ClientTransport toServer)
        throws Exception {
      return client.submit(round, update, toServer);
    }
  }

  /** What one round looked like, for the printout and the test. */
  public static final class RoundReport {
    /** The server's result. */
    public final AveragingRound result;
    /**
     * The mean of the included hospitals' updates, clipped to the clip norm as the library clips
     * them, computed in the clear: a check that only a simulation can make (no real server ever
     * sees the updates).
     */
    public final double[] plaintextMean;
    /** The round timeout the server used. */
    public final Duration roundTimeout;

    RoundReport(AveragingRound result, double[] plaintextMean, Duration roundTimeout) {
      this.result = result;
      this.plaintextMean = plaintextMean;
      this.roundTimeout = roundTimeout;
    }

    /** The largest absolute difference between the secure and the plaintext mean. */
    public double maxAbsoluteError() {
      double[] mean = result.mean();
      double worst = 0;
      for (int i = 0; i < mean.length; i++) {
        worst = Math.max(worst, Math.abs(mean[i] - plaintextMean[i]));
      }
      return worst;
    }

    /** The root-mean-square difference between the secure and the plaintext mean. */
    public double rmsError() {
      double[] mean = result.mean();
      double sq = 0;
      for (int i = 0; i < mean.length; i++) {
        double e = mean[i] - plaintextMean[i];
        sq += e * e;
      }
      return Math.sqrt(sq / mean.length);
    }
  }

  /**
   * Trains for {@code rounds} rounds. Each hospital's local optimum is a shared target plus its
   * own offset; its update moves the current model halfway there. Hospital 4 crashes in round 0
   * after sharing its keys and is back, restarted, from round 1.
   *
   * @param dp whether to add distributed differential privacy
   * @param rounds the number of rounds, at least 1
   * @param roundTimeout the server's round timeout (make it huge: crashes cost no waiting)
   * @param seed the seed of the synthetic data (not of any cryptographic randomness)
   * @return one report per round
   * @throws Exception if a round fails
   */
  public static List<RoundReport> train(boolean dp, int rounds, Duration roundTimeout, long seed)
      throws Exception {
    return train(dp, rounds, roundTimeout, seed, party -> new SecureRandom());
  }

  /**
   * {@link #train(boolean, int, Duration, long)} with the parties' randomness chosen by the
   * caller: {@code randomness.apply(0)} is the server's, {@code randomness.apply(id)} hospital
   * {@code id}'s (asked again for the restarted hospital). Only a test injects deterministic
   * sources, to make its statistical checks reproducible.
   *
   * @throws Exception if a round fails
   */
  public static List<RoundReport> train(boolean dp, int rounds, Duration roundTimeout, long seed,
      IntFunction<SecureRandom> randomness) throws Exception {
    AveragingParameters params = parameters(dp);
    Server server = new Server(params, roundTimeout, randomness.apply(0));
    Hospital[] hospitals = new Hospital[HOSPITALS + 1];
    for (int id = 1; id <= HOSPITALS; id++) {
      hospitals[id] = new Hospital(params, id, randomness.apply(id));
    }
    float[][] optimum = localOptima(seed);
    float[] model = new float[PARAMETERS];
    List<RoundReport> reports = new ArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(HOSPITALS);
    try {
      for (long round = 0; round < rounds; round++) {
        if (round == 1) {
          hospitals[CRASHING_HOSPITAL] = new Hospital(params, CRASHING_HOSPITAL,
              randomness.apply(CRASHING_HOSPITAL)); // restarted
        }
        float[][] updates = new float[HOSPITALS + 1][];
        for (int id = 1; id <= HOSPITALS; id++) {
          updates[id] = localUpdate(model, optimum[id]);
        }
        InMemoryNetwork network = new InMemoryNetwork(HOSPITALS);
        List<Future<Contribution>> sent = new ArrayList<>();
        for (int id = 1; id <= HOSPITALS; id++) {
          boolean crashes = round == 0 && id == CRASHING_HOSPITAL;
          ClientTransport toServer = crashes
              ? CrashingTransport.afterSending(network, id, 2) : network.clientEndpoint(id);
          Hospital h = hospitals[id];
          float[] u = updates[id];
          long r = round;
          sent.add(threads.submit(() -> h.contribute(r, u, toServer)));
        }
        AveragingRound result = server.aggregate(round, network.serverEndpoint());
        for (int id = 1; id <= HOSPITALS; id++) {
          try {
            sent.get(id - 1).get();
          } catch (java.util.concurrent.ExecutionException e) {
            if (!(round == 0 && id == CRASHING_HOSPITAL)) {
              throw e;
            }
          }
        }
        float[] mean = result.meanAsFloats();
        for (int i = 0; i < PARAMETERS; i++) {
          model[i] += mean[i];
        }
        reports.add(new RoundReport(result,
            plaintextMean(updates, result.includedClients(), params.clipNorm().getAsDouble()),
            roundTimeout));
      }
    } finally {
      threads.shutdownNow();
    }
    return reports;
  }

  /** Each hospital's local optimum: a shared target (norm about 1) plus its own offset. */
  private static float[][] localOptima(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double s = 1 / Math.sqrt(PARAMETERS);
    double[] target = new double[PARAMETERS];
    for (int i = 0; i < PARAMETERS; i++) {
      target[i] = gaussian(random) * s;
    }
    float[][] optimum = new float[HOSPITALS + 1][PARAMETERS];
    for (int id = 1; id <= HOSPITALS; id++) {
      for (int i = 0; i < PARAMETERS; i++) {
        optimum[id][i] = (float) (target[i] + 0.3 * gaussian(random) * s);
      }
    }
    return optimum;
  }

  /** A local training step, reduced to its essence: half the way to the local optimum. */
  private static float[] localUpdate(float[] model, float[] optimum) {
    float[] update = new float[model.length];
    for (int i = 0; i < model.length; i++) {
      update[i] = 0.5f * (optimum[i] - model[i]);
    }
    return update;
  }

  private static double[] plaintextMean(float[][] updates, List<Integer> included, double clip) {
    double[] mean = new double[PARAMETERS];
    for (int id : included) {
      double[] u = new double[PARAMETERS];
      for (int i = 0; i < PARAMETERS; i++) {
        u[i] = updates[id][i];
      }
      L2Clipping.clip(u, clip);
      for (int i = 0; i < PARAMETERS; i++) {
        mean[i] += u[i];
      }
    }
    for (int i = 0; i < PARAMETERS; i++) {
      mean[i] /= included.size();
    }
    return mean;
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller; the data only needs to look like model updates.
    double u = random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  }

  /**
   * Runs the example and prints one line per round.
   *
   * @param args {@code --dp} for distributed DP, {@code --rounds N} (default 3)
   * @throws Exception if a round fails
   */
  public static void main(String[] args) throws Exception {
    boolean dp = false;
    int rounds = 3;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--dp")) {
        dp = true;
      } else if (args[i].equals("--rounds") && i + 1 < args.length) {
        rounds = Integer.parseInt(args[++i]);
      } else {
        System.err.println("usage: FedAvgHospitals [--dp] [--rounds N]");
        System.exit(2);
      }
    }
    Duration timeout = Duration.ofHours(1);
    System.out.println(parameters(dp));
    for (RoundReport r : train(dp, rounds, timeout, 42)) {
      AveragingRound a = r.result;
      System.out.printf(Locale.ROOT,
          "round %d: %d of %d hospitals included (dropped: %s), protocol %d ms (timeout %d s);"
              + " mean vs plaintext: max error %.3g (bound %.3g), RMS %.3g (predicted %.3g)%s%n",
          a.round(), a.includedClients().size(), HOSPITALS, dropped(a), a.protocolTime().toMillis(),
          r.roundTimeout.toSeconds(), r.maxAbsoluteError(), a.meanError().maxAbsoluteError(),
          r.rmsError(), a.meanError().standardDeviation(),
          a.privacySpent().map(p -> String.format(Locale.ROOT, "; privacy spent: epsilon %.3g"
              + " at delta %.0e", p.epsilon(), p.delta())).orElse(""));
    }
  }

  private static String dropped(AveragingRound a) {
    List<String> ids = new ArrayList<>();
    a.dropouts().forEach(d -> ids.add(d.clientId() + " (" + d.cause() + ")"));
    return ids.isEmpty() ? "none" : String.join(", ", ids);
  }
}
