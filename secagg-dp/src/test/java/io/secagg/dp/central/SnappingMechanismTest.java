package io.secagg.dp.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.dp.sampling.AesCtrBitSource;
import io.secagg.dp.sampling.BitSource;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class SnappingMechanismTest {
  /**
   * Neighbouring inputs have the same output support: whatever the input, every output is an
   * integer multiple of the input-independent grid step (and the integer noise has full support).
   */
  @Property(tries = 200)
  void outputsLieOnTheSameGridForEveryInput(@ForAll @DoubleRange(min = -1e6, max = 1e6) double x,
      @ForAll @DoubleRange(min = 0.01, max = 1e3) double sigma) {
    SnappingMechanism g = SnappingMechanism.gaussian(sigma, 1e6);
    SnappingMechanism l = SnappingMechanism.laplace(sigma, 1e6);
    BitSource bits = AesCtrBitSource.forTestVectorsOnly(new byte[] {9});
    assertEquals(g.gridStep(), SnappingMechanism.gaussian(sigma, 1).gridStep());
    for (SnappingMechanism m : new SnappingMechanism[] {g, l}) {
      double y = m.privatize(x, bits);
      double units = y / m.gridStep();
      assertEquals(Math.rint(units), units, 0.0, "off-grid output " + y);
      assertEquals(0, Math.getExponent(m.gridStep()) - Math.getExponent(sigma) + 20);
    }
  }

  /** Mean and variance with 2e5 samples; each assertion's false-failure rate is below 1e-6. */
  @Test
  void gaussianHasTheRequestedSpread() {
    SnappingMechanism g = SnappingMechanism.gaussian(3.5, 100);
    BitSource bits = AesCtrBitSource.forTestVectorsOnly(new byte[] {1, 2});
    int n = 200_000;
    double s = 0;
    double sq = 0;
    for (int i = 0; i < n; i++) {
      double e = g.privatize(10.0, bits) - 10.0;
      s += e;
      sq += e * e;
    }
    assertTrue(Math.abs(s / n) <= 4.9 * 3.5 / Math.sqrt(n));
    assertTrue(Math.abs(sq / n - 3.5 * 3.5) <= 4.9 * 3.5 * 3.5 * Math.sqrt(2.0 / n) * 1.05, "variance " + sq / n);
  }

  @Test
  void clampsAndStatesTheInflatedSensitivity() {
    SnappingMechanism l = SnappingMechanism.laplace(1, 5);
    assertEquals(1 + l.gridStep() * 3, l.inflatedSensitivity(1, 3), 0);
    assertTrue(Math.abs(l.privatize(1e300, AesCtrBitSource.forTestVectorsOnly(new byte[0])) - 5) < 100);
    assertThrows(IllegalArgumentException.class, () -> SnappingMechanism.gaussian(0, 1));
    assertThrows(IllegalArgumentException.class, () -> SnappingMechanism.gaussian(1, 1e12));
    assertThrows(IllegalArgumentException.class, () -> l.privatize(Double.NaN, AesCtrBitSource.create()));
  }
}
