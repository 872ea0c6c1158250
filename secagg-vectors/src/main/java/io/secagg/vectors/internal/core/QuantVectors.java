package io.secagg.vectors.internal.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secagg.vectors.internal.Vectors;
import io.secagg.core.vector.Modulus;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import io.secagg.core.quant.QuantizerConfig;

/**
 * Shared pieces of the quantization vectors and a second, deliberately plain implementation of
 * the maths of {@code spec/secagg.md, section 4} (exact BigDecimal arithmetic, the
 * interval form of the round-up rule), so the vectors check the production code against the text.
 */
final class QuantVectors {
  static final String ALGORITHM = "SECAGG-QUANTIZATION";
  static final String SCHEMA = "quant_test_schema_v1.json";
  static final String FILE = "quant_test.json";
  static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

  private QuantVectors() {}

  /** A config object; {@code scaleExponent} null means "largest safe scale". */
  static ObjectNode config(String clip, Integer bits, String modulus, int maxClients, Integer scaleExponent) {
    ObjectNode c = Vectors.object();
    c.put("clipBound", clip);
    if (bits != null) {
      c.put("modulusBits", bits);
    } else {
      c.put("modulus", modulus);
    }
    c.put("maxClients", maxClients);
    if (scaleExponent != null) {
      c.put("scaleExponent", scaleExponent);
    }
    return c;
  }

  /** Builds the production config; throws what the builder throws. */
  static QuantizerConfig build(JsonNode c) {
    Vectors.onlyFields(c, java.util.Set.of("clipBound", "modulusBits", "modulus", "maxClients", "scaleExponent"));
    QuantizerConfig.Builder b = QuantizerConfig.builder().clipBound(Double.parseDouble(Vectors.text(c, "clipBound")));
    if (c.has("modulusBits")) {
      b.modulus(Modulus.powerOfTwo(Vectors.integer(c, "modulusBits")));
    } else {
      b.modulus(Modulus.of(Long.parseLong(Vectors.text(c, "modulus"))));
    }
    b.maxClients(Vectors.integer(c, "maxClients"));
    if (c.has("scaleExponent")) {
      b.scaleExponent(Vectors.integer(c, "scaleExponent"));
    }
    return b.build();
  }

  static BigDecimal times2(BigDecimal x, int e) {
    return e >= 0
        ? x.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(e)))
        : x.divide(new BigDecimal(BigInteger.ONE.shiftLeft(-e)));
  }

  /** Reference: the largest e in [-1074, 1023] with c * 2^e <= floor((m - 1) / (2 n)). */
  static int referenceLargestExponent(double clip, BigInteger m, int maxClients) {
    BigDecimal limit = new BigDecimal(m.subtract(BigInteger.ONE).divide(BigInteger.valueOf(2L * maxClients)));
    BigDecimal c = new BigDecimal(clip);
    int lo = -1074; // c * 2^-1074 < 1 <= limit always holds
    int hi = 1024; // exclusive
    while (hi - lo > 1) {
      int mid = Math.floorDiv(lo + hi, 2);
      if (times2(c, mid).compareTo(limit) <= 0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Reference: B = ceil(c * 2^e). */
  static BigInteger referenceOffset(double clip, int e) {
    return times2(new BigDecimal(clip), e).setScale(0, RoundingMode.CEILING).toBigIntegerExact();
  }

  static final String ROUNDING_LABEL = "secagg/v1 keystream-quant-rounding";

  /** The rounding stream of {@code seed}, from the naive reference keystream. */
  static ReferenceKeystream roundingStream(byte[] seed) {
    return ReferenceKeystream.open(ROUNDING_LABEL, seed, new byte[0]);
  }

  /** The first {@code count} little-endian 64-bit words of the rounding stream of {@code seed}. */
  static long[] words(byte[] seed, int count) {
    ReferenceKeystream ks = roundingStream(seed);
    long[] w = new long[count];
    for (int i = 0; i < count; i++) {
      w[i] = ks.nextLittleEndian(8);
    }
    return w;
  }

  /** Result of the reference quantizer. */
  static final class Reference {
    final BigInteger[] values;
    final int clipped;
    final int wordsUsed;

    Reference(BigInteger[] values, int clipped, int wordsUsed) {
      this.values = values;
      this.clipped = clipped;
      this.wordsUsed = wordsUsed;
    }
  }

  static BigDecimal unsigned(long w) {
    return new BigDecimal(new BigInteger(Long.toUnsignedString(w)));
  }

  /**
   * Reference quantizer: U's binary expansion is the concatenation of the coordinate's words; the
   * words seen so far place U in an interval [lo, lo + width); round up once the interval lies
   * below f, down once it starts at or above f, otherwise draw an extension word (after all
   * primary words, in coordinate order).
   */
  static Reference quantize(double[] in, double clip, int e, BigInteger offset, long[] draws) {
    int n = in.length;
    BigInteger[] out = new BigInteger[n];
    BigDecimal[] fraction = new BigDecimal[n];
    BigDecimal[] lo = new BigDecimal[n];
    BigDecimal[] width = new BigDecimal[n];
    BigInteger[] floor = new BigInteger[n];
    int[] sign = new int[n];
    Boolean[] up = new Boolean[n];
    int clipped = 0;
    BigDecimal twoTo64 = new BigDecimal(TWO_64);
    for (int i = 0; i < n; i++) {
      double v = in[i];
      if (v > clip) {
        v = clip;
        clipped++;
      } else if (v < -clip) {
        v = -clip;
        clipped++;
      }
      sign[i] = v < 0 || (v == 0 && 1 / v < 0) ? -1 : 1;
      BigDecimal x = times2(new BigDecimal(Math.abs(v)), e);
      floor[i] = x.setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
      fraction[i] = x.subtract(new BigDecimal(floor[i]));
      width[i] = BigDecimal.ONE.divide(twoTo64);
      lo[i] = unsigned(draws[i]).multiply(width[i]);
      up[i] = decide(lo[i], width[i], fraction[i]);
    }
    int next = n;
    for (int i = 0; i < n; i++) {
      while (up[i] == null) {
        width[i] = width[i].divide(twoTo64);
        lo[i] = lo[i].add(unsigned(draws[next++]).multiply(width[i]));
        up[i] = decide(lo[i], width[i], fraction[i]);
      }
      BigInteger magnitude = floor[i].add(up[i] ? BigInteger.ONE : BigInteger.ZERO);
      out[i] = offset.add(sign[i] < 0 ? magnitude.negate() : magnitude);
    }
    return new Reference(out, clipped, next);
  }

  static Boolean decide(BigDecimal lo, BigDecimal width, BigDecimal f) {
    if (lo.add(width).compareTo(f) <= 0) {
      return Boolean.TRUE;
    }
    if (lo.compareTo(f) >= 0) {
      return Boolean.FALSE;
    }
    return null;
  }

  /** Reference decoder of one coordinate: clamp cyclically, then (S - nB) * 2^-e rounded. */
  static double decode(BigInteger s, int clients, BigInteger offset, int e, BigInteger m, boolean[] outOfRange) {
    BigInteger max = offset.shiftLeft(1).multiply(BigInteger.valueOf(clients));
    if (s.compareTo(max) > 0) {
      outOfRange[0] = true;
      s = s.subtract(max).compareTo(m.subtract(s)) <= 0 ? max : BigInteger.ZERO;
    }
    BigInteger t = s.subtract(offset.multiply(BigInteger.valueOf(clients)));
    return times2(new BigDecimal(t), -e).doubleValue();
  }
}
