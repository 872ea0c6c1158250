package io.secagg.core.graph;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.crypto.DeterministicRandom;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Statistical check that the seed-derived ring order is a uniform permutation. Fixed seeds, so
 * the outcome is reproducible; the thresholds give a false-failure rate below 1e-6 for a truly
 * uniform shuffle.
 */
class HararyPermutationUniformityTest {
  @Test
  void allTwentyFourRingOrdersOfFourClientsAreEquallyLikely() {
    DeterministicRandom rnd = DeterministicRandom.forTestVectorsOnly(424242L);
    int trials = 24_000;
    Map<String, Integer> counts = new HashMap<>();
    byte[] seed = new byte[32];
    for (int i = 0; i < trials; i++) {
      rnd.nextBytes(seed);
      String key = java.util.Arrays.toString(MaskingGraph.randomHarary(4, 2, seed).ringOrder());
      counts.merge(key, 1, Integer::sum);
    }
    assertTrue(counts.size() == 24, "only " + counts.size() + " of 24 orders seen");
    double expected = trials / 24.0;
    double chi2 = 0;
    for (int c : counts.values()) {
      chi2 += (c - expected) * (c - expected) / expected;
    }
    // Chi-square with 23 degrees of freedom: P[chi2 > 68] < 1e-6.
    assertTrue(chi2 < 68, "chi-square " + chi2);
  }

  @Test
  void everyClientIsEquallyLikelyAtEveryPositionOfALargerRing() {
    DeterministicRandom rnd = DeterministicRandom.forTestVectorsOnly(777L);
    int n = 37; // not a power of two, so rejection sampling is exercised
    int trials = 3_700;
    int[][] counts = new int[n + 1][n];
    byte[] seed = new byte[32];
    for (int i = 0; i < trials; i++) {
      rnd.nextBytes(seed);
      int[] ring = MaskingGraph.randomHarary(n, 2, seed).ringOrder();
      for (int p = 0; p < n; p++) {
        counts[ring[p]][p]++;
      }
    }
    double expected = (double) trials / n;
    double chi2 = 0;
    for (int id = 1; id <= n; id++) {
      for (int p = 0; p < n; p++) {
        chi2 += (counts[id][p] - expected) * (counts[id][p] - expected) / expected;
      }
    }
    // (n-1)^2 = 1296 degrees of freedom; mean 1296, sd ~51: 1296 + 5 sd = 1551 exceeds the
    // 1 - 1e-6 quantile (about 1540).
    assertTrue(chi2 < 1551, "chi-square " + chi2);
  }
}
