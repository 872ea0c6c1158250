package io.secagg.he.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secagg.core.testvectors.AbstractKnownAnswerTest;
import io.secagg.core.testvectors.VectorChecker;
import io.secagg.core.testvectors.VectorFileGenerator;
import io.secagg.core.testvectors.Vectors;
import io.secagg.he.PaillierPublicKey;
import io.secagg.he.PlaintextOverflowException;
import io.secagg.he.TestKeys;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Generator and checker of {@code paillier_fixedpoint_test.json}. */
public final class FixedPointVectors {
  private static final int F = 16;

  private FixedPointVectors() {}

  /** The generator. */
  public static final class Generator implements VectorFileGenerator {
    /** Stateless apart from the group being checked. */
    public Generator() {}

    @Override
    public String fileName() {
      return "paillier_fixedpoint_test.json";
    }

    @Override
    public ObjectNode generate() throws Exception {
      Map<String, String> notes = new LinkedHashMap<>();
      notes.put("Encode", "round(x * 2^f) half-even, negatives as n - |s|.");
      notes.put("Decode", "A plaintext in [0, B] or [n - B, n) decoded to s / 2^f, B = floor(n / 3).");
      notes.put("Rounding", "x * 2^f is not an integer and is rounded half-even.");
      notes.put("Overflow", "|x * 2^f| > B when encoding, or a plaintext in the band (B, n - B) when decoding.");
      ObjectNode file = Vectors.newFile("PAILLIER-FIXEDPOINT", "paillier_fixedpoint_test_schema_v1",
          "Signed fixed-point encoding with a public, per-context exponent (spec/paillier.md, Encodings)", notes);
      PaillierPublicKey pk = TestKeys.vectorKey().publicKey();
      BigInteger n = pk.modulus();
      FixedPointEncoder enc = FixedPointEncoder.create(pk, F);
      ObjectNode group = ((ArrayNode) file.get("testGroups")).addObject();
      group.put("type", "FixedPoint");
      group.put("n", n.toString());
      group.put("fractionalBits", F);
      group.put("bound", enc.maxScaledMagnitude().toString());
      ArrayNode tests = group.putArray("tests");
      String[][] values = {{"0", "Encode"}, {"1.5", "Encode"}, {"-1.5", "Encode"}, {"3.14159", "Rounding"},
          {"-2.00000762939453125", "Rounding"}, {"0.0000076293945312500", "Rounding"}, {"-0.0000001", "Rounding"}};
      for (String[] v : values) {
        BigDecimal x = new BigDecimal(v[0]);
        ObjectNode t = Vectors.newTest(tests, "encode " + v[0], v[1]);
        t.put("operation", "encode");
        t.put("value", v[0]);
        t.put("plaintext", enc.encode(x).toString());
        t.put("decoded", enc.decode(enc.encode(x)).toPlainString());
        t.put("result", "valid");
      }
      BigInteger bound = enc.maxScaledMagnitude();
      for (BigInteger s : new BigInteger[] {bound, bound.negate()}) {
        ObjectNode t = Vectors.newTest(tests, "decode the scaled extreme " + (s.signum() < 0 ? "-B" : "B"), "Decode");
        t.put("operation", "decode");
        t.put("plaintext", s.mod(n).toString());
        t.put("decoded", new BigDecimal(s).divide(BigDecimal.valueOf(1L << F)).stripTrailingZeros().toPlainString());
        t.put("result", "valid");
      }
      BigDecimal tooBig = new BigDecimal(bound.add(BigInteger.ONE)).divide(BigDecimal.valueOf(1L << F));
      for (BigDecimal x : new BigDecimal[] {tooBig, tooBig.negate()}) {
        ObjectNode t = Vectors.newTest(tests, "encode (B + 1) / 2^f" + (x.signum() < 0 ? ", negated" : ""), "Overflow");
        t.put("operation", "encode");
        t.put("value", x.toPlainString());
        t.put("result", "invalid");
      }
      for (BigInteger m : new BigInteger[] {bound.add(BigInteger.ONE), n.subtract(bound).subtract(BigInteger.ONE),
          n.shiftRight(1)}) {
        ObjectNode t = Vectors.newTest(tests, "decode a plaintext in the overflow band", "Overflow");
        t.put("operation", "decode");
        t.put("plaintext", m.toString());
        t.put("result", "invalid");
      }
      return Vectors.finish(file);
    }
  }

  /** The checker. */
  public static final class Checker implements VectorChecker {
    /** Stateless apart from the group being checked. */
    public Checker() {}

    private static final Set<String> FIELDS = fields("operation", "value", "plaintext", "decoded");

    static Set<String> fields(String... extra) {
      Set<String> s = new HashSet<>(AbstractKnownAnswerTest.commonTestFields());
      s.addAll(List.of(extra));
      return s;
    }

    @Override
    public String algorithm() {
      return "PAILLIER-FIXEDPOINT";
    }

    @Override
    public String schema() {
      return "paillier_fixedpoint_test_schema_v1";
    }

    @Override
    public void checkGroup(JsonNode group) {
      Vectors.onlyFields(group, Set.of("type", "n", "fractionalBits", "bound", "tests"));
      BigInteger n = Vectors.bigInteger(group, "n");
      assertEquals(n.divide(BigInteger.valueOf(3)), Vectors.bigInteger(group, "bound"));
    }

    @Override
    public void checkTest(JsonNode group, JsonNode test) throws Exception {
      Vectors.onlyFields(test, FIELDS);
      BigInteger n = Vectors.bigInteger(group, "n");
      int f = Vectors.integer(group, "fractionalBits");
      BigInteger bound = Vectors.bigInteger(group, "bound");
      FixedPointEncoder enc = FixedPointEncoder.create(PaillierPublicKey.fromModulus(n), f);
      String op = Vectors.text(test, "operation");
      if (op.equals("encode")) {
        BigDecimal x = new BigDecimal(Vectors.text(test, "value"));
        if (!Vectors.isValid(test)) {
          Vectors.expectInvalid(IllegalArgumentException.class, () -> enc.encode(x));
          return;
        }
        BigInteger s = x.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(f))).setScale(0, RoundingMode.HALF_EVEN)
            .toBigIntegerExact();
        BigInteger expected = s.mod(n);
        assertEquals(expected, Vectors.bigInteger(test, "plaintext"));
        assertEquals(expected, enc.encode(x));
        assertEquals(0, new BigDecimal(Vectors.text(test, "decoded")).compareTo(enc.decode(expected)));
      } else if (op.equals("decode")) {
        BigInteger m = Vectors.bigInteger(test, "plaintext");
        if (!Vectors.isValid(test)) {
          Vectors.expectInvalid(PlaintextOverflowException.class, () -> enc.decode(m));
          return;
        }
        BigInteger s = m.compareTo(bound) <= 0 ? m : m.subtract(n);
        BigDecimal expected = new BigDecimal(s).divide(new BigDecimal(BigInteger.ONE.shiftLeft(f)));
        assertEquals(0, expected.compareTo(new BigDecimal(Vectors.text(test, "decoded"))));
        assertEquals(0, expected.compareTo(enc.decode(m)));
      } else {
        throw new AssertionError("unknown operation " + op);
      }
    }
  }
}
