package io.secagg.core.prg;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.crypto.SecretBytes;
import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * Chi-square goodness-of-fit of mask elements against the uniform distribution on Z_m.
 *
 * <p>Seeds are fixed, so each test is deterministic. The thresholds are the chi-square quantiles
 * with upper tail 10^-6 for the stated degrees of freedom (computed with SciPy's {@code
 * chi2.isf(1e-6, df)}): a truly uniform generator under a fresh random seed would fail each test
 * with probability 10^-6, while a modular bias of the kind rejection sampling avoids (reducing a
 * 4-bit candidate mod 11 makes 0..4 twice as likely as 5..10) exceeds it by orders of magnitude.
 */
class MaskUniformityTest {
  private static final int SAMPLES = 110_000;
  private static final byte[] CONTEXT = {1, 2, 3};

  private static double chiSquare(long[] counts, double expectedEach) {
    double chi = 0;
    for (long c : counts) {
      double d = c - expectedEach;
      chi += d * d / expectedEach;
    }
    return chi;
  }

  private static ModVector mask(Modulus m, int fill) {
    byte[] s = new byte[32];
    java.util.Arrays.fill(s, (byte) fill);
    return AesCtrMaskGenerator.create(m, SAMPLES).expand(SecretBytes.copyOf(s), CONTEXT);
  }

  @Test
  void smallOddModulusIsUniform() {
    // df = 10, upper 1e-6 quantile 46.863.
    ModVector v = mask(Modulus.of(11), 0x11);
    long[] counts = new long[11];
    for (int i = 0; i < SAMPLES; i++) {
      counts[(int) v.get(i)]++;
    }
    double chi = chiSquare(counts, SAMPLES / 11.0);
    assertTrue(chi < 46.863, "chi-square " + chi);
  }

  @Test
  void smallPowerOfTwoModulusIsUniform() {
    // df = 15, upper 1e-6 quantile 56.493.
    ModVector v = mask(Modulus.powerOfTwo(4), 0x22);
    long[] counts = new long[16];
    for (int i = 0; i < SAMPLES; i++) {
      counts[(int) v.get(i)]++;
    }
    double chi = chiSquare(counts, SAMPLES / 16.0);
    assertTrue(chi < 56.493, "chi-square " + chi);
  }

  @Test
  void largeModulusJustAboveAPowerOfTwoIsUniformOverSixteenBins() {
    // Bin floor(16 x / m): the bins differ in size by at most one element of ~2^57, so their
    // probabilities are 1/16 to within 2^-57. df = 15, upper 1e-6 quantile 56.493.
    Modulus m = Modulus.of((1L << 61) + 1);
    BigInteger mv = m.value();
    BigInteger sixteen = BigInteger.valueOf(16);
    ModVector v = mask(m, 0x33);
    long[] counts = new long[16];
    for (int i = 0; i < SAMPLES; i++) {
      counts[BigInteger.valueOf(v.get(i)).multiply(sixteen).divide(mv).intValueExact()]++;
    }
    double chi = chiSquare(counts, SAMPLES / 16.0);
    assertTrue(chi < 56.493, "chi-square " + chi);
  }

  @Test
  void theBiasThisGuardsAgainstWouldBeCaught() {
    // Sanity check of the test's power: reducing 4-bit values mod 11 instead of rejecting.
    ModVector v = mask(Modulus.powerOfTwo(4), 0x44);
    long[] counts = new long[11];
    for (int i = 0; i < SAMPLES; i++) {
      counts[(int) (v.get(i) % 11)]++;
    }
    assertTrue(chiSquare(counts, SAMPLES / 11.0) > 46.863);
  }
}
