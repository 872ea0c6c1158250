package io.secagg.core.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.core.crypto.Keystream;
import io.secagg.core.crypto.KeystreamPurpose;
import io.secagg.core.internal.QuantRounding;
import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class QuantizerTest {
  private static QuantizerConfig unitScale(double clip) {
    return QuantizerConfig.builder().clipBound(clip).modulus(Modulus.powerOfTwo(16)).maxClients(4).scaleExponent(0).build();
  }

  private static Quantizer seeded(QuantizerConfig c, long seed) {
    return Quantizer.create(c, DeterministicRandom.forTestVectorsOnly(seed));
  }

  /** A sum over the quantizer's modulus, as the protocol returns it. */
  private static ModVector sum(Quantizer q, long... elements) {
    return ModVector.of(q.config().modulus(), elements);
  }

  @Test
  void integersAreShiftedByTheOffsetAndOutliersClipped() {
    Quantizer q = seeded(unitScale(10), 1);
    QuantizedVector v = q.quantize(new double[] {3, -2, 0, 10, -10, 25, -0.0, -1e300});
    assertArrayEquals(new long[] {13, 8, 10, 20, 0, 20, 10, 0}, v.vector().toLongArray());
    assertEquals(2, v.clippedCount());
    assertEquals(8, v.length());
    assertEquals(Modulus.powerOfTwo(16), v.modulus());
  }

  @Test
  void roundsToOneOfTheTwoNeighbouringIntegers() {
    Quantizer q = seeded(unitScale(10), 2);
    double[] in = new double[1000];
    java.util.Arrays.fill(in, -2.25);
    for (long r : q.quantize(in).vector().toLongArray()) {
      assertTrue(r == 10 - 2 || r == 10 - 3, "value " + r);
    }
  }

  @Test
  void floatAndDoubleInputsRoundIdentically() {
    float[] f = {0.1f, -0.7f, 3.5f, 1e-30f, -9.99f};
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    QuantizerConfig c = QuantizerConfig.builder().clipBound(10).modulus(Modulus.powerOfTwo(32)).maxClients(100).build();
    assertArrayEquals(seeded(c, 5).quantize(d).vector().toLongArray(), seeded(c, 5).quantize(f).vector().toLongArray());
  }

  @Test
  void rejectsNonFiniteValuesWithTheirIndexBeforeDrawingRandomness() {
    CountingRandom counting = new CountingRandom();
    Quantizer q = Quantizer.create(unitScale(1), counting);
    NonFiniteValueException e =
        assertThrows(NonFiniteValueException.class, () -> q.quantize(new double[] {0.5, Double.NaN}));
    assertEquals(1, e.index());
    assertEquals(
        2, assertThrows(NonFiniteValueException.class, () -> q.quantize(new double[] {0, 0, Double.POSITIVE_INFINITY})).index());
    assertEquals(
        0, assertThrows(NonFiniteValueException.class, () -> q.quantize(new float[] {Float.NEGATIVE_INFINITY})).index());
    assertEquals(0, counting.calls);
    assertThrows(NullPointerException.class, () -> q.quantize((double[]) null));
  }

  @Test
  void quantizesEmptyVectors() {
    assertEquals(0, seeded(unitScale(1), 3).quantize(new double[0]).length());
    assertEquals(0, seeded(unitScale(1), 3).dequantizeSum(ModVector.zeros(Modulus.powerOfTwo(16), 0), 1).length());
  }

  @Test
  void decodesSumsExactly() {
    QuantizerConfig c = QuantizerConfig.builder().clipBound(1).modulus(Modulus.of(1000)).maxClients(2).build();
    // floor(999 / 4) = 249, so e = 7 and B = 128.
    assertEquals(7, c.scaleExponent());
    Quantizer q = seeded(c, 4);
    DequantizedSum s = q.dequantizeSum(sum(q, 128, 192, 0, 256), 1);
    assertArrayEquals(new double[] {0.0, 0.5, -1.0, 1.0}, s.values());
    assertEquals(0, s.outOfRangeCount());
    assertEquals(1, s.clientsIncluded());
    assertArrayEquals(new double[] {0.0, -2.0, 2.0}, q.dequantizeSum(sum(q, 256, 0, 512), 2).values());
  }

  @Test
  void countsAndClampsSumsAboveTheFeasibleRange() {
    QuantizerConfig c = QuantizerConfig.builder().clipBound(1).modulus(Modulus.of(1000)).maxClients(2).build();
    Quantizer q = seeded(c, 4);
    // One client: feasible sums 0..256. 300 is nearer 256; 990 is nearer m = 1000 (a wrap below 0).
    DequantizedSum s = q.dequantizeSum(sum(q, 300, 990, 100), 1);
    assertEquals(2, s.outOfRangeCount());
    assertArrayEquals(new double[] {1.0, -1.0, (100 - 128) / 128.0}, s.values());
  }

  @Test
  void rejectsSumsOfMoreClientsThanConfigured() {
    Quantizer q = seeded(unitScale(1), 1);
    TooManyClientsException e =
        assertThrows(TooManyClientsException.class, () -> q.dequantizeSum(sum(q, 0), 5));
    assertEquals(5, e.clientsIncluded());
    assertEquals(4, e.maxClients());
    assertThrows(IllegalArgumentException.class, () -> q.dequantizeSum(sum(q, 0), 0));
    assertThrows(NullPointerException.class, () -> q.dequantizeSum(null, 1));
  }

  @Test
  void rejectsASumOverAnotherModulus() {
    Quantizer q = seeded(unitScale(1), 1); // m = 2^16
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> q.dequantizeSum(ModVector.zeros(Modulus.powerOfTwo(32), 2), 1));
    assertTrue(e.getMessage().contains("2^16"), e.getMessage());
    Quantizer general = seeded(QuantizerConfig.builder().clipBound(1).modulus(Modulus.of(1000)).maxClients(2).build(), 1);
    assertThrows(IllegalArgumentException.class, () -> general.dequantizeSum(ModVector.zeros(Modulus.of(1001), 1), 1));
  }

  @Test
  void quantizedVectorsAddInZmAndDecodeToTheirSum() {
    QuantizerConfig c = QuantizerConfig.builder().clipBound(1).modulus(Modulus.powerOfTwo(32)).maxClients(3).build();
    Quantizer q = seeded(c, 6);
    ModVector total = ModVector.zeros(c.modulus(), 3);
    double[][] inputs = {{0.5, -1, 0.25}, {0.25, 1, -0.75}, {-1, 0.5, 0}};
    for (double[] in : inputs) {
      total.addInPlace(q.quantize(in).vector());
    }
    double[] decoded = q.dequantizeSum(total, 3).values();
    double[] exact = {-0.25, 0.5, -0.5};
    for (int i = 0; i < 3; i++) {
      assertTrue(Math.abs(decoded[i] - exact[i]) < c.errorBound(3), i + ": " + decoded[i]);
    }
  }

  @Test
  void theVectorAccessorHandsOutACopy() {
    QuantizedVector v = seeded(unitScale(10), 1).quantize(new double[] {3});
    v.vector().set(0, 0);
    assertEquals(13, v.vector().get(0));
  }

  @Test
  void acceptsEverySixtyFourBitValueWhenMIsTwoToTheSixtyFour() {
    QuantizerConfig c = QuantizerConfig.builder().clipBound(1).modulus(Modulus.powerOfTwo(64)).maxClients(1).build();
    Quantizer q = seeded(c, 9);
    long[] extremes = q.quantize(new double[] {1, -1, 0}).vector().toLongArray();
    assertArrayEquals(new long[] {Long.MIN_VALUE, 0, 1L << 62}, extremes); // 2B = 2^63 unsigned
    assertArrayEquals(new double[] {1, -1, 0}, q.dequantizeSum(sum(q, extremes), 1).values());
    DequantizedSum wrapped = q.dequantizeSum(sum(q, -1L), 1); // 2^64 - 1: a wrap below zero
    assertEquals(1, wrapped.outOfRangeCount());
    assertEquals(-1.0, wrapped.value(0));
  }

  @Test
  void tinyAndSubnormalInputsRoundExactly() {
    QuantizerConfig c = QuantizerConfig.builder().clipBound(1).modulus(Modulus.powerOfTwo(32)).maxClients(1).build();
    Quantizer q = seeded(c, 11);
    long b = c.offset();
    long[] out = q.quantize(new double[] {Double.MIN_VALUE, -Double.MIN_VALUE, 1e-300}).vector().toLongArray();
    // Rounding up has probability below 2^-900: the draws are overwhelmingly "down".
    assertArrayEquals(new long[] {b, b, b}, out);
  }

  private static Keystream rounding(byte[] seed) {
    return Keystream.open(KeystreamPurpose.QUANT_ROUNDING, seed, new byte[0]);
  }

  /** Finds a seed whose first rounding word has its top 12 bits zero (about 1 in 4096). */
  private static byte[] seedWithSmallFirstWord() {
    DeterministicRandom rnd = DeterministicRandom.forTestVectorsOnly(31337L);
    byte[] seed = new byte[32];
    while (true) {
      rnd.nextBytes(seed);
      long w = rounding(seed).nextLong();
      if (w >>> 52 == 0) {
        return seed;
      }
    }
  }

  @Test
  void aTieOnTheFirstWordIsDecidedByAnExtensionWord() {
    byte[] seed = seedWithSmallFirstWord();
    Keystream stream = rounding(seed);
    long w0 = stream.nextLong();
    long w1 = stream.nextLong();
    // x = (2 w0 + 1) / 2^65: the first fraction word is w0, the second 2^63.
    double v = Math.scalb((double) (2 * w0 + 1), -65);
    Quantizer q = seeded(unitScale(1), 0);
    long[] out = new long[1];
    QuantRounding.Outcome o = q.quantizeWithSeed(new double[] {v}, seed, out);
    assertEquals(1, o.extensionWords());
    long expectedUp = Long.compareUnsigned(w1, 1L << 63) < 0 ? 1 : 0;
    assertEquals(1 + expectedUp, out[0]);
    // Negated input rounds away from zero on the same draw.
    q.quantizeWithSeed(new double[] {-v}, seed, out);
    assertEquals(1 - expectedUp, out[0]);
  }

  @Test
  void aWordEqualToTheWholeFractionRoundsDownWithoutExtension() {
    byte[] seed = seedWithSmallFirstWord();
    long w0 = rounding(seed).nextLong();
    double v = Math.scalb((double) w0, -64); // fraction exactly w0 / 2^64: U >= f
    long[] out = new long[1];
    QuantRounding.Outcome o = seeded(unitScale(1), 0).quantizeWithSeed(new double[] {v}, seed, out);
    assertEquals(0, o.extensionWords());
    assertEquals(1, out[0]);
  }

  @Test
  void toStringsRevealNoValues() {
    Quantizer q = seeded(unitScale(10), 1);
    assertEquals("QuantizedVector[length=2, m=2^16, clipped=0]", q.quantize(new double[] {1.5, 2}).toString());
    assertTrue(q.toString().startsWith("Quantizer[QuantizerConfig["));
  }

  /** Counts how often randomness is requested. */
  private static final class CountingRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    int calls;

    @Override
    public void nextBytes(byte[] bytes) {
      calls++;
      super.nextBytes(bytes);
    }
  }
}
