package io.secagg.examples.hospitals;

import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.core.transport.ClientTransport;
import io.secagg.core.transport.InMemoryNetwork;
import io.secagg.core.vector.Modulus;
import io.secagg.dp.clip.L2Clipping;
import io.secagg.examples.CrashingTransport;
import io.secagg.federated.AveragingClient;
import io.secagg.federated.AveragingParameters;
import io.secagg.federated.AveragingRound;
import io.secagg.federated.AveragingServer;
import io.secagg.federated.Contribution;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Hospitals that may not pool their patients train a breast-cancer diagnostic model together:
 * the library's own story, end to end, on the Wisconsin Diagnostic Breast Cancer data ({@link
 * Wdbc}). {@code secagg demo hospitals} runs it; {@link #run} returns a {@link HospitalsReport}.
 *
 * <p>What happens, every party in this JVM over the in-memory transport:
 *
 * <ol>
 *   <li>The patients are split into a fixed test set and unevenly across the hospitals by
 *       tumour size ({@link Cohort}): one hospital sees almost only benign cases, another
 *       mostly malignant ones.
 *   <li>Standardization: each hospital's per-feature sums, sums of squares and patient count
 *       are summed by secure aggregation (one round of {@link AveragingServer}), so nobody sees
 *       another hospital's statistics. Each hospital first rounds its sums to a public grid
 *       coarser than twice the aggregate's guaranteed quantization error, so rounding the
 *       decoded sum to that grid recovers the exact sum of the rounded values: the secure run
 *       and its floating-point reference standardize identically.
 *   <li>Federated averaging of logistic regression ({@link LogisticRegression}): in each round
 *       every hospital trains the current model on its own patients for a few epochs and
 *       submits its update, weighted by its share of the patients, through {@link
 *       AveragingClient}; the server adds the mean of the included updates to the model. One
 *       hospital crashes after sharing its keys in every fourth round (from round 2); the round
 *       completes with the others at once.
 *   <li>A plain floating-point reference of the same training (same split, same seeds, same
 *       dropouts, no cryptography) runs beside it, and is checked at every round (see {@link
 *       HospitalsReport#referenceVerified()}).
 *   <li>The same federated run with distributed differential privacy at a stated (epsilon,
 *       delta) over all its rounds, accounted by the library's accountant.
 *   <li>Baselines: each hospital alone (standardizing with its own statistics) and a
 *       centralized model on the pooled training patients, trained for as many epochs.
 * </ol>
 *
 * <p><b>Randomness.</b> Everything is deterministic in the seed, the cryptographic randomness
 * of the simulated parties included: the demo injects {@link DeterministicRandom} so that a run
 * can be repeated. A deployment keeps the library's default {@code SecureRandom}.
 */
public final class HospitalsDemo {
  /** Local epochs per round (and per round of the baselines). */
  static final int LOCAL_EPOCHS = 2;
  /**
   * The public L2 bound on a weighted update without DP: far above any update of this training,
   * so that nothing is clipped (checked) and the secure run is the reference's training.
   */
  static final double CLIP_NORM = 64;
  /** The L2 clip norm of a weighted update with DP: the sensitivity the noise is sized for. */
  static final double DP_CLIP_NORM = 1;
  /**
   * The public bound on every per-hospital sum of the statistics round: 2^36 covers 1,000
   * patients whose feature values stay below 8,000 (the data's largest is the worst area,
   * 4,254), squared.
   */
  static final double STATISTICS_BOUND = 0x1p36;
  /** The modulus of the statistics round, 2^64: room for the bound at a fine scale. */
  static final Modulus STATISTICS_MODULUS = Modulus.powerOfTwo(64);
  /** The hospital that crashes in some rounds (after sharing its keys). */
  static final int DROPPING_HOSPITAL = 2;
  /** How long a round would wait for a hospital that neither answers nor leaves. */
  static final Duration ROUND_TIMEOUT = Duration.ofSeconds(60);

  private HospitalsDemo() {}

  /** Whether {@link #DROPPING_HOSPITAL} crashes in round {@code round} (0-based). */
  static boolean dropsOut(long round) {
    return round % 4 == 2;
  }

  /**
   * Checks that the library can plan the DP run of these settings (a very small epsilon needs
   * more noise than the modulus holds), before any work is done.
   *
   * @throws IllegalArgumentException if it cannot, saying why
   */
  public static void checkPrivacyTarget(HospitalsSettings settings) {
    privateParameters(settings);
  }

  private static AveragingParameters privateParameters(HospitalsSettings settings) {
    try {
      return AveragingParameters.builder()
          .clients(settings.hospitals()).dimension(LogisticRegression.PARAMETERS)
          .clipNorm(DP_CLIP_NORM).maxDropouts(1)
          .differentialPrivacy(settings.epsilon(), settings.delta(), settings.rounds())
          .build();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("No DP run of " + settings.hospitals() + " hospitals"
          + " meets epsilon " + settings.epsilon() + " at delta " + settings.delta() + " over "
          + settings.rounds() + " rounds: " + e.getMessage(), e);
    }
  }

  /**
   * Runs the demo.
   *
   * @throws NullPointerException if {@code settings} is null
   * @throws IllegalArgumentException as {@link #checkPrivacyTarget}
   * @throws Exception if a round of secure aggregation fails (none does unless the library is
   *     broken)
   */
  public static HospitalsReport run(HospitalsSettings settings) throws Exception {
    checkPrivacyTarget(settings);
    long started = System.nanoTime();
    int h = settings.hospitals();
    Cohort cohort = Cohort.split(Wdbc.load(), h, settings.seed());
    ExecutorService threads = Executors.newFixedThreadPool(h, r -> {
      Thread t = new Thread(r, "hospital");
      t.setDaemon(true);
      return t;
    });
    try {
      Statistics stats = secureStatistics(cohort, settings, threads);
      Standardization shared = Standardization.fromSums(stats.sums);
      Training training = new Training(cohort, shared, settings);

      HospitalsReport.Builder report = new HospitalsReport.Builder(settings, cohort,
          stats.bytes, stats.error, stats.grid);
      for (int k = 0; k < h; k++) {
        report.local(k, training.localOnly(k));
      }
      report.centralized(training.centralized());

      AveragingParameters plain = AveragingParameters.builder()
          .clients(h).dimension(LogisticRegression.PARAMETERS).clipNorm(CLIP_NORM)
          .maxDropouts(1).build();
      report.secure(training.federated(plain, threads, true, 1));
      report.privateRun(training.federated(privateParameters(settings), threads, false, 2));
      return report.build(System.nanoTime() - started);
    } finally {
      threads.shutdownNow();
    }
  }

  /** The aggregated statistics, what the hospitals sent, and the bound the grid relies on. */
  private static final class Statistics {
    final double[] sums;
    final long[] bytes;
    final double error;
    final double grid;

    Statistics(double[] sums, long[] bytes, double error, double grid) {
      this.sums = sums;
      this.bytes = bytes;
      this.error = error;
      this.grid = grid;
    }
  }

  /**
   * One round of secure aggregation over the hospitals' sums. Checks, as a simulation can, that
   * the recovered sums equal the plain sum of what the hospitals sent.
   */
  private static Statistics secureStatistics(Cohort cohort, HospitalsSettings s,
      ExecutorService threads) throws Exception {
    int h = s.hospitals();
    int dim = 2 * Wdbc.FEATURES + 1;
    AveragingParameters params = AveragingParameters.builder()
        .clients(h).dimension(dim).coordinateBound(STATISTICS_BOUND)
        .modulus(STATISTICS_MODULUS).build();
    double error = params.quantizerConfig().orElseThrow().errorBound(h);
    // The grid: the smallest power of two above four times the error, so the error stays below
    // half a grid step (and the rounded sums, at most 2^36 * h on a grid of about 2^-16, are
    // exact in a double).
    double grid = Math.scalb(1.0, Math.getExponent(error) + 3);
    double[][] sent = new double[h][];
    for (int k = 0; k < h; k++) {
      sent[k] = cohort.hospitals.get(k).sums();
      for (int j = 0; j < dim; j++) {
        if (Math.abs(sent[k][j]) > STATISTICS_BOUND) {
          throw new IllegalStateException("Hospital " + (k + 1) + "'s statistic " + j
              + " exceeds the public bound 2^36");
        }
        sent[k][j] = Math.rint(sent[k][j] / grid) * grid;
      }
    }
    AveragingServer server = AveragingServer.builder(params).roundTimeout(ROUND_TIMEOUT)
        .random(random(s.seed(), 0, 0)).build();
    AveragingClient[] clients = new AveragingClient[h + 1];
    for (int id = 1; id <= h; id++) {
      clients[id] = AveragingClient.builder(params, id).random(random(s.seed(), 0, id)).build();
    }
    InMemoryNetwork network = new InMemoryNetwork(h);
    List<Future<Contribution>> sending = new ArrayList<>();
    for (int id = 1; id <= h; id++) {
      AveragingClient c = clients[id];
      double[] mine = sent[id - 1];
      ClientTransport t = network.clientEndpoint(id);
      sending.add(threads.submit(() -> c.submit(0, mine, t)));
    }
    AveragingRound result = server.aggregate(0, network.serverEndpoint());
    for (Future<Contribution> f : sending) {
      f.get();
    }
    double[] sum = result.sum();
    long[] bytes = new long[h];
    for (int id = 1; id <= h; id++) {
      bytes[id - 1] = network.clientBytesSent(id);
    }
    for (int j = 0; j < dim; j++) {
      double exact = 0;
      for (double[] v : sent) {
        exact += v[j];
      }
      sum[j] = Math.rint(sum[j] / grid) * grid;
      if (sum[j] != exact) {
        throw new IllegalStateException("The aggregated statistic " + j + " is " + sum[j]
            + ", the hospitals' sum is " + exact);
      }
    }
    return new Statistics(sum, bytes, error, grid);
  }

  /** A party's reproducible randomness: demo only (see the class comment). */
  static DeterministicRandom random(long seed, long run, long party) {
    return DeterministicRandom.forTestVectorsOnly(mix(seed, 0xC7A1, run, party));
  }

  /** A 64-bit mix of the parts (SplitMix64 finalizer over each). */
  static long mix(long... parts) {
    long h = 0x9E3779B97F4A7C15L;
    for (long p : parts) {
      h = (h ^ p) * 0xBF58476D1CE4E5B9L;
      h = (h ^ (h >>> 31)) * 0x94D049BB133111EBL;
      h ^= h >>> 29;
    }
    return h;
  }

  /** The training runs over one cohort, all standardized alike except the local-only ones. */
  private static final class Training {
    final Cohort cohort;
    final Standardization shared;
    final HospitalsSettings settings;
    final int h;
    final double[][][] z;
    final boolean[][] y;
    final double[][] testZ;
    final boolean[] testY;
    /** Each hospital's weight: its patients over the mean per hospital (mean weight 1). */
    final double[] weight;

    Training(Cohort cohort, Standardization shared, HospitalsSettings settings) {
      this.cohort = cohort;
      this.shared = shared;
      this.settings = settings;
      this.h = settings.hospitals();
      this.z = new double[h][][];
      this.y = new boolean[h][];
      this.weight = new double[h];
      int total = 0;
      for (Patients p : cohort.hospitals) {
        total += p.size();
      }
      for (int k = 0; k < h; k++) {
        Patients p = cohort.hospitals.get(k);
        z[k] = p.standardized(shared);
        y[k] = p.labels();
        weight[k] = (double) p.size() * h / total;
      }
      this.testZ = cohort.test.standardized(shared);
      this.testY = cohort.test.labels();
    }

    /** Hospital k alone, with its own statistics, for as many epochs as the federation. */
    HospitalsReport.Curve localOnly(int k) {
      Patients own = cohort.hospitals.get(k);
      Standardization mine = Standardization.fromSums(own.sums());
      return alone(own.standardized(mine), own.labels(), cohort.test.standardized(mine), 10 + k);
    }

    /** All training patients in one place. */
    HospitalsReport.Curve centralized() {
      Patients all = cohort.pooled();
      return alone(all.standardized(shared), all.labels(), testZ, 9);
    }

    private HospitalsReport.Curve alone(double[][] trainZ, boolean[] trainY, double[][] tz,
        long tag) {
      double[] w = new double[LogisticRegression.PARAMETERS];
      double[] accuracy = new double[settings.rounds()];
      for (int r = 0; r < settings.rounds(); r++) {
        w = LogisticRegression.train(w, trainZ, trainY, LOCAL_EPOCHS,
            new SplittableRandom(mix(settings.seed(), tag, r))).weights;
        accuracy[r] = LogisticRegression.accuracy(w, tz, testY);
      }
      return new HospitalsReport.Curve(accuracy, LogisticRegression.auc(w, tz, testY));
    }

    /**
     * Federated averaging through the library; with {@code reference}, the float reference runs
     * beside it and is checked at every round.
     */
    HospitalsReport.Federated federated(AveragingParameters params, ExecutorService threads,
        boolean reference, long run) throws Exception {
      int rounds = settings.rounds();
      AveragingServer server = AveragingServer.builder(params).roundTimeout(ROUND_TIMEOUT)
          .random(random(settings.seed(), run, 0)).build();
      AveragingClient[] clients = new AveragingClient[h + 1];
      for (int id = 1; id <= h; id++) {
        clients[id] = AveragingClient.builder(params, id)
            .random(random(settings.seed(), run, id)).build();
      }
      int d = LogisticRegression.PARAMETERS;
      double[] w = new double[d];
      double[] ref = new double[d];
      HospitalsReport.Federated.Builder out = new HospitalsReport.Federated.Builder(rounds, h);
      double bound = 0;
      double clip = params.clipNorm().orElseThrow();
      for (int r = 0; r < rounds; r++) {
        long roundStart = System.nanoTime();
        double[][] update = new double[h + 1][];
        double[][] refUpdate = new double[h + 1][];
        double lipschitzSum = 0;
        List<Integer> planned = new ArrayList<>();
        for (int id = 1; id <= h; id++) {
          boolean drops = id == DROPPING_HOSPITAL && dropsOut(r);
          long order = mix(settings.seed(), 1, r, id);
          LogisticRegression.Trained t = LogisticRegression.train(w, z[id - 1], y[id - 1],
              LOCAL_EPOCHS, new SplittableRandom(order));
          update[id] = weighted(t.weights, w, weight[id - 1]);
          if (reference) {
            LogisticRegression.Trained tr = LogisticRegression.train(ref, z[id - 1], y[id - 1],
                LOCAL_EPOCHS, new SplittableRandom(order));
            refUpdate[id] = weighted(tr.weights, ref, weight[id - 1]);
          }
          if (!drops) {
            planned.add(id);
            lipschitzSum += weight[id - 1] * t.lipschitz;
          }
        }
        InMemoryNetwork network = new InMemoryNetwork(h);
        List<Future<Contribution>> sending = new ArrayList<>();
        for (int id = 1; id <= h; id++) {
          boolean drops = id == DROPPING_HOSPITAL && dropsOut(r);
          ClientTransport t = drops
              ? CrashingTransport.afterSending(network, id, 2) : network.clientEndpoint(id);
          AveragingClient c = clients[id];
          double[] u = update[id];
          long round = r;
          sending.add(threads.submit(() -> c.submit(round, u, t)));
        }
        AveragingRound result = server.aggregate(r, network.serverEndpoint());
        boolean clipped = false;
        for (int id = 1; id <= h; id++) {
          try {
            clipped |= sending.get(id - 1).get().clipped();
          } catch (ExecutionException e) {
            if (!(id == DROPPING_HOSPITAL && dropsOut(r))) {
              throw e;
            }
          }
          out.bytes(id, network.clientBytesSent(id));
        }
        if (!result.includedClients().equals(planned)) {
          throw new IllegalStateException("Round " + r + " included " + result.includedClients()
              + ", expected " + planned);
        }
        // What only a simulation can compute: the plain mean of the same (clipped) inputs.
        double[] plainMean = new double[d];
        for (int id : planned) {
          double[] u = update[id].clone();
          L2Clipping.clip(u, clip);
          for (int j = 0; j < d; j++) {
            plainMean[j] += u[j] / planned.size();
          }
        }
        double[] mean = result.mean();
        double maxError = 0;
        double squaredError = 0;
        for (int j = 0; j < d; j++) {
          double e = mean[j] - plainMean[j];
          maxError = Math.max(maxError, Math.abs(e));
          squaredError += e * e;
          w[j] += mean[j];
        }
        out.round(r, LogisticRegression.accuracy(w, testZ, testY), result, maxError,
            Math.sqrt(squaredError / d), clipped, System.nanoTime() - roundStart);
        if (reference) {
          for (int j = 0; j < d; j++) {
            double m = 0;
            for (int id : planned) {
              m += refUpdate[id][j];
            }
            ref[j] += m / planned.size();
          }
          // The round map w -> w + mean(a_i (T_i(w) - w)) is Lipschitz with |1 - mean a_i| +
          // mean(a_i L_i); the secure mean adds at most sqrt(d) * (its coordinate bound).
          double meanWeight = 0;
          for (int id : planned) {
            meanWeight += weight[id - 1] / planned.size();
          }
          double lipschitz = Math.abs(1 - meanWeight) + lipschitzSum / planned.size();
          bound = lipschitz * bound + Math.sqrt(d) * result.meanError().maxAbsoluteError();
          double deviation = 0;
          for (int j = 0; j < d; j++) {
            deviation += (w[j] - ref[j]) * (w[j] - ref[j]);
          }
          out.reference(r, Math.sqrt(deviation), bound,
              LogisticRegression.accuracy(ref, testZ, testY));
        }
      }
      out.finalModel(w, LogisticRegression.accuracy(w, testZ, testY),
          LogisticRegression.auc(w, testZ, testY), server.privacySpent().orElse(null));
      return out.build();
    }
  }

  /** {@code a (trained - start)}: the update weighted by the hospital's share of patients. */
  private static double[] weighted(double[] trained, double[] start, double a) {
    double[] u = new double[trained.length];
    for (int j = 0; j < u.length; j++) {
      u[j] = a * (trained[j] - start[j]);
    }
    return u;
  }

}
