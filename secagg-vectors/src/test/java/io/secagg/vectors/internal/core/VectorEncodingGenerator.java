package io.secagg.vectors.internal.core;

import static io.secagg.vectors.internal.core.VectorEncodingChecker.*;
import static io.secagg.vectors.internal.Vectors.bytes;
import static io.secagg.vectors.internal.Vectors.hex;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.vectors.internal.CheckedFileGenerator;
import java.util.Arrays;
import io.secagg.vectors.internal.VectorFiles;
import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;
import io.secagg.core.vector.VectorEncodingException;

/** Generator of the file that {@link VectorEncodingChecker} checks (how each value was produced). */
final class VectorEncodingGenerator extends CheckedFileGenerator {
  VectorEncodingGenerator() {
    super(new VectorEncodingChecker());
  }

  @Override
  public ObjectNode generate() {
    ObjectNode file =
        newFile("Z_m vector wire encoding: each element as exactly w = ceil(bitLength(m-1)/8)"
                + " bytes, little-endian, concatenated in order (spec/secagg.md, section 1)."
                + " Elements are decimal strings; random elements are drawn as 64-bit values from"
                + " DeterministicRandom.forTestVectorsOnly(" + SEED + ") and reduced mod m."
                + " Invalid cases give the expected length and the bytes that decode must reject.");
    DeterministicRandom r = DeterministicRandom.forTestVectorsOnly(SEED);
    ArrayNode groups = (ArrayNode) file.get("testGroups");
    for (Modulus m : MODULI) {
      ObjectNode group = groups.addObject();
      group.put("type", "VectorEncodingTest");
      group.put("modulus", m.value().toString());
      group.put("bits", m.bits());
      group.put("byteWidth", m.byteWidth());
      ArrayNode tests = group.putArray("tests");
      int w = m.byteWidth();

      valid(tests, m, new long[0], "empty vector", "Empty");
      valid(tests, m, new long[] {0, 1, m.maxElement()}, "0, 1 and m - 1", "EdgeValues");
      long[] random = new long[7];
      for (int i = 0; i < random.length; i++) {
        random[i] = reduce(r.nextLong(), m);
      }
      valid(tests, m, random, "seven random elements", "Random");

      byte[] two = ModVector.of(m, new long[] {1, m.maxElement()}).encode();
      invalid(tests, 2, Arrays.copyOf(two, two.length - 1), "one byte short", "WrongLength");
      invalid(tests, 2, Arrays.copyOf(two, two.length + 1), "one byte extra", "WrongLength");
      invalid(tests, 0, new byte[w], "bytes for a vector of length 0", "WrongLength");

      if (!m.isPowerOfTwo()) {
        byte[] atM = two.clone();
        writeLe(atM, w, w, m.longValueExact());
        invalid(tests, 2, atM, "second element equals m", "ElementNotBelowModulus");
        byte[] allOnes = two.clone();
        Arrays.fill(allOnes, 0, w, (byte) 0xff);
        invalid(tests, 2, allOnes, "first element has all w bytes 0xff", "ElementNotBelowModulus");
      } else if (m.bits() % 8 != 0) {
        byte[] high = two.clone();
        high[w - 1] |= (byte) (1 << (m.bits() % 8));
        invalid(tests, 2, high, "first element has bit b set", "HighBitsSet");
        byte[] top = two.clone();
        top[2 * w - 1] |= (byte) 0x80;
        invalid(tests, 2, top, "second element has the top bit of its last byte set", "HighBitsSet");
      }
      invalid(tests, ModVector.MAX_LENGTH + 1, new byte[0], "length 2^27 + 1", "LengthOutOfRange");
      invalid(tests, -1, new byte[0], "length -1", "LengthOutOfRange");
    }
    return VectorFiles.finish(file);
  }

  private static void writeLe(byte[] out, int off, int w, long x) {
    for (int k = 0; k < w; k++) {
      out[off + k] = (byte) (x >>> (8 * k));
    }
  }

  private static void valid(ArrayNode tests, Modulus m, long[] elements, String comment, String flag) {
    ObjectNode t = VectorFiles.newTest(tests, comment, flag);
    t.put("length", elements.length);
    ArrayNode e = t.putArray("elements");
    for (long x : elements) {
      e.add(Long.toUnsignedString(x));
    }
    t.put("encoded", hex(ModVector.of(m, elements).encode()));
    t.put("result", "valid");
  }

  private static void invalid(ArrayNode tests, int length, byte[] encoded, String comment, String flag) {
    ObjectNode t = VectorFiles.newTest(tests, comment, flag);
    t.put("length", length);
    t.putArray("elements");
    t.put("encoded", hex(encoded));
    t.put("error", flag.equals("LengthOutOfRange") ? "IllegalArgumentException" : "VectorEncodingException");
    t.put("result", "invalid");
  }

  /** An element of Z_m from an arbitrary 64-bit value. */
  private static long reduce(long x, Modulus m) {
    long max = m.maxElement();
    return max == -1L ? x : Long.remainderUnsigned(x, max + 1);
  }
}
