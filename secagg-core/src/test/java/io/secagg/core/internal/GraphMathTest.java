package io.secagg.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.crypto.DeterministicRandom;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayDeque;
import org.junit.jupiter.api.Test;

class GraphMathTest {
  private static final BigInteger[] FACTORIALS = new BigInteger[3001];

  static {
    FACTORIALS[0] = BigInteger.ONE;
    for (int i = 1; i < FACTORIALS.length; i++) {
      FACTORIALS[i] = FACTORIALS[i - 1].multiply(BigInteger.valueOf(i));
    }
  }

  private static BigInteger factorial(int n) {
    return FACTORIALS[n];
  }

  private static BigInteger choose(int n, int r) {
    if (r < 0 || r > n) {
      return BigInteger.ZERO;
    }
    return factorial(n).divide(factorial(r).multiply(factorial(n - r)));
  }

  /** ln of a positive rational num/den, accurate to ~1e-15 relative. */
  private static double ln(BigInteger num, BigInteger den) {
    int shift = num.bitLength() - den.bitLength();
    BigDecimal q = new BigDecimal(num).divide(new BigDecimal(den.shiftLeft(Math.max(0, shift)))
        .divide(new BigDecimal(BigInteger.ONE.shiftLeft(Math.max(0, -shift)))), MathContext.DECIMAL128);
    return Math.log(q.doubleValue()) + shift * Math.log(2);
  }

  @Test
  void logFactorialMatchesExactValuesAcrossTheTableBoundary() {
    for (int n : new int[] {0, 1, 2, 10, 100, 255, 256, 257, 1000, 3000}) {
      double exact = ln(factorial(n), BigInteger.ONE);
      assertEquals(exact, GraphMath.logFactorial(n), 1e-12 * Math.max(1, exact), "n=" + n);
    }
  }

  @Test
  void rejectsNegativeFactorial() {
    assertThrows(IllegalArgumentException.class, () -> GraphMath.logFactorial(-1));
  }

  @Test
  void hypergeometricTailIsAnUpperBoundWithinSlackOfTheExactRational() {
    int[][] cases = {
      {20, 5, 8}, {99, 33, 40}, {299, 30, 60}, {999, 100, 120}, {999, 450, 300}, {1999, 0, 50},
      {1999, 1999, 50}, {500, 250, 499}
    };
    for (int[] c : cases) {
      int pop = c[0];
      int succ = c[1];
      int draws = c[2];
      BigInteger total = choose(pop, draws);
      BigInteger[] tails = new BigInteger[draws + 2];
      tails[draws + 1] = BigInteger.ZERO;
      for (int x = draws; x >= 0; x--) {
        tails[x] = tails[x + 1].add(choose(succ, x).multiply(choose(pop - succ, draws - x)));
      }
      for (int a = -1; a <= draws + 2; a++) {
        BigInteger num = tails[Math.max(0, Math.min(a, draws + 1))];
        double got = GraphMath.logHypergeometricUpperTail(pop, succ, draws, a);
        if (num.signum() == 0) {
          assertEquals(Double.NEGATIVE_INFINITY, got, "zero tail " + java.util.Arrays.toString(c) + " a=" + a);
          continue;
        }
        double exact = ln(num, total);
        String label = java.util.Arrays.toString(c) + " a=" + a + " exact=" + exact + " got=" + got;
        assertTrue(got >= exact - 1e-12, "not an upper bound: " + label);
        assertTrue(got <= exact + 2e-6 || got == 0.0 && exact > -1e-6, "too loose: " + label);
      }
    }
  }

  @Test
  void hypergeometricRejectsImpossibleParameters() {
    assertThrows(IllegalArgumentException.class, () -> GraphMath.logHypergeometricUpperTail(10, 11, 3, 1));
    assertThrows(IllegalArgumentException.class, () -> GraphMath.logHypergeometricUpperTail(10, 5, 11, 1));
    assertThrows(IllegalArgumentException.class, () -> GraphMath.logHypergeometricUpperTail(10, -1, 3, 1));
  }

