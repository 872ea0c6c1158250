package io.secagg.vdaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.dp.accounting.PrivacyGuarantee;
import io.secagg.dp.accounting.Zcdp;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/**
 * The aggregators' discrete Gaussian noise: one aggregator's noise alone meets the privacy
 * target (by the accountant), and the collector's sum carries the noise of both with the stated
 * variance.
 */
class BoundedVectorNoiseTest {
  private final SecureRandom random = DeterministicRandom.forTestVectorsOnly(new byte[] {9});

  @Test
  void oneAggregatorsNoiseAloneMeetsTheTarget() {
    BoundedVector fl = BoundedVector.builder().dimension(1000).clipBound(1).bits(8).maxClients(100)
        .privacy(2.0, 1e-6).build();
    PrivacyGuarantee g = fl.privacyGuarantee().orElseThrow();
    assertTrue(g.epsilon() <= 2.0, "epsilon " + g.epsilon());
    assertTrue(g.epsilon() > 1.99, "sigma wastefully large: epsilon " + g.epsilon());
    assertEquals(1e-6, g.delta());
    // rho is that of the discrete Gaussian at L2 sensitivity 2B sqrt(d) with the chosen sigma.
    double sigma = Math.sqrt(fl.noiseSigma2().orElseThrow().doubleValue());
    assertEquals(Zcdp.gaussianRho(fl.maxCoordinate() * Math.sqrt(1000), sigma), fl.rho(), 1e-12 * fl.rho());
    assertFalse(BoundedVectorTest.FL.noised());
    assertTrue(BoundedVectorTest.FL.privacyGuarantee().isEmpty());
  }

  @Test
  void theSumCarriesBothAggregatorsNoise() throws Exception {
    // No reports: the sum is the noise alone. 4000 coordinates estimate its variance 2 sigma^2
    // with a relative standard error of sqrt(2/4000) = 2.2%; the 15% band is 6.7 standard errors
    // (false failure about 1e-11 for a fresh seed; the seed here is fixed).
    int d = 4000;
    BoundedVector fl = BoundedVector.builder().dimension(d).clipBound(1).bits(4).maxClients(10)
        .privacy(20, 1e-5).build();
    VerifyKey key = VerifyKey.generate(random);
    BoundedVectorResult r = fl.collect(fl.leader(key).aggregateShareFrame(random), fl.helper(key).aggregateShareFrame(random));
    assertEquals(0, r.reports());
    long[] s = r.integerSum();
    double mean = 0;
    double sq = 0;
    for (long v : s) {
      mean += v;
      sq += (double) v * v;
    }
    mean /= d;
    double variance = sq / d - mean * mean;
    double expected = 2 * fl.noiseSigma2().orElseThrow().doubleValue();
    assertTrue(Math.abs(variance / expected - 1) < 0.15, "variance " + variance + ", expected " + expected);
    assertTrue(Math.abs(mean) < 6 * Math.sqrt(expected / d), "mean " + mean);
    assertEquals(Math.sqrt(expected) * fl.resolution(), r.noiseStddev(), 1e-12);
  }

  @Test
  void impossiblePrivacyTargetsAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> BoundedVector.builder().dimension(10).clipBound(1).bits(8).maxClients(1).privacy(1e-30, 1e-9).build());
  }
}
