package io.secagg.vectors.internal.he;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secagg.vectors.internal.CheckedFileGenerator;
import io.secagg.he.PlaintextOverflowException;
import java.math.BigInteger;
import java.util.Random;
import io.secagg.vectors.internal.VectorFiles;
import static io.secagg.vectors.internal.he.PackingVectors.*;
import io.secagg.he.packing.PackingLayout;

/** The generators of the files that {@link PackingVectors} checks (how each value was produced). */
final class PackingGenerators {
  private PackingGenerators() {}

  static final class Generator extends CheckedFileGenerator {
    Generator() {
      super(new PackingVectors.Checker());
    }

    @Override
    public ObjectNode generate() {
      ObjectNode file = newFile("Packing many quantized values into one Paillier plaintext (spec/paillier.md, Packing)");
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
        ObjectNode t = VectorFiles.newTest(tests, "pack " + count + " values", "Pack");
        t.put("operation", "pack");
        putLongs(t, "values", v);
        t.put("plaintext", l.pack(v, 0, count).toString());
        t.put("result", "valid");
        long[] ext = new long[count];
        for (int i = 0; i < count; i++) {
          ext[i] = i % 2 == 0 ? l.minValue() : l.maxValue();
        }
        t = VectorFiles.newTest(tests, "pack alternating extremes", "Pack", "Extremes");
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
        t = VectorFiles.newTest(tests, "sum of " + k + " extreme vectors (full headroom)", "SumOfK", "Extremes");
        t.put("operation", "unpack");
        t.put("plaintext", sum.toString());
        t.put("summands", k);
        t.put("count", count);
        putLongs(t, "values", sums);
        t.put("result", "valid");
        long[] bad = {l.maxValue() + 1};
        t = VectorFiles.newTest(tests, "value maxValue + 1", "OutOfRange");
        t.put("operation", "pack");
        putLongs(t, "values", bad);
        t.put("error", "IllegalArgumentException");
        t.put("result", "invalid");
        bad = new long[] {l.minValue() - 1};
        t = VectorFiles.newTest(tests, "value minValue - 1", "OutOfRange");
        t.put("operation", "pack");
        putLongs(t, "values", bad);
        t.put("error", "IllegalArgumentException");
        t.put("result", "invalid");
        long limit = ((1L << l.valueBits()) - 1) * 1;
        t = VectorFiles.newTest(tests, "slot 0 holds 2^valueBits with one summand", "SlotOverflow");
        t.put("operation", "unpack");
        t.put("plaintext", BigInteger.valueOf(limit + 1).toString());
        t.put("summands", 1);
        t.put("count", 1);
        t.put("error", "PlaintextOverflowException");
        t.put("result", "invalid");
        if (l.slotsPerCiphertext() > 1) {
          t = VectorFiles.newTest(tests, "unused slot 1 is not zero", "SlotOverflow");
          t.put("operation", "unpack");
          t.put("plaintext", BigInteger.ONE.shiftLeft(l.slotBits()).toString());
          t.put("summands", 1);
          t.put("count", 1);
          t.put("error", "PlaintextOverflowException");
          t.put("result", "invalid");
        }
        t = VectorFiles.newTest(tests, "bit above the last slot", "SlotOverflow");
        t.put("operation", "unpack");
        t.put("plaintext", BigInteger.ONE.shiftLeft(l.slotBits() * l.slotsPerCiphertext()).toString());
        t.put("summands", 1);
        t.put("count", 1);
        t.put("error", "PlaintextOverflowException");
        t.put("result", "invalid");
      }
      return VectorFiles.finish(file);
    }
  }
}