  @Test
  void disconnectionBoundMatchesItsClosedForm() {
    int n = 200;
    int removed = 60;
    int k = 6;
    BigInteger num = factorial(removed).divide(factorial(removed - k)).multiply(factorial(n - k))
        .multiply(BigInteger.valueOf((long) n * (n - k - 1)));
    BigInteger den = factorial(n).multiply(BigInteger.TWO);
    double exact = ln(num, den);
    double got = GraphMath.logHararyDisconnection(n, removed, k);
    // An upper bound inflated by exactly the documented slack.
    assertEquals(exact + Math.log1p(GraphMath.SLACK), got, 1e-9);
    assertEquals(Double.NEGATIVE_INFINITY, GraphMath.logHararyDisconnection(n, k - 1, k));
    assertThrows(IllegalArgumentException.class, () -> GraphMath.logHararyDisconnection(n, 10, 5));
    assertThrows(IllegalArgumentException.class, () -> GraphMath.logHararyDisconnection(n, 10, n));
    assertThrows(IllegalArgumentException.class, () -> GraphMath.logHararyDisconnection(n, n + 1, 4));
  }

  /**
   * The disconnection bound rests on the claim "survivors of a ring Harary graph are disconnected
   * iff two maximal runs of >= k/2 removed positions exist". Check the claim against breadth-first
   * search on random removals, and the bound against the observed frequency.
   */
  @Test
  void survivorsAreDisconnectedExactlyWhenTwoLongRunsAreRemoved() {
    DeterministicRandom rnd = DeterministicRandom.forTestVectorsOnly(20240601L);
    int n = 40;
    for (int k : new int[] {2, 4, 6}) {
      int removedCount = 20;
      int disconnected = 0;
      int trials = 4000;
      for (int trial = 0; trial < trials; trial++) {
        boolean[] removed = new boolean[n];
        int placed = 0;
        while (placed < removedCount) {
          int p = rnd.nextInt(n);
          if (!removed[p]) {
            removed[p] = true;
            placed++;
          }
        }
        boolean bfs = connectedByBfs(removed, k);
        boolean runs = longRuns(removed, k / 2) < 2;
        assertEquals(bfs, runs, "criterion disagrees with BFS for k=" + k);
        if (!bfs) {
          disconnected++;
        }
      }
      double bound = Math.exp(GraphMath.logHararyDisconnection(n, removedCount, k));
      // The bound is loose (a union bound); the observed frequency must not exceed it by more
      // than sampling noise: 6 standard deviations, false-failure rate below 1e-8.
      double sd = Math.sqrt(Math.min(bound, 1) * trials) + 1;
      assertTrue(disconnected <= bound * trials + 6 * sd,
          "k=" + k + ": " + disconnected + "/" + trials + " disconnected, bound " + bound);
    }
  }

  private static boolean connectedByBfs(boolean[] removed, int k) {
    int n = removed.length;
    int start = -1;
    int alive = 0;
    for (int p = 0; p < n; p++) {
      if (!removed[p]) {
        alive++;
        start = p;
      }
    }
    if (alive == 0) {
      return true;
    }
    boolean[] seen = new boolean[n];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    queue.add(start);
    seen[start] = true;
    int reached = 1;
    while (!queue.isEmpty()) {
      int p = queue.poll();
      for (int d = -k / 2; d <= k / 2; d++) {
        int q = Math.floorMod(p + d, n);
        if (d != 0 && !removed[q] && !seen[q]) {
          seen[q] = true;
          reached++;
          queue.add(q);
        }
      }
    }
    return reached == alive;
  }

  private static int longRuns(boolean[] removed, int minLength) {
    int n = removed.length;
    int firstAlive = -1;
    for (int p = 0; p < n; p++) {
      if (!removed[p]) {
        firstAlive = p;
        break;
      }
    }
    if (firstAlive < 0) {
      return 0;
    }
    int runs = 0;
    int length = 0;
    for (int i = 1; i <= n; i++) {
      int p = (firstAlive + i) % n;
      if (removed[p]) {
        length++;
      } else {
        if (length >= minLength) {
          runs++;
        }
        length = 0;
      }
    }
    return runs;
  }

  @Test
  void logSumExpHandlesInfinities() {
    assertEquals(Math.log(3), GraphMath.logSumExp(Math.log(1), Math.log(2)), 1e-15);
    assertEquals(-5.0, GraphMath.logSumExp(Double.NEGATIVE_INFINITY, -5.0));
    assertEquals(-5.0, GraphMath.logSumExp(-5.0, Double.NEGATIVE_INFINITY));
  }
}
