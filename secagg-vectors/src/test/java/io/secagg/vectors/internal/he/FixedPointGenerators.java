package io.secagg.vectors.internal.he;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secagg.vectors.internal.CheckedFileGenerator;
import io.secagg.he.PaillierPublicKey;
import io.secagg.he.PlaintextOverflowException;
import java.math.BigDecimal;
import java.math.BigInteger;
import io.secagg.vectors.internal.VectorFiles;
import static io.secagg.vectors.internal.he.FixedPointVectors.*;
import io.secagg.he.encoding.FixedPointEncoder;

/** The generators of the files that {@link FixedPointVectors} checks (how each value was produced). */
final class FixedPointGenerators {
  private FixedPointGenerators() {}

  static final class Generator extends CheckedFileGenerator {
    Generator() {
      super(new FixedPointVectors.Checker());
    }

    @Override
    public ObjectNode generate() throws Exception {
      ObjectNode file = newFile("Signed fixed-point encoding with a public, per-context exponent (spec/paillier.md, Encodings)");
      PaillierPublicKey pk = HeTestKeys.vectorKey().publicKey();
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
        ObjectNode t = VectorFiles.newTest(tests, "encode " + v[0], v[1]);
        t.put("operation", "encode");
        t.put("value", v[0]);
        t.put("plaintext", enc.encode(x).toString());
        t.put("decoded", enc.decode(enc.encode(x)).toPlainString());
        t.put("result", "valid");
      }
      BigInteger bound = enc.maxScaledMagnitude();
      for (BigInteger s : new BigInteger[] {bound, bound.negate()}) {
        ObjectNode t = VectorFiles.newTest(tests, "decode the scaled extreme " + (s.signum() < 0 ? "-B" : "B"), "Decode");
        t.put("operation", "decode");
        t.put("plaintext", s.mod(n).toString());
        t.put("decoded", new BigDecimal(s).divide(BigDecimal.valueOf(1L << F)).stripTrailingZeros().toPlainString());
        t.put("result", "valid");
      }
      BigDecimal tooBig = new BigDecimal(bound.add(BigInteger.ONE)).divide(BigDecimal.valueOf(1L << F));
      for (BigDecimal x : new BigDecimal[] {tooBig, tooBig.negate()}) {
        ObjectNode t = VectorFiles.newTest(tests, "encode (B + 1) / 2^f" + (x.signum() < 0 ? ", negated" : ""), "Overflow");
        t.put("operation", "encode");
        t.put("value", x.toPlainString());
        t.put("error", "IllegalArgumentException");
        t.put("result", "invalid");
      }
      for (BigInteger m : new BigInteger[] {bound.add(BigInteger.ONE), n.subtract(bound).subtract(BigInteger.ONE),
          n.shiftRight(1)}) {
        ObjectNode t = VectorFiles.newTest(tests, "decode a plaintext in the overflow band", "Overflow");
        t.put("operation", "decode");
        t.put("plaintext", m.toString());
        t.put("error", "PlaintextOverflowException");
        t.put("result", "invalid");
      }
      return VectorFiles.finish(file);
    }
  }
}
