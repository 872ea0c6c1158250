package io.secagg.core.shamir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.secagg.core.internal.Gf61;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The interpolation basis against the BigInteger model, for scattered indices over the whole
 * 1..65535 range and sizes that exercise the four-at-a-time denominator blocks and their tails.
 */
class LagrangeBasisProperties {

  private static int[] scatteredIndices(int t, Random random) {
    TreeSet<Integer> set = new TreeSet<>();
    while (set.size() < t) {
      set.add(1 + random.nextInt(ShamirScheme.MAX_SHARE_COUNT));
    }
    return set.stream().mapToInt(Integer::intValue).toArray();
  }

  private static Share[] randomShares(int[] xs, Random random) throws InvalidShareException {
    Share[] shares = new Share[xs.length];
    for (int i = 0; i < xs.length; i++) {
      long[] y = new long[5];
      for (int k = 0; k < 5; k++) {
        y[k] = Math.floorMod(random.nextLong(), Gf61.P);
      }
      shares[i] = Share.of(xs[i], y);
    }
    return shares;
  }

  @Property(tries = 40)
  void valueAtZeroMatchesTheReferenceInterpolation(
      @ForAll @IntRange(min = 1, max = 100) int t, @ForAll long seed) throws Exception {
    Random random = new Random(seed);
    int[] xs = scatteredIndices(t, random);
    Share[] shares = randomShares(xs, random);
    long[] expected = new long[5];
    long[] lx = java.util.Arrays.stream(xs).asLongStream().toArray();
    for (int k = 0; k < 5; k++) {
      long[] ys = new long[t];
      for (int i = 0; i < t; i++) {
        ys[i] = shares[i].y(k);
      }
      expected[k] = Reference.interpolateAt(lx, ys, 0);
    }
    assertArrayEquals(expected, new LagrangeBasis(xs).valueAtZero(shares));
  }

  @Property(tries = 60)
  void aPointLiesOnThePolynomialsIffItsValuesAreTheInterpolatedOnes(
      @ForAll @IntRange(min = 1, max = 60) int t,
      @ForAll @IntRange(min = 0, max = 4) int chunk,
      @ForAll long seed)
      throws Exception {
    Random random = new Random(seed);
    int[] all = scatteredIndices(t + 1, random);
    int extraAt = random.nextInt(t + 1);
    int z = all[extraAt];
    int[] xs = new int[t];
    for (int i = 0, j = 0; i < t + 1; i++) {
      if (i != extraAt) {
        xs[j++] = all[i];
      }
    }
    Share[] shares = randomShares(xs, random);
    long[] lx = java.util.Arrays.stream(xs).asLongStream().toArray();
    long[] onCurve = new long[5];
    for (int k = 0; k < 5; k++) {
      long[] ys = new long[t];
      for (int i = 0; i < t; i++) {
        ys[i] = shares[i].y(k);
      }
      onCurve[k] = Reference.interpolateAt(lx, ys, z);
    }
    LagrangeBasis basis = new LagrangeBasis(xs);
    assertEquals(true, basis.liesOnPolynomials(shares, Share.of(z, onCurve)));
    long[] off = onCurve.clone();
    off[chunk] = Gf61.add(off[chunk], 1 + Math.floorMod(random.nextLong(), Gf61.P - 1));
    assertEquals(false, basis.liesOnPolynomials(shares, Share.of(z, off)));
  }
}
