package io.secagg.examples.hospitals;

import io.secagg.core.protocol.Dropout;
import io.secagg.dp.accounting.PrivacyGuarantee;
import io.secagg.federated.AveragingRound;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * What {@link HospitalsDemo#run} measured: test accuracy and AUC of every model, the accuracy
 * after every round, the bytes each hospital sent, the time per round, the privacy spent, and
 * the checks of the secure run against its floating-point reference. Immutable; {@link #table()}
 * and {@link #svgPlot()} render it.
 */
public final class HospitalsReport {
  private final HospitalsSettings settings;
  private final int[] patients;
  private final int[] malignant;
  private final int testPatients;
  private final long[] statisticsBytes;
  private final double statisticsError;
  private final double statisticsGrid;
  private final Curve[] local;
  private final Curve centralized;
  private final Federated secure;
  private final Federated privateRun;
  private final long elapsedNanos;

  private HospitalsReport(Builder b, long elapsedNanos) {
    this.settings = b.settings;
    this.patients = b.patients;
    this.malignant = b.malignant;
    this.testPatients = b.testPatients;
    this.statisticsBytes = b.statisticsBytes;
    this.statisticsError = b.statisticsError;
    this.statisticsGrid = b.statisticsGrid;
    this.local = b.local;
    this.centralized = b.centralized;
    this.secure = b.secure;
    this.privateRun = b.privateRun;
    this.elapsedNanos = elapsedNanos;
  }

  /** The settings of the run. */
  public HospitalsSettings settings() {
    return settings;
  }

  /** Test accuracy of hospital {@code k}'s (1-based) local-only model after the last round. */
  public double localAccuracy(int k) {
    return local[k - 1].finalAccuracy();
  }

  /** The lowest local-only test accuracy. */
  public double worstLocalAccuracy() {
    double worst = 1;
    for (Curve c : local) {
      worst = Math.min(worst, c.finalAccuracy());
    }
    return worst;
  }

  /** Test accuracy of the centralized model on pooled data. */
  public double centralizedAccuracy() {
    return centralized.finalAccuracy();
  }

  /** Test accuracy of the federated model trained with secure aggregation. */
  public double federatedAccuracy() {
    return secure.accuracy;
  }

  /** Test AUC of the federated model trained with secure aggregation. */
  public double federatedAuc() {
    return secure.auc;
  }

  /** Test accuracy of the federated model trained with secure aggregation and DP. */
  public double privateAccuracy() {
    return privateRun.accuracy;
  }

  /** The privacy the DP run spent over all its rounds, composed by the library's accountant. */
  public PrivacyGuarantee privacySpent() {
    return privateRun.privacySpent;
  }

  /**
   * True iff at every round of the secure run: the secure mean of the hospitals' updates is
   * within the library's guaranteed error bound of their plain mean, and the secure model is
   * within the propagated bound ({@link #referenceBound}) of the independent floating-point
   * reference model (in the L2 norm). The bound after round r is {@code B_r = rho_r B_(r-1) +
   * sqrt(31) e_r}, {@code B_(-1) = 0}, where {@code e_r} is the guaranteed per-coordinate error
   * of round r's secure mean and {@code rho_r} the Lipschitz constant of round r's averaging
   * step (from the local trainings' constants, see {@link LogisticRegression}).
   */
  public boolean referenceVerified() {
    for (int r = 0; r < settings.rounds(); r++) {
      if (!(secure.maxError[r] <= secure.errorBound[r])
          || !(secure.deviation[r] <= secure.bound[r] * (1 + 1e-9) + 1e-12)) {
        return false;
      }
    }
    return true;
  }

  /** The L2 distance of the secure model from the reference model after round {@code r}. */
  public double referenceDeviation(int r) {
    return secure.deviation[r];
  }

  /** The bound {@link #referenceDeviation} is checked against after round {@code r}. */
  public double referenceBound(int r) {
    return secure.bound[r];
  }

  /** The test accuracy after every round, for each model the plot shows. */
  public double[] federatedCurve() {
    return secure.curve.clone();
  }

  /** The test accuracy after every round of the DP run. */
  public double[] privateCurve() {
    return privateRun.curve.clone();
  }

  /**
   * The report as a fixed-width ASCII table with notes below it (lines end with the platform's
   * line separator).
   */
  public String table() {
    StringBuilder s = new StringBuilder();
    int train = 0;
    int trainMalignant = 0;
    for (int k = 0; k < patients.length; k++) {
      train += patients[k];
      trainMalignant += malignant[k];
    }
    int h = settings.hospitals();
    s.append(String.format(Locale.ROOT, "Breast cancer diagnosis across %d hospitals that never"
        + " pool their patients%n", h));
    s.append(String.format(Locale.ROOT, "(Wisconsin Diagnostic Breast Cancer data: %d training"
        + " patients split by tumour size, %d test patients; logistic regression, %d rounds of %d"
        + " local epochs; seed %d)%n%n", train, testPatients, settings.rounds(),
        HospitalsDemo.LOCAL_EPOCHS, settings.seed()));
    String row = "%-44s %8s %9s %8s %6s  %s%n";
    s.append(String.format(Locale.ROOT, row, "model", "patients", "malignant", "accuracy",
        "AUC", "sent per hospital (SecAgg / with DP)"));
    for (int k = 0; k < h; k++) {
      s.append(String.format(Locale.ROOT, row, "hospital " + (k + 1) + ", its own patients only",
          patients[k], percent(malignant[k], patients[k]), fixed(local[k].finalAccuracy()),
          fixed(local[k].auc), kib(statisticsBytes[k] + secure.bytes[k]) + " / "
              + kib(statisticsBytes[k] + privateRun.bytes[k])));
    }
    s.append(String.format(Locale.ROOT, row, "federated, secure aggregation", train,
        percent(trainMalignant, train), fixed(secure.accuracy), fixed(secure.auc), ""));
    PrivacyGuarantee spent = privateRun.privacySpent;
    s.append(String.format(Locale.ROOT, row, String.format(Locale.ROOT,
        "federated, secure aggregation + DP (eps %.3g)", spent.epsilon()), train,
        percent(trainMalignant, train), fixed(privateRun.accuracy), fixed(privateRun.auc),
        String.format(Locale.ROOT, "delta %.0e; noise std %.2g per weight per round",
            spent.delta(), privateRun.meanNoiseStd())));
    s.append(String.format(Locale.ROOT, row, "centralized, pooled data (no privacy)", train,
        percent(trainMalignant, train), fixed(centralized.finalAccuracy()),
        fixed(centralized.auc), ""));
    s.append('\n');
    s.append(String.format(Locale.ROOT, "Differential privacy: epsilon %.3g at delta %.0e spent"
            + " over %d rounds, for each hospital's whole update, composed by the library's RDP"
            + " accountant (target %s, planned for rounds of %d hospitals; a round that"
            + " includes all %d carries more noise).%n",
        spent.epsilon(), spent.delta(), settings.rounds(), trimmed(settings.epsilon()), h - 1, h));
    s.append(String.format(Locale.ROOT, "  Noise: each weighted update clipped to L2 norm %s;"
            + " the averaged update of a round carries noise of std %.3g per weight (predicted;"
            + " measured %.3g), against weights of RMS %.3g in the federated model without DP.%n",
        trimmed(HospitalsDemo.DP_CLIP_NORM), privateRun.meanNoiseStd(),
        privateRun.meanRmsError(), secure.weightRms));
    String rounds = secure.dropoutRounds();
    if (rounds.equals("none")) {
      s.append(String.format(Locale.ROOT, "Dropouts: none (hospital %d crashes in rounds 2, 6,"
          + " 10, ...; this run is shorter).%n", HospitalsDemo.DROPPING_HOSPITAL));
    } else {
      s.append(String.format(Locale.ROOT, "Dropouts: hospital %d crashed after sharing its keys in"
              + " %s %s; %s with the other %d hospitals without waiting (round timeout %d s).%n",
          HospitalsDemo.DROPPING_HOSPITAL, rounds.contains(",") ? "rounds" : "round", rounds,
          rounds.contains(",") ? "each of those rounds completed" : "it completed", h - 1,
          HospitalsDemo.ROUND_TIMEOUT.toSeconds()));
    }
    s.append(String.format(Locale.ROOT, "Time per round (local training, secure aggregation,"
            + " decoding): mean %.1f ms, max %.1f ms; of which the protocol mean %.1f ms."
            + " With DP: mean %.1f ms. Whole demo: %.1f s.%n",
        secure.meanMillis(secure.wallNanos), secure.maxMillis(secure.wallNanos),
        secure.meanMillis(secure.protocolNanos), privateRun.meanMillis(privateRun.wallNanos),
        elapsedNanos / 1e9));
    s.append(String.format(Locale.ROOT, "Bytes: per hospital over the whole run, the"
            + " standardization round (%s each) included.%n", kib(statisticsBytes[0])));
    s.append(String.format(Locale.ROOT, "Standardization: the hospitals' sums aggregated"
            + " securely, exact (each sum on a grid of 2^%d, the aggregate's error at most"
            + " %.2g).%n", Math.getExponent(statisticsGrid), statisticsError));
    s.append(String.format(Locale.ROOT, "Float reference (same training, no cryptography; test"
            + " accuracy %.3f): the secure model stays within %.2g of it (L2, largest over the"
            + " rounds; bound after the last round %.2g), every round's secure mean within its"
            + " quantization bound (at most %.2g per weight): %s.%n",
        secure.referenceAccuracy[settings.rounds() - 1], max(secure.deviation),
        secure.bound[settings.rounds() - 1], max(secure.errorBound),
        referenceVerified() ? "VERIFIED" : "MISMATCH"));
    return s.toString();
  }

  /** The accuracy-per-round plot as an SVG document. */
  public String svgPlot() {
    int best = 0;
    int worst = 0;
    for (int k = 0; k < local.length; k++) {
      best = local[k].finalAccuracy() > local[best].finalAccuracy() ? k : best;
      worst = local[k].finalAccuracy() < local[worst].finalAccuracy() ? k : worst;
    }
    List<AccuracyPlot.Series> series = new ArrayList<>();
    series.add(new AccuracyPlot.Series("federated, secure aggregation", secure.curve,
        "#1f77b4", false));
    series.add(new AccuracyPlot.Series(String.format(Locale.ROOT,
        "federated + DP (epsilon %.3g)", privateRun.privacySpent.epsilon()), privateRun.curve,
        "#d62728", false));
    series.add(new AccuracyPlot.Series("centralized (pooled data)", centralized.curve,
        "#555555", true));
    series.add(new AccuracyPlot.Series("best local only (hospital " + (best + 1) + ")",
        local[best].curve, "#2ca02c", true));
    series.add(new AccuracyPlot.Series("worst local only (hospital " + (worst + 1) + ")",
        local[worst].curve, "#ff7f0e", true));
    return AccuracyPlot.svg("Test accuracy per round, " + settings.hospitals() + " hospitals",
        series);
  }

  private static double max(double[] a) {
    double m = 0;
    for (double v : a) {
      m = Math.max(m, v);
    }
    return m;
  }

  private static String fixed(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  private static String percent(int part, int whole) {
    return String.format(Locale.ROOT, "%.0f%%", 100.0 * part / whole);
  }

  private static String kib(long bytes) {
    return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
  }

  private static String trimmed(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  /** One model's test accuracy after every round, and its final AUC. */
  static final class Curve {
    final double[] curve;
    final double auc;

    Curve(double[] curve, double auc) {
      this.curve = curve;
      this.auc = auc;
    }

    double finalAccuracy() {
      return curve[curve.length - 1];
    }
  }

  /** One federated run, round by round. */
  static final class Federated {
    final double[] curve;
    final double accuracy;
    final double auc;
    final double weightRms;
    final long[] bytes;
    final long[] protocolNanos;
    final long[] wallNanos;
    final List<List<Dropout>> dropouts;
    final double[] maxError;
    final double[] errorBound;
    final double[] rmsError;
    final double[] noiseStd;
    final double[] deviation;
    final double[] bound;
    final double[] referenceAccuracy;
    final PrivacyGuarantee privacySpent;

    private Federated(Builder b) {
      this.curve = b.curve;
      this.accuracy = b.accuracy;
      this.auc = b.auc;
      this.weightRms = b.weightRms;
      this.bytes = b.bytes;
      this.protocolNanos = b.protocolNanos;
      this.wallNanos = b.wallNanos;
      this.dropouts = List.copyOf(b.dropouts);
      this.maxError = b.maxError;
      this.errorBound = b.errorBound;
      this.rmsError = b.rmsError;
      this.noiseStd = b.noiseStd;
      this.deviation = b.deviation;
      this.bound = b.bound;
      this.referenceAccuracy = b.referenceAccuracy;
      this.privacySpent = b.privacySpent;
    }

    String dropoutRounds() {
      TreeSet<Integer> rounds = new TreeSet<>();
      for (int r = 0; r < dropouts.size(); r++) {
        if (!dropouts.get(r).isEmpty()) {
          rounds.add(r);
        }
      }
      return rounds.isEmpty() ? "none" : rounds.toString().replaceAll("[\\[\\]]", "");
    }

    double meanMillis(long[] nanos) {
      double sum = 0;
      for (long n : nanos) {
        sum += n;
      }
      return sum / nanos.length / 1e6;
    }

    double maxMillis(long[] nanos) {
      long m = 0;
      for (long n : nanos) {
        m = Math.max(m, n);
      }
      return m / 1e6;
    }

    double meanNoiseStd() {
      return mean(noiseStd);
    }

    /** The root of the mean squared error over all rounds. */
    double meanRmsError() {
      double sq = 0;
      for (double e : rmsError) {
        sq += e * e;
      }
      return Math.sqrt(sq / rmsError.length);
    }

    private static double mean(double[] a) {
      double s = 0;
      for (double v : a) {
        s += v;
      }
      return s / a.length;
    }

    /** Collects a run round by round. */
    static final class Builder {
      private final double[] curve;
      private double accuracy;
      private double auc;
      private double weightRms;
      private final long[] bytes;
      private final long[] protocolNanos;
      private final long[] wallNanos;
      private final List<List<Dropout>> dropouts = new ArrayList<>();
      private final double[] maxError;
      private final double[] errorBound;
      private final double[] rmsError;
      private final double[] noiseStd;
      private final double[] deviation;
      private final double[] bound;
      private final double[] referenceAccuracy;
      private PrivacyGuarantee privacySpent;

      Builder(int rounds, int hospitals) {
        curve = new double[rounds];
        bytes = new long[hospitals];
        protocolNanos = new long[rounds];
        wallNanos = new long[rounds];
        maxError = new double[rounds];
        errorBound = new double[rounds];
        rmsError = new double[rounds];
        noiseStd = new double[rounds];
        deviation = new double[rounds];
        bound = new double[rounds];
        referenceAccuracy = new double[rounds];
      }

      void bytes(int id, long sent) {
        bytes[id - 1] += sent;
      }

      void round(int r, double testAccuracy, AveragingRound result, double maxErr, double rms,
          boolean clipped, long nanos) {
        if (clipped && result.privacySpent().isEmpty()) {
          throw new IllegalStateException("An update of round " + r + " was clipped: the"
              + " secure run would no longer be the reference's training");
        }
        curve[r] = testAccuracy;
        protocolNanos[r] = result.protocolTime().toNanos();
        wallNanos[r] = nanos;
        dropouts.add(result.dropouts());
        maxError[r] = maxErr;
        errorBound[r] = result.meanError().maxAbsoluteError();
        rmsError[r] = rms;
        noiseStd[r] = result.meanError().standardDeviation();
      }

      void reference(int r, double dev, double b, double refAccuracy) {
        deviation[r] = dev;
        bound[r] = b;
        referenceAccuracy[r] = refAccuracy;
      }

      void finalModel(double[] w, double acc, double a, PrivacyGuarantee spent) {
        double sq = 0;
        for (double v : w) {
          sq += v * v;
        }
        weightRms = Math.sqrt(sq / w.length);
        accuracy = acc;
        auc = a;
        privacySpent = spent;
      }

      Federated build() {
        return new Federated(this);
      }
    }
  }

  /** Collects the report. */
  static final class Builder {
    private final HospitalsSettings settings;
    private final int[] patients;
    private final int[] malignant;
    private final int testPatients;
    private final long[] statisticsBytes;
    private final double statisticsError;
    private final double statisticsGrid;
    private final Curve[] local;
    private Curve centralized;
    private Federated secure;
    private Federated privateRun;

    Builder(HospitalsSettings settings, Cohort cohort, long[] statisticsBytes,
        double statisticsError, double statisticsGrid) {
      this.settings = settings;
      int h = settings.hospitals();
      this.patients = new int[h];
      this.malignant = new int[h];
      for (int k = 0; k < h; k++) {
        patients[k] = cohort.hospitals.get(k).size();
        malignant[k] = cohort.hospitals.get(k).malignantCount();
      }
      this.testPatients = cohort.test.size();
      this.statisticsBytes = statisticsBytes;
      this.statisticsError = statisticsError;
      this.statisticsGrid = statisticsGrid;
      this.local = new Curve[h];
    }

    void local(int k, Curve c) {
      local[k] = c;
    }

    void centralized(Curve c) {
      centralized = c;
    }

    void secure(Federated f) {
      secure = f;
    }

    void privateRun(Federated f) {
      privateRun = f;
    }

    HospitalsReport build(long elapsedNanos) {
      return new HospitalsReport(this, elapsedNanos);
    }
  }
}
