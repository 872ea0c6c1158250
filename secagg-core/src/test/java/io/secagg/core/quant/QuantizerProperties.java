package io.secagg.core.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;
import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Laws of quantization: error bound, no wrap at n_max, exact clip counts, range of values. */
class QuantizerProperties {
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

  @Provide
  Arbitrary<QuantizerConfig> configs() {
    Arbitrary<Double> clips = Arbitraries.of(1e-3, 0.5, 1.0, 3.7, 100.0, 6.02e23);
    Arbitrary<Integer> maxClients = Arbitraries.integers().between(1, 50);
    Arbitrary<Integer> bits = Arbitraries.integers().between(12, 64);
    Arbitrary<Long> general = Arbitraries.longs().between(1L << 12, 1L << 62);
    Arbitrary<Boolean> powerOfTwo = Arbitraries.of(true, false);
    return Combinators.combine(clips, maxClients, bits, general, powerOfTwo)
        .as((c, n, b, m, p2) -> {
          QuantizerConfig.Builder builder = QuantizerConfig.builder().clipBound(c).maxClients(n);
          return (p2 ? builder.modulus(Modulus.powerOfTwo(b)) : builder.modulus(Modulus.of(m))).build();
        });
  }

  /** A value in [-c, c], biased towards the edges and exact multiples of fine powers of two. */
  private static double valueIn(double c, DeterministicRandom r) {
    switch (r.nextInt(6)) {
      case 0:
        return c;
      case 1:
        return -c;
      case 2:
        return 0.0;
      default:
        return (2 * r.nextDouble() - 1) * c;
    }
  }

  private static BigInteger sumModM(QuantizerConfig c, long[][] clients, int coordinate) {
    BigInteger s = BigInteger.ZERO;
    for (long[] client : clients) {
      s = s.add(new BigInteger(Long.toUnsignedString(client[coordinate])));
    }
    return s;
  }

  @Property(tries = 200)
  void decodedSumIsWithinClientsOverScaleOfTheClippedSum(
      @ForAll("configs") QuantizerConfig config,
      @ForAll @IntRange(min = 1, max = 50) int clientsRaw,
      @ForAll @IntRange(min = 1, max = 16) int length,
      @ForAll long seed) {
    int clients = 1 + (clientsRaw - 1) % config.maxClients();
    DeterministicRandom r = DeterministicRandom.forTestVectorsOnly(seed);
    Quantizer q = Quantizer.create(config, r);
    double c = config.clipBound();
    double[][] inputs = new double[clients][length];
    long[][] quantized = new long[clients][];
    for (int i = 0; i < clients; i++) {
      for (int j = 0; j < length; j++) {
        inputs[i][j] = valueIn(c, r);
      }
      quantized[i] = q.quantize(inputs[i]).vector().toLongArray();
    }
    long[] sum = new long[length];
    int e = config.scaleExponent();
    for (int j = 0; j < length; j++) {
      BigInteger exactSum = sumModM(config, quantized, j);
      // No wrap: the true sum is already below m.
      assertTrue(exactSum.compareTo(config.modulus().value()) < 0, "sum wrapped");
      sum[j] = exactSum.mod(TWO_64).longValue();
    }
    DequantizedSum decoded = q.dequantizeSum(ModVector.of(config.modulus(), sum), clients);
    assertEquals(0, decoded.outOfRangeCount());
    for (int j = 0; j < length; j++) {
      // T = S - n B, exactly; X = sum of inputs * 2^e, exactly. |T - X| < n.
      BigInteger t = sumModM(config, quantized, j)
          .subtract(BigInteger.valueOf(config.offset()).multiply(BigInteger.valueOf(clients)));
      BigDecimal x = BigDecimal.ZERO;
      for (int i = 0; i < clients; i++) {
        x = x.add(new BigDecimal(inputs[i][j]));
      }
      x = e >= 0 ? x.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(e)))
          : x.divide(new BigDecimal(BigInteger.ONE.shiftLeft(-e)));
      BigDecimal error = new BigDecimal(t).subtract(x).abs();
      assertTrue(error.compareTo(BigDecimal.valueOf(clients)) < 0, "error " + error + " >= " + clients);
      // The decoded double is T * 2^-e rounded once.
      assertEquals(Math.scalb(t.doubleValue(), -e), decoded.value(j));
    }
  }

  @Property(tries = 200)
  void sumsOfMaxClientsAtTheExtremesDoNotWrap(
      @ForAll("configs") QuantizerConfig config, @ForAll boolean positive, @ForAll long seed) {
    double v = positive ? config.clipBound() : -config.clipBound();
    Quantizer q = Quantizer.create(config, DeterministicRandom.forTestVectorsOnly(seed));
    int n = config.maxClients();
    long[][] all = new long[n][];
    for (int i = 0; i < n; i++) {
      all[i] = q.quantize(new double[] {v, v}).vector().toLongArray();
    }
    BigInteger s = sumModM(config, all, 0);
    assertTrue(s.signum() >= 0 && s.compareTo(config.modulus().value()) < 0, "sum " + s + " outside [0, m)");
    DequantizedSum d = q.dequantizeSum(
        ModVector.of(config.modulus(), new long[] {s.longValue(), sumModM(config, all, 1).longValue()}), n);
    assertEquals(0, d.outOfRangeCount());
    double bound = config.errorBound(n) + Math.ulp(n * config.clipBound()) * 2;
    assertTrue(Math.abs(d.value(0) - n * v) <= bound, d.value(0) + " vs " + n * v);
  }

  @Property(tries = 200)
  void clippedCountIsExactAndValuesStayInZeroToTwoB(
      @ForAll("configs") QuantizerConfig config,
      @ForAll @IntRange(min = 0, max = 64) int length,
      @ForAll long seed) {
    DeterministicRandom r = DeterministicRandom.forTestVectorsOnly(seed);
    double c = config.clipBound();
    double[] in = new double[length];
    int outside = 0;
    for (int i = 0; i < length; i++) {
      switch (r.nextInt(5)) {
        case 0:
          in[i] = Math.nextUp(c);
          break;
        case 1:
          in[i] = -c * (1 + r.nextDouble() * 3) - Math.ulp(c);
          break;
        case 2:
          in[i] = r.nextBoolean() ? c : -c;
          break;
        default:
          in[i] = valueIn(c, r);
      }
      if (Math.abs(in[i]) > c) {
        outside++;
      }
    }
    QuantizedVector out = Quantizer.create(config, r).quantize(in);
    assertEquals(outside, out.clippedCount());
    long twoB = 2 * config.offset();
    for (long v : out.vector().toLongArray()) {
      assertTrue(Long.compareUnsigned(v, twoB) <= 0, "value above 2B");
    }
  }
}
