package io.secagg.vectors.internal.core;

import static io.secagg.vectors.internal.Expect.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.secagg.vectors.internal.NamedVectorChecker;
import io.secagg.vectors.internal.Mismatch;
import io.secagg.vectors.internal.ReplayRandom;
import io.secagg.vectors.internal.Vectors;
import io.secagg.core.vector.ModVector;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Set;
import io.secagg.core.quant.DequantizedSum;
import io.secagg.core.quant.NonFiniteValueException;
import io.secagg.core.quant.Quantizer;
import io.secagg.core.quant.QuantizedVector;
import io.secagg.core.quant.QuantizerConfig;
import io.secagg.core.quant.TooManyClientsException;

/**
 * Checks {@code quant_test.json}: every valid output is recomputed by {@link Quantizer} and by the
 * reference in {@link QuantVectors}; invalid cases must throw the documented exception: {@link
 * IllegalArgumentException} for configurations, {@link NonFiniteValueException} for NaN or
 * infinite inputs, {@link TooManyClientsException} for clientsIncluded > n_max and {@link
 * IllegalArgumentException} for other bad sums.
 */
public final class QuantVectorChecker extends NamedVectorChecker {
  static final Set<String> GROUP_FIELDS = Set.of("type", "tests");

  static final Set<String> CONFIG_FIELDS = Vectors.testFields("config", "scaleExponent", "offset");
  static final Set<String> QUANTIZE_FIELDS =
      Vectors.testFields("config", "input", "roundingSeed", "roundingKey", "roundingIv", "draws", "scaleExponent", "offset", "quantized", "clipped");
  static final Set<String> DEQUANTIZE_FIELDS = Vectors.testFields("config", "sum", "clientsIncluded", "values", "outOfRange");

  public QuantVectorChecker() {
    super("quant_test.json", QuantVectors.ALGORITHM, QuantVectors.SCHEMA);
  }

  @Override
  public void checkGroup(JsonNode group) {
    Vectors.onlyFields(group, GROUP_FIELDS);
    String type = Vectors.text(group, "type");
    if (!Set.of("QuantizerConfigTest", "QuantizeTest", "DequantizeSumTest").contains(type)) {
      throw new Mismatch("unknown group type " + type);
    }
  }

  @Override
  public void checkTest(JsonNode group, JsonNode test) throws Exception {
    switch (Vectors.text(group, "type")) {
      case "QuantizerConfigTest":
        checkConfig(test);
        break;
      case "QuantizeTest":
        checkQuantize(test);
        break;
      default:
        checkDequantize(test);
    }
  }

  static void checkConfig(JsonNode test) {
    Vectors.onlyFields(test, CONFIG_FIELDS);
    JsonNode config = test.get("config");
    if (!Vectors.isValid(test)) {
      Vectors.expectNamedError(test, () -> QuantVectors.build(config), IllegalArgumentException.class);
      return;
    }
    QuantizerConfig c = QuantVectors.build(config);
    checkDerived(test, c);
  }

  static void checkDerived(JsonNode test, QuantizerConfig c) {
    int e = c.scaleExponent();
    assertEquals(Vectors.integer(test, "scaleExponent"), e, "scaleExponent");
    assertEquals(Vectors.text(test, "offset"), Long.toUnsignedString(c.offset()), "offset");
    JsonNode config = test.get("config");
    if (!config.has("scaleExponent")) {
      assertEquals(QuantVectors.referenceLargestExponent(c.clipBound(), c.modulus().value(), c.maxClients()), e,
          "reference largest safe exponent");
    }
    assertEquals(QuantVectors.referenceOffset(c.clipBound(), e), BigInteger.valueOf(c.offset()), "reference offset");
  }

  static double[] doubles(JsonNode array) {
    double[] d = new double[array.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = Double.parseDouble(array.get(i).asText());
    }
    return d;
  }

