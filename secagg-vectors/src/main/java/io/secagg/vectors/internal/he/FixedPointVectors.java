package io.secagg.vectors.internal.he;

import static io.secagg.vectors.internal.Expect.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.secagg.vectors.internal.NamedVectorChecker;
import io.secagg.vectors.internal.Mismatch;
import io.secagg.vectors.internal.Vectors;
import io.secagg.he.PaillierPublicKey;
import io.secagg.he.PlaintextOverflowException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Set;
import io.secagg.he.encoding.FixedPointEncoder;

/** Generator and checker of {@code paillier_fixedpoint_test.json}. */
public final class FixedPointVectors {
  static final int F = 16;

  private FixedPointVectors() {}

  /** The generator. */
  /** The checker. */
  public static final class Checker extends NamedVectorChecker {
    private static final Set<String> FIELDS = Vectors.testFields("operation", "value", "plaintext", "decoded");

    /** Stateless apart from the group being checked. */
    public Checker() {
      super("paillier_fixedpoint_test.json", "PAILLIER-FIXEDPOINT", "paillier_fixedpoint_test_schema_v1.json");
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
          Vectors.expectNamedError(test, () -> enc.encode(x), IllegalArgumentException.class);
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
          Vectors.expectNamedError(test, () -> enc.decode(m), PlaintextOverflowException.class);
          return;
        }
        BigInteger s = m.compareTo(bound) <= 0 ? m : m.subtract(n);
        BigDecimal expected = new BigDecimal(s).divide(new BigDecimal(BigInteger.ONE.shiftLeft(f)));
        assertEquals(0, expected.compareTo(new BigDecimal(Vectors.text(test, "decoded"))));
        assertEquals(0, expected.compareTo(enc.decode(m)));
      } else {
        throw new Mismatch("unknown operation " + op);
      }
    }
  }
}
