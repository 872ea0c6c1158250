package io.secagg.vectors.internal.he;

import static io.secagg.vectors.internal.Expect.assertArrayEquals;
import static io.secagg.vectors.internal.Expect.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secagg.vectors.internal.NamedVectorChecker;
import io.secagg.vectors.internal.Mismatch;
import io.secagg.vectors.internal.Vectors;
import io.secagg.he.PlaintextOverflowException;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import io.secagg.he.packing.PackingLayout;

/** Generator and checker of {@code paillier_packing_test.json}. */
public final class PackingVectors {
  private PackingVectors() {}

  static PackingLayout layout(JsonNode g) {
    return PackingLayout.builder().modulusBits(Vectors.integer(g, "modulusBits")).valueBits(Vectors.integer(g, "valueBits"))
        .maxSummands(Vectors.integer(g, "maxSummands")).guardBits(Vectors.integer(g, "guardBits"))
        .signed(g.get("signed").asBoolean()).build();
  }

  static long[] longs(JsonNode test, String name) {
    JsonNode a = test.get(name);
    if (a == null || !a.isArray()) {
      throw new Mismatch("missing array '" + name + "'");
    }
    long[] out = new long[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).asLong();
    }
    return out;
  }

  static void putLongs(ObjectNode t, String name, long[] v) {
    ArrayNode a = t.putArray(name);
    for (long x : v) {
      a.add(x);
    }
  }

  /** The generator. */
  /** The checker: recomputes the layout and every plaintext from the spec's formulas. */
  public static final class Checker extends NamedVectorChecker {
    private static final Set<String> GROUP = Set.of("type", "modulusBits", "valueBits", "maxSummands", "guardBits",
        "signed", "slotBits", "slotsPerCiphertext", "tests");

    /** Stateless apart from the group being checked. */
    public Checker() {
      super("paillier_packing_test.json", "PAILLIER-PACKING", "paillier_packing_test_schema_v1.json");
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
      Set<String> fields = new HashSet<>(Vectors.COMMON_TEST_FIELDS);
      fields.addAll(List.of("operation", "values", "plaintext", "summands", "count"));
      Vectors.onlyFields(test, fields);
      PackingLayout l = layout(g);
      int w = l.slotBits();
      long offset = g.get("signed").asBoolean() ? 1L << (Vectors.integer(g, "valueBits") - 1) : 0;
      String op = Vectors.text(test, "operation");
      if (op.equals("pack")) {
        long[] v = longs(test, "values");
        if (!Vectors.isValid(test)) {
          Vectors.expectNamedError(test, () -> l.pack(v, 0, v.length), IllegalArgumentException.class);
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
          Vectors.expectNamedError(test, () -> l.unpack(m, summands, count, out, 0), PlaintextOverflowException.class);
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
        throw new Mismatch("unknown operation " + op);
      }
    }
  }
}
