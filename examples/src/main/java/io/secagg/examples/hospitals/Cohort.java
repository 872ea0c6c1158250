package io.secagg.examples.hospitals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The demo's patients: a fixed test set, and the training patients split unevenly across the
 * hospitals by tumour size. Deterministic in the seed.
 *
 * <p>The test set is 30% of the patients, drawn within each diagnosis so that it keeps the data
 * set's share of malignant cases. The training patients are sorted by mean radius (jittered by a
 * seeded factor within about 15%, so that neighbouring sizes mix) and cut into consecutive
 * runs: hospital 1 sees the smallest tumours (almost all benign), the last hospital the largest
 * (almost all malignant). Hospital k of h gets a share proportional to h + 1 - k, so the
 * hospitals also differ in size (5 hospitals: 1/3, 4/15, 1/5, 2/15 and 1/15 of the patients).
 */
final class Cohort {
  /** The share of patients held out for testing. */
  static final double TEST_SHARE = 0.3;

  final Patients test;
  /** The hospitals' training patients; index 0 is hospital 1. */
  final List<Patients> hospitals;

  private Cohort(Patients test, List<Patients> hospitals) {
    this.test = test;
    this.hospitals = List.copyOf(hospitals);
  }

  /** All training patients together (what only a centralized model may see). */
  Patients pooled() {
    return Patients.concat(hospitals);
  }

  static Cohort split(Wdbc data, int hospitalCount, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Integer> malignant = new ArrayList<>();
    List<Integer> benign = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      (data.malignant(i) ? malignant : benign).add(i);
    }
    List<Integer> test = new ArrayList<>();
    List<Integer> train = new ArrayList<>();
    for (List<Integer> group : List.of(malignant, benign)) {
      int[] order = permutation(group.size(), random);
      int testCount = (int) Math.round(group.size() * TEST_SHARE);
      for (int k = 0; k < order.length; k++) {
        (k < testCount ? test : train).add(group.get(order[k]));
      }
    }
    test.sort(null);
    double[] key = new double[data.size()];
    for (int i : train) {
      key[i] = data.features(i)[Wdbc.MEAN_RADIUS] * Math.exp(0.15 * (random.nextDouble() - 0.5));
    }
    train.sort(Comparator.comparingDouble(i -> key[i]));
    int total = train.size();
    int weights = hospitalCount * (hospitalCount + 1) / 2;
    List<Patients> hospitals = new ArrayList<>();
    int from = 0;
    int cumulative = 0;
    for (int k = 1; k <= hospitalCount; k++) {
      cumulative += hospitalCount + 1 - k;
      int to = (int) Math.round((double) total * cumulative / weights);
      hospitals.add(patients(data, train.subList(from, to)));
      from = to;
    }
    return new Cohort(patients(data, test), hospitals);
  }

  private static Patients patients(Wdbc data, List<Integer> ids) {
    List<double[]> x = new ArrayList<>();
    List<Boolean> y = new ArrayList<>();
    for (int i : ids) {
      x.add(data.features(i));
      y.add(data.malignant(i));
    }
    return new Patients(x, y);
  }

  private static int[] permutation(int n, SplittableRandom random) {
    int[] p = new int[n];
    Arrays.setAll(p, i -> i);
    shuffle(p, random);
    return p;
  }

  /** Fisher-Yates, in place. */
  static void shuffle(int[] a, SplittableRandom random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
