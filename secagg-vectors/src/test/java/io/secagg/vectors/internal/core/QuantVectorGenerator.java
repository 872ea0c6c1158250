package io.secagg.vectors.internal.core;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.core.quant.QuantizedVector;
import io.secagg.vectors.internal.CheckedFileGenerator;
import io.secagg.vectors.internal.ReplayRandom;
import io.secagg.vectors.internal.VectorFiles;
import io.secagg.vectors.internal.Vectors;
import io.secagg.core.vector.ModVector;
import java.math.BigInteger;
import java.util.Arrays;
import io.secagg.core.quant.DequantizedSum;
import io.secagg.core.quant.NonFiniteValueException;
import io.secagg.core.quant.Quantizer;
import io.secagg.core.quant.QuantizerConfig;
import io.secagg.core.quant.TooManyClientsException;

/** Generates {@code quant_test.json}. */
public final class QuantVectorGenerator extends CheckedFileGenerator {
  private DeterministicRandom rnd;

  public QuantVectorGenerator() {
    super(new QuantVectorChecker());
  }

  @Override
  public ObjectNode generate() throws Exception {
    rnd = DeterministicRandom.forTestVectorsOnly(0x7175616e74L);
    ObjectNode file =
        newFile("Quantization to Z_m (spec/secagg.md, section 4): clip to [-c, c], multiply by"
                + " 2^e exactly, stochastic rounding with exact probability frac(|x|) away from"
                + " zero, add B = ceil(c * 2^e). Doubles are strings in Java Double.toString form"
                + " (Python float() parses them, including NaN and Infinity); elements of Z_m and"
                + " B are unsigned decimal strings; seeds, keys and words are lowercase hex. The"
                + " rounding words are the little-endian 64-bit words of the keystream of"
                + " spec/secagg.md, section 2.4.4 with label \"secagg/v1 keystream-quant-rounding\","
                + " ikm roundingSeed and an empty context (roundingKey = OKM[0..16), roundingIv ="
                + " OKM[16..24) || 00*8): one primary word per coordinate, then extension words.");
    ArrayNode groups = (ArrayNode) file.get("testGroups");
    configGroup(groups.addObject());
    quantizeGroup(groups.addObject());
    dequantizeGroup(groups.addObject());
    return VectorFiles.finish(file);
  }

  // ---- config ----

  private void configGroup(ObjectNode group) {
    group.put("type", "QuantizerConfigTest");
    ArrayNode t = group.putArray("tests");
    validConfig(t, "c = 1, m = 2^32, n_max = 1000", QuantVectors.config("1.0", 32, null, 1000, null), "LargestSafeScale");
    validConfig(t, "c = 0.3: offset is a ceiling", QuantVectors.config("0.3", 32, null, 1000, null), "LargestSafeScale");
    validConfig(t, "general modulus", QuantVectors.config("5.0", null, "1000003", 10, null), "GeneralModulus", "LargestSafeScale");
    validConfig(t, "m = 2^64, one client", QuantVectors.config("1.0", 64, null, 1, null), "Modulus2^64", "LargestSafeScale");
    validConfig(t, "huge clip bound: negative exponent", QuantVectors.config("1.0E12", 32, null, 1000, null), "LargestSafeScale");
    validConfig(t, "tiny clip bound", QuantVectors.config("1.0E-300", 62, null, 3, null), "LargestSafeScale");
    validConfig(t, "m = 2 n_max + 1: B = 1", QuantVectors.config("1.0", null, "17", 8, null), "GeneralModulus", "LargestSafeScale");
    validConfig(t, "explicit scale", QuantVectors.config("1.0", 32, null, 1000, 10), "ExplicitScale");
    validConfig(t, "explicit scale at the limit", QuantVectors.config("1.0", 32, null, 1000, 21), "ExplicitScale");
    invalidConfig(t, "explicit scale that could wrap", QuantVectors.config("1.0", 32, null, 1000, 22));
    invalidConfig(t, "m <= 2 n_max", QuantVectors.config("1.0", 4, null, 8, null));
    invalidConfig(t, "m = 2", QuantVectors.config("1.0", 1, null, 1, null));
    invalidConfig(t, "clip bound 0", QuantVectors.config("0.0", 32, null, 10, null));
    invalidConfig(t, "negative clip bound", QuantVectors.config("-1.0", 32, null, 10, null));
    invalidConfig(t, "NaN clip bound", QuantVectors.config("NaN", 32, null, 10, null));
    invalidConfig(t, "infinite clip bound", QuantVectors.config("Infinity", 32, null, 10, null));
    invalidConfig(t, "modulus bits 0", QuantVectors.config("1.0", 0, null, 10, null));
    invalidConfig(t, "modulus bits 65", QuantVectors.config("1.0", 65, null, 10, null));
    invalidConfig(t, "modulus 1", QuantVectors.config("1.0", null, "1", 1, null));
    invalidConfig(t, "modulus 2^62 + 1", QuantVectors.config("1.0", null, "4611686018427387905", 10, null));
    invalidConfig(t, "n_max 0", QuantVectors.config("1.0", 32, null, 0, null));
    invalidConfig(t, "scale exponent -1075", QuantVectors.config("1.0", 32, null, 10, -1075));
    invalidConfig(t, "scale exponent 1024", QuantVectors.config("1.0", 32, null, 10, 1024));
    invalidConfig(t, "decoded sums beyond binary64", QuantVectors.config("1.7976931348623157E308", 32, null, 2, null));
  }