  static void checkQuantize(JsonNode test) throws Exception {
    Vectors.onlyFields(test, QUANTIZE_FIELDS);
    QuantizerConfig c = QuantVectors.build(test.get("config"));
    double[] input = doubles(test.get("input"));
    if (!Vectors.isValid(test)) {
      Vectors.expectNamedError(test, () -> Quantizer.create(c, new SecureRandom()).quantize(input), NonFiniteValueException.class);
      return;
    }
    checkDerived(test, c);
    byte[] seed = Vectors.bytes(test, "roundingSeed");
    assertEquals(Vectors.text(test, "roundingKey"), Vectors.hex(QuantVectors.roundingStream(seed).key()), "roundingKey");
    assertEquals(Vectors.text(test, "roundingIv"), Vectors.hex(QuantVectors.roundingStream(seed).iv()), "roundingIv");
    JsonNode drawsNode = test.get("draws");
    long[] draws = QuantVectors.words(seed, drawsNode.size());
    for (int i = 0; i < draws.length; i++) {
      assertEquals(drawsNode.get(i).asText(), String.format("%016x", draws[i]), "draw " + i);
    }
    // The library draws the 32-byte rounding seed from its source (section 4.3.3): replaying
    // the recorded seed re-runs its quantizer.
    QuantizedVector q = Quantizer.create(c, ReplayRandom.of(seed)).quantize(input);
    long[] out = q.vector().toLongArray();
    assertEquals(Vectors.integer(test, "clipped"), q.clippedCount(), "clipped");
    QuantVectors.Reference ref =
        QuantVectors.quantize(input, c.clipBound(), c.scaleExponent(), BigInteger.valueOf(c.offset()), draws);
    assertEquals(draws.length, ref.wordsUsed, "number of draws (reference words used)");
    assertEquals(q.clippedCount(), ref.clipped, "reference clipped");
    JsonNode expected = test.get("quantized");
    assertEquals(input.length, expected.size(), "quantized length");
    for (int i = 0; i < out.length; i++) {
      assertEquals(expected.get(i).asText(), Long.toUnsignedString(out[i]), "quantized[" + i + "]");
      assertEquals(expected.get(i).asText(), ref.values[i].toString(), "reference quantized[" + i + "]");
    }
  }

  static void checkDequantize(JsonNode test) {
    Vectors.onlyFields(test, DEQUANTIZE_FIELDS);
    QuantizerConfig c = QuantVectors.build(test.get("config"));
    JsonNode sumNode = test.get("sum");
    long[] sum = new long[sumNode.size()];
    BigInteger[] exact = new BigInteger[sum.length];
    for (int i = 0; i < sum.length; i++) {
      exact[i] = new BigInteger(sumNode.get(i).asText());
      sum[i] = exact[i].longValue(); // two's complement of the unsigned value
    }
    int clients = Vectors.integer(test, "clientsIncluded");
    Quantizer q = Quantizer.create(c, new SecureRandom());
    if (!Vectors.isValid(test)) {
      Class<? extends Throwable> expected =
          clients > c.maxClients() ? TooManyClientsException.class : IllegalArgumentException.class;
      assertEquals(expected.getSimpleName(), Vectors.text(test, "error"), "error");
      Vectors.expectInvalid(expected, () -> q.dequantizeSum(ModVector.of(c.modulus(), sum), clients));
      return;
    }
    DequantizedSum d = q.dequantizeSum(ModVector.of(c.modulus(), sum), clients);
    double[] expected = doubles(test.get("values"));
    assertEquals(expected.length, d.length(), "values length");
    int outOfRange = 0;
    for (int i = 0; i < sum.length; i++) {
      assertEquals(expected[i], d.value(i), "values[" + i + "]");
      boolean[] flag = new boolean[1];
      double ref = QuantVectors.decode(exact[i], clients, BigInteger.valueOf(c.offset()), c.scaleExponent(),
          c.modulus().value(), flag);
      assertEquals(expected[i], ref, "reference values[" + i + "]");
      outOfRange += flag[0] ? 1 : 0;
    }
    assertEquals(Vectors.integer(test, "outOfRange"), d.outOfRangeCount(), "outOfRange");
    assertEquals(outOfRange, d.outOfRangeCount(), "reference outOfRange");
  }
}
