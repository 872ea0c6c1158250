package io.secagg.dp.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The default order grid: finer than before, and adding orders never raises epsilon. */
class RdpOrdersTest {
  /** The default list before issue 15. */
  static final double[] EARLIER_DEFAULT = earlier();

  private static double[] earlier() {
    List<Double> o = new ArrayList<>(List.of(1.05, 1.1, 1.25, 1.5, 1.75, 2.0, 2.25, 2.5, 2.75, 3.0, 3.5, 4.0, 4.5));
    for (int i = 5; i <= 64; i++) {
      o.add((double) i);
    }
    o.addAll(List.of(80.0, 96.0, 128.0, 256.0, 512.0, 1024.0));
    return o.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** Mechanisms whose best order lies at different places on the grid. */
  private static final List<Function<double[], RdpCurve>> MECHANISMS = List.of(
      o -> Rdp.distributedDiscreteGaussian(o, 60, 60 * 32, 1.0, 1000, 1024),
      o -> Rdp.distributedDiscreteGaussian(o, 200, 200 * 90, 0.8, 20, 16384).times(10),
      o -> Rdp.skellam(o, 60, 60 * 32, 5000),
      o -> Rdp.subsampledGaussian(o, 0.01, 1.1).times(1000),
      o -> Rdp.amplifiedByClientSampling(Rdp.distributedDiscreteGaussian(o, 60, 60 * 32, 1.0, 1000, 1024), 0.05)
          .times(200),
      o -> Rdp.gaussian(o, 0.7));

  @Test
  void defaultOrdersAreIncreasingFineBelowTwentyAndHoldEveryEarlierOrder() {
    double[] o = RdpCurve.defaultOrders();
    for (int i = 1; i < o.length; i++) {
      assertTrue(o[i] > o[i - 1]);
    }
    for (double a : EARLIER_DEFAULT) {
      assertTrue(Arrays.binarySearch(o, a) >= 0, "missing earlier order " + a);
    }
    for (int i = 1; i < o.length && o[i] <= 20; i++) {
      assertTrue(o[i] - o[i - 1] <= 0.25 + 1e-12, "gap below 20 at " + o[i]);
    }
    for (int k = 21; k <= 256; k++) {
      assertTrue(Arrays.binarySearch(o, k) >= 0, "missing integer " + k);
    }
    assertEquals(1024, o[o.length - 1]);
  }

  @Test
  void aCallerThatOverwritesTheDefaultOrdersChangesNoLaterResult() {
    double before = Rdp.gaussian(0.7).toApproxDp(1e-6).epsilon();
    double[] mine = RdpCurve.defaultOrders();
    Arrays.fill(mine, 1.01);
    assertEquals(before, Rdp.gaussian(0.7).toApproxDp(1e-6).epsilon());
    assertEquals(1.05, RdpCurve.defaultOrders()[0]);
    assertTrue(mine != RdpCurve.defaultOrders(), "every call returns its own array");
  }

  @Test
  void theFinerGridNeverRaisesEpsilonAndLowersItWhereTheBestOrderIsFractional() {
    boolean someLower = false;
    for (Function<double[], RdpCurve> m : MECHANISMS) {
      double now = m.apply(RdpCurve.defaultOrders()).toApproxDp(1e-6).epsilon();
      double before = m.apply(EARLIER_DEFAULT).toApproxDp(1e-6).epsilon();
      assertTrue(now <= before, now + " > " + before);
      someLower |= now < before * (1 - 1e-4);
    }
    assertTrue(someLower, "the finer grid should gain somewhere");
  }

  /** Removing orders (keeping a random subset) never lowers epsilon, for every mechanism. */
  @Property(tries = 50)
  void epsilonNeverGrowsWhenOrdersAreAdded(
      @ForAll @IntRange(min = 0, max = 5) int mechanism, @ForAll long seed,
      @ForAll @DoubleRange(min = 0.05, max = 0.95) double keep) {
    java.util.Random r = new java.util.Random(seed);
    double[] all = RdpCurve.defaultOrders();
    double[] subset = Arrays.stream(all).filter(a -> r.nextDouble() < keep).toArray();
    if (subset.length == 0) {
      subset = new double[] {all[r.nextInt(all.length)]};
    }
    Function<double[], RdpCurve> m = MECHANISMS.get(mechanism);
    double full = m.apply(all).toApproxDp(1e-5).epsilon();
    double part = m.apply(subset).toApproxDp(1e-5).epsilon();
    assertTrue(full <= part, "all orders " + full + " > subset " + part);
  }
}