  private static void validConfig(ArrayNode tests, String comment, ObjectNode config, String... flags) {
    QuantizerConfig c = QuantVectors.build(config);
    ObjectNode t = VectorFiles.newTest(tests, comment, flags);
    t.set("config", config);
    t.put("scaleExponent", c.scaleExponent());
    t.put("offset", Long.toUnsignedString(c.offset()));
    t.put("result", "valid");
  }

  private static void invalidConfig(ArrayNode tests, String comment, ObjectNode config) {
    ObjectNode t = VectorFiles.newTest(tests, comment, "BadConfig");
    t.set("config", config);
    t.put("error", "IllegalArgumentException");
    t.put("result", "invalid");
  }

  // ---- quantize ----

  private void quantizeGroup(ObjectNode group) throws Exception {
    group.put("type", "QuantizeTest");
    ArrayNode t = group.putArray("tests");
    ObjectNode c32 = QuantVectors.config("1.0", 32, null, 1000, null);
    quantize(t, "random values in [-1, 1]", c32, uniform(12, 1.0), seed(), "Normal", "LargestSafeScale");
    quantize(t, "edges and outliers", c32,
        new double[] {1.0, -1.0, 0.0, -0.0, 1.5, -7.0, Math.nextUp(1.0), -1e300, Double.MIN_VALUE, -Double.MIN_NORMAL},
        seed(), "Clipping", "EdgeValues", "LargestSafeScale");
    ObjectNode unit = QuantVectors.config("10.0", 16, null, 4, 0);
    quantize(t, "scale 1: integers are exact, halves are coin flips", unit,
        new double[] {3, -2, 10, -10, 0.5, -0.5, 2.25, -2.75, 9.999, 25}, seed(), "ExplicitScale", "Clipping");
    quantize(t, "general modulus", QuantVectors.config("5.0", null, "1000003", 10, null), uniform(8, 5.0), seed(),
        "GeneralModulus", "LargestSafeScale");
    quantize(t, "m = 2^64: values reach 2^63", QuantVectors.config("1.0", 64, null, 1, null),
        new double[] {1.0, -1.0, 0.0, 0.3, -0.3, 1e-20}, seed(), "Modulus2^64", "EdgeValues");
    float[] floats = {0.1f, -0.7f, 3.5f, 1e-30f, -9.99f};
    double[] widened = new double[floats.length];
    for (int i = 0; i < floats.length; i++) {
      widened[i] = floats[i];
    }
    quantize(t, "float32 values widened to double", QuantVectors.config("10.0", 24, null, 16, null), widened, seed(),
        "Normal", "LargestSafeScale");
    quantize(t, "empty vector", c32, new double[0], seed(), "EdgeValues");
    quantize(t, "longer vector", QuantVectors.config("0.05", 20, null, 100, null), uniform(40, 0.06), seed(),
        "Normal", "Clipping", "LargestSafeScale");
    byte[] tieSeed = seedWithSmallFirstWord();
    long w0 = QuantVectors.words(tieSeed, 1)[0];
    ObjectNode tieConfig = QuantVectors.config("1.0", 8, null, 1, 0);
    quantize(t, "fraction (2 w0 + 1) / 2^65 ties on the first word", tieConfig,
        new double[] {Math.scalb((double) (2 * w0 + 1), -65)}, tieSeed, "ExtensionWord");
    quantize(t, "negated tie rounds away from zero on the same words", tieConfig,
        new double[] {-Math.scalb((double) (2 * w0 + 1), -65)}, tieSeed, "ExtensionWord");
    quantize(t, "tie followed by ordinary coordinates", tieConfig,
        new double[] {Math.scalb((double) (2 * w0 + 1), -65), 0.5, -0.25}, tieSeed, "ExtensionWord");
    quantize(t, "fraction exactly w0 / 2^64", tieConfig, new double[] {Math.scalb((double) w0, -64)}, tieSeed,
        "ExactPrefix");
    nonFinite(t, "NaN input", c32, new double[] {0.5, -0.5, Double.NaN});
    nonFinite(t, "+Infinity input", c32, new double[] {Double.POSITIVE_INFINITY});
    nonFinite(t, "-Infinity input", c32, new double[] {0.0, Double.NEGATIVE_INFINITY, 0.0});
  }

