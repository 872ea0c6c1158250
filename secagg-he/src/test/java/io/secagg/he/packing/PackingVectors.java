package io.secagg.he.packing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secagg.core.testvectors.AbstractKnownAnswerTest;
import io.secagg.core.testvectors.VectorChecker;
import io.secagg.core.testvectors.VectorFileGenerator;
import io.secagg.core.testvectors.Vectors;
import io.secagg.he.PlaintextOverflowException;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Generator and checker of {@code paillier_packing_test.json}. */
public final class PackingVectors {
  private PackingVectors() {}

  private static PackingLayout layout(JsonNode g) {
    return PackingLayout.builder().modulusBits(Vectors.integer(g, "modulusBits")).valueBits(Vectors.integer(g, "valueBits"))
        .maxSummands(Vectors.integer(g, "maxSummands")).guardBits(Vectors.integer(g, "guardBits"))
        .signed(g.get("signed").asBoolean()).build();
  }

  private static long[] longs(JsonNode test, String name) {
    JsonNode a = test.get(name);
    if (a == null || !a.isArray()) {
      throw new AssertionError("missing array '" + name + "'");
    }
    long[] out = new long[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).asLong();
    }
    return out;
  }

  private static void putLongs(ObjectNode t, String name, long[] v) {
    ArrayNode a = t.putArray(name);
    for (long x : v) {
      a.add(x);
    }
  }

  /** The generator. */
  public static final class Generator implements VectorFileGenerator {
    /** Stateless apart from the group being checked. */
    public Generator() {}

    @Override
    public String fileName() {
      return "paillier_packing_test.json";
    }

    @Override
    public ObjectNode generate() {
      Map<String, String> notes = new LinkedHashMap<>();
      notes.put("Pack", "Values packed slot 0 lowest, each offset by 2^(valueBits-1) when signed.");
      notes.put("SumOfK", "A plaintext that is the sum of several packed vectors, unpacked with its summand count.");
      notes.put("Extremes", "Every value at the minimum or maximum of its range.");
      notes.put("OutOfRange", "A value outside the layout's range is rejected when packing.");
      notes.put("SlotOverflow", "A slot exceeds what the summands can produce, an unused slot or a bit above the last slot is set.");
      ObjectNode file = Vectors.newFile("PAILLIER-PACKING", "paillier_packing_test_schema_v1",
          "Packing many quantized values into one Paillier plaintext (spec/paillier.md, Packing)", notes);
      int[][] shapes = {{2048, 16, 100, 1, 1}, {2048, 8, 3, 0, 0}, {3072, 32, 1000, 2, 1}, {256, 4, 2, 1, 1}};
      Random r = new Random(20261127L);
      for (int[] s : shapes) {
        PackingLayout l = PackingLayout.builder().modulusBits(s[0]).valueBits(s[1]).maxSummands(s[2])
            .guardBits(s[3]).signed(s[4] == 1).build();
        ObjectNode g = ((ArrayNode) file.get("testGroups")).addObject();
        g.put("type", "PackingLayout");
        g.put("modulusBits", s[0]);
        g.put("valueBits", s[1]);
        g.put("maxSummands", s[2]);
        g.put("guardBits", s[3]);
        g.put("signed", s[4] == 1);
        g.put("slotBits", l.slotBits());
        g.put("slotsPerCiphertext", l.slotsPerCiphertext());
        ArrayNode tests = g.putArray("tests");
        int count = Math.min(l.slotsPerCiphertext(), 12);
        long[] v = new long[count];
        for (int i = 0; i < count; i++) {
          v[i] = l.minValue() + (long) (r.nextDouble() * (l.maxValue() - l.minValue() + 1));
        }
        ObjectNode t = Vectors.newTest(tests, "pack " + count + " values", "Pack");
        t.put("operation", "pack");
        putLongs(t, "values", v);
        t.put("plaintext", l.pack(v, 0, count).toString());
        t.put("result", "valid");
        long[] ext = new long[count];
        for (int i = 0; i < count; i++) {
          ext[i] = i % 2 == 0 ? l.minValue() : l.maxValue();
        }
        t = Vectors.newTest(tests, "pack alternating extremes", "Pack", "Extremes");
        t.put("operation", "pack");
        putLongs(t, "values", ext);
        t.put("plaintext", l.pack(ext, 0, count).toString());
        t.put("result", "valid");
        int k = l.maxSummands();
        BigInteger sum = BigInteger.ZERO;
        long[] sums = new long[count];
        for (int j = 0; j < k; j++) {
          sum = sum.add(l.pack(ext, 0, count));
          for (int i = 0; i < count; i++) {
            sums[i] += ext[i];
          }
        }
        t = Vectors.newTest(tests, "sum of " + k + " extreme vectors (full headroom)", "SumOfK", "Extremes");
        t.put("operation", "unpack");
        t.put("plaintext", sum.toString());
        t.put("summands", k);
        t.put("count", count);
        putLongs(t, "values", sums);
        t.put("result", "valid");
        long[] bad = {l.maxValue() + 1};
        t = Vectors.newTest(tests, "value maxValue + 1", "OutOfRange");
        t.put("operation", "pack");
        putLongs(t, "values", bad);
        t.put("result", "invalid");
        bad = new long[] {l.minValue() - 1};
        t = Vectors.newTest(tests, "value minValue - 1", "OutOfRange");
        t.put("operation", "pack");
        putLongs(t, "values", bad);
        t.put("result", "invalid");
        long limit = ((1L << l.valueBits()) - 1) * 1;
        t = Vectors.newTest(tests, "slot 0 holds 2^valueBits with one summand", "SlotOverflow");
        t.put("operation", "unpack");
        t.put("plaintext", BigInteger.valueOf(limit + 1).toString());
        t.put("summands", 1);
        t.put("count", 1);
        t.put("result", "invalid");
        if (l.slotsPerCiphertext() > 1) {
          t = Vectors.newTest(tests, "unused slot 1 is not zero", "SlotOverflow");
          t.put("operation", "unpack");
          t.put("plaintext", BigInteger.ONE.shiftLeft(l.slotBits()).toString());
          t.put("summands", 1);
          t.put("count", 1);
          t.put("result", "invalid");
        }
        t = Vectors.newTest(tests, "bit above the last slot", "SlotOverflow");
        t.put("operation", "unpack");
        t.put("plaintext", BigInteger.ONE.shiftLeft(l.slotBits() * l.slotsPerCiphertext()).toString());
        t.put("summands", 1);
        t.put("count", 1);
        t.put("result", "invalid");
      }
      return Vectors.finish(file);
    }
  }

  /** The checker: recomputes the layout and every plaintext from the spec's formulas. */
  public static final class Checker implements VectorChecker {
    /** Stateless apart from the group being checked. */
    public Checker() {}

    private static final Set<String> GROUP = Set.of("type", "modulusBits", "valueBits", "maxSummands", "guardBits",
        "signed", "slotBits", "slotsPerCiphertext", "tests");

    @Override
    public String algorithm() {
      return "PAILLIER-PACKING";
    }

    @Override
    public String schema() {
      return "paillier_packing_test_schema_v1";
    }

    @Override
    public void checkGroup(JsonNode g) {
      Vectors.onlyFields(g, GROUP);
      int k = Vectors.integer(g, "maxSummands");
      int ceilLog2 = k <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(k - 1);
      int w = Vectors.integer(g, "valueBits") + ceilLog2 + Vectors.integer(g, "guardBits");
      assertEquals(w, Vectors.integer(g, "slotBits"));
      assertEquals((Vectors.integer(g, "modulusBits") - 1) / w, Vectors.integer(g, "slotsPerCiphertext"));
      PackingLayout l = layout(g);
      assertEquals(w, l.slotBits());
      assertEquals(Vectors.integer(g, "slotsPerCiphertext"), l.slotsPerCiphertext());
    }

    @Override
    public void checkTest(JsonNode g, JsonNode test) throws Exception {
      Set<String> fields = new HashSet<>(AbstractKnownAnswerTest.commonTestFields());
      fields.addAll(List.of("operation", "values", "plaintext", "summands", "count"));
      Vectors.onlyFields(test, fields);
      PackingLayout l = layout(g);
      int w = l.slotBits();
      long offset = g.get("signed").asBoolean() ? 1L << (Vectors.integer(g, "valueBits") - 1) : 0;
      String op = Vectors.text(test, "operation");
      if (op.equals("pack")) {
        long[] v = longs(test, "values");
        if (!Vectors.isValid(test)) {
          Vectors.expectInvalid(IllegalArgumentException.class, () -> l.pack(v, 0, v.length));
          return;
        }
        BigInteger expected = BigInteger.ZERO;
        for (int i = v.length - 1; i >= 0; i--) {
          expected = expected.shiftLeft(w).add(BigInteger.valueOf(v[i] + offset));
        }
        assertEquals(expected, Vectors.bigInteger(test, "plaintext"));
        assertEquals(expected, l.pack(v, 0, v.length));
        long[] back = new long[v.length];
        l.unpack(expected, 1, v.length, back, 0);
        assertArrayEquals(v, back);
      } else if (op.equals("unpack")) {
        BigInteger m = Vectors.bigInteger(test, "plaintext");
        int summands = Vectors.integer(test, "summands");
        int count = Vectors.integer(test, "count");
        long[] out = new long[count];
        if (!Vectors.isValid(test)) {
          Vectors.expectInvalid(PlaintextOverflowException.class, () -> l.unpack(m, summands, count, out, 0));
          return;
        }
        long[] expected = new long[count];
        for (int i = 0; i < count; i++) {
          expected[i] = m.shiftRight(i * w).and(BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE)).longValueExact()
              - summands * offset;
        }
        assertArrayEquals(expected, longs(test, "values"));
        l.unpack(m, summands, count, out, 0);
        assertArrayEquals(expected, out);
      } else {
        throw new AssertionError("unknown operation " + op);
      }
    }
  }
}
