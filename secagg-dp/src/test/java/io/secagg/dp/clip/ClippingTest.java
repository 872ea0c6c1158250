package io.secagg.dp.clip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.dp.accounting.RdpCurve;
import io.secagg.dp.sampling.AesCtrBitSource;
import io.secagg.dp.sampling.BitSource;
import org.junit.jupiter.api.Test;

class ClippingTest {
  @Test
  void clipsFloatAndDoubleVectorsToTheBound() {
    float[] f = {3, 4};
    assertEquals(0.2, L2Clipping.clip(f, 1), 1e-12);
    assertEquals(1, L2Clipping.norm(f), 1e-6);
    double[] d = {0.3, 0.4};
    assertEquals(1.0, L2Clipping.clip(d, 1), 0);
    assertEquals(0.5, L2Clipping.norm(d), 1e-15);
    assertThrows(IllegalArgumentException.class, () -> L2Clipping.clip(new double[] {Double.NaN}, 1));
    assertThrows(IllegalArgumentException.class, () -> L2Clipping.clip(new double[] {1}, 0));
  }

  @Test
  void adaptiveClippingTracksTheTargetQuantileAndAccountsItsNoise() {
    // Norms uniform on [0, 10]; the median is 5. 300 rounds of 100 clients.
    AdaptiveClipping a = new AdaptiveClipping(0.5, 0.5, 0.2, 5);
    DeterministicRandom r = DeterministicRandom.forTestVectorsOnly(3);
    BitSource bits = AesCtrBitSource.forTestVectorsOnly(new byte[] {3});
    for (int round = 0; round < 300; round++) {
      long count = 0;
      for (int c = 0; c < 100; c++) {
        count += a.clientBit(10 * r.nextDouble());
      }
      a.update(a.noisyCount(count, bits), 100);
    }
    assertTrue(Math.abs(a.clipNorm() - 5) < 1.0, "clip norm " + a.clipNorm());
    RdpCurve cost = a.perRoundCost(new double[] {2});
    assertEquals(2 / (2 * 25.0), cost.at(2), 1e-9);
    assertThrows(IllegalArgumentException.class, () -> new AdaptiveClipping(1, 1.0, 0.2, 1));
    assertThrows(IllegalArgumentException.class, () -> new AdaptiveClipping(1, 0.5, 0.2, 0.1));
  }
}