  private byte[] seed() {
    byte[] s = new byte[32];
    rnd.nextBytes(s);
    return s;
  }

  private double[] uniform(int n, double bound) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = (2 * rnd.nextDouble() - 1) * bound;
    }
    return v;
  }

  /** A seed whose first rounding word is below 2^52 (about 1 in 4096), for tie cases. */
  private byte[] seedWithSmallFirstWord() throws Exception {
    while (true) {
      byte[] s = seed();
      if (QuantVectors.words(s, 1)[0] >>> 52 == 0) {
        return s;
      }
    }
  }

  private static ArrayNode doubles(ObjectNode t, String name, double[] values) {
    ArrayNode a = t.putArray(name);
    for (double v : values) {
      a.add(Double.toString(v));
    }
    return a;
  }

  private static void quantize(ArrayNode tests, String comment, ObjectNode config, double[] input, byte[] seed,
      String... flags) throws Exception {
    QuantizerConfig c = QuantVectors.build(config);
    QuantizedVector q = Quantizer.create(c, ReplayRandom.of(seed)).quantize(input);
    long[] out = q.vector().toLongArray();
    // The reference says how many extension words the rounding needed; give it plenty.
    QuantVectors.Reference probe = QuantVectors.quantize(input, c.clipBound(), c.scaleExponent(),
        BigInteger.valueOf(c.offset()), QuantVectors.words(seed, input.length + 64));
    long[] draws = QuantVectors.words(seed, probe.wordsUsed);
    QuantVectors.Reference ref =
        QuantVectors.quantize(input, c.clipBound(), c.scaleExponent(), BigInteger.valueOf(c.offset()), draws);
    for (int i = 0; i < out.length; i++) {
      if (!ref.values[i].equals(new BigInteger(Long.toUnsignedString(out[i])))) {
        throw new IllegalStateException("reference disagrees with Quantizer at " + i + ": " + comment);
      }
    }
    if (ref.wordsUsed != draws.length || ref.clipped != q.clippedCount()) {
      throw new IllegalStateException("reference word or clip count disagrees: " + comment);
    }
    ObjectNode t = VectorFiles.newTest(tests, comment, flags);
    t.set("config", config);
    doubles(t, "input", input);
    t.put("roundingSeed", Vectors.hex(seed));
    t.put("roundingKey", Vectors.hex(QuantVectors.roundingStream(seed).key()));
    t.put("roundingIv", Vectors.hex(QuantVectors.roundingStream(seed).iv()));
    ArrayNode d = t.putArray("draws");
    for (long w : draws) {
      d.add(String.format("%016x", w));
    }
    t.put("scaleExponent", c.scaleExponent());
    t.put("offset", Long.toUnsignedString(c.offset()));
    ArrayNode o = t.putArray("quantized");
    for (long v : out) {
      o.add(Long.toUnsignedString(v));
    }
    t.put("clipped", q.clippedCount());
    t.put("result", "valid");
  }

  private static void nonFinite(ArrayNode tests, String comment, ObjectNode config, double[] input) {
    ObjectNode t = VectorFiles.newTest(tests, comment, "NonFiniteInput");
    t.set("config", config);
    doubles(t, "input", input);
    t.put("error", "NonFiniteValueException");
    t.put("result", "invalid");
  }

  // ---- dequantizeSum ----

  private void dequantizeGroup(ObjectNode group) throws Exception {
    group.put("type", "DequantizeSumTest");
    ArrayNode t = group.putArray("tests");
    ObjectNode small = QuantVectors.config("1.0", null, "1000", 2, null); // e = 7, B = 128
    dequantize(t, "one client: exact decodes", small, new String[] {"128", "192", "0", "256", "129"}, 1, "GeneralModulus");
    dequantize(t, "two clients", small, new String[] {"256", "0", "512", "300"}, 2, "GeneralModulus");
    dequantize(t, "sums above n * 2B are clamped cyclically", small, new String[] {"300", "990", "600", "999"}, 1,
        "OutOfRangeSum", "GeneralModulus");
    ObjectNode c64 = QuantVectors.config("1.0", 64, null, 1, null);
    dequantize(t, "m = 2^64 extremes", c64,
        new String[] {"9223372036854775808", "0", "4611686018427387904", "18446744073709551615", "9223372036854775809"}, 1,
        "Modulus2^64", "OutOfRangeSum");
    ObjectNode c32 = QuantVectors.config("1.0", 32, null, 1000, null);
    String[] sums = new String[6];
    for (int i = 0; i < sums.length; i++) {
      sums[i] = Long.toString(Math.floorMod(rnd.nextLong(), 1000L * 2 * (1L << 21) + 1));
    }
    dequantize(t, "1000 clients, random feasible sums", c32, sums, 1000, "Normal");
    dequantize(t, "empty sum", c32, new String[0], 5, "Normal");
    invalidDequantize(t, "clientsIncluded > n_max", small, new String[] {"0"}, 3, "TooManyClients");
    invalidDequantize(t, "clientsIncluded = 0", small, new String[] {"0"}, 0, "BadClientCount");
    invalidDequantize(t, "clientsIncluded = -1", small, new String[] {"0"}, -1, "BadClientCount");
    invalidDequantize(t, "coordinate equal to m", small, new String[] {"5", "1000"}, 1, "NotInZm");
    invalidDequantize(t, "coordinate 2^32 with m = 2^32", c32, new String[] {"4294967296"}, 1, "NotInZm");
  }

  private static void dequantize(ArrayNode tests, String comment, ObjectNode config, String[] sum, int clients,
      String... flags) {
    QuantizerConfig c = QuantVectors.build(config);
    long[] s = new long[sum.length];
    for (int i = 0; i < sum.length; i++) {
      s[i] = Long.parseUnsignedLong(sum[i]);
    }
    DequantizedSum d = Quantizer.create(c, DeterministicRandom.forTestVectorsOnly(0)).dequantizeSum(ModVector.of(c.modulus(), s), clients);
    int outOfRange = 0;
    for (int i = 0; i < sum.length; i++) {
      boolean[] flag = new boolean[1];
      double ref = QuantVectors.decode(new BigInteger(sum[i]), clients, BigInteger.valueOf(c.offset()),
          c.scaleExponent(), c.modulus().value(), flag);
      outOfRange += flag[0] ? 1 : 0;
      if (Double.compare(ref, d.value(i)) != 0) {
        throw new IllegalStateException("reference decode disagrees at " + i + ": " + comment);
      }
    }
    if (outOfRange != d.outOfRangeCount()) {
      throw new IllegalStateException("reference out-of-range count disagrees: " + comment);
    }
    ObjectNode t = VectorFiles.newTest(tests, comment, flags);
    t.set("config", config);
    ArrayNode a = t.putArray("sum");
    Arrays.stream(sum).forEach(a::add);
    t.put("clientsIncluded", clients);
    doubles(t, "values", d.values());
    t.put("outOfRange", d.outOfRangeCount());
    t.put("result", "valid");
  }

  private static void invalidDequantize(ArrayNode tests, String comment, ObjectNode config, String[] sum, int clients,
      String flag) {
    ObjectNode t = VectorFiles.newTest(tests, comment, flag);
    t.set("config", config);
    ArrayNode a = t.putArray("sum");
    Arrays.stream(sum).forEach(a::add);
    t.put("clientsIncluded", clients);
    t.put("error", flag.equals("TooManyClients") ? "TooManyClientsException" : "IllegalArgumentException");
    t.put("result", "invalid");
  }
}
