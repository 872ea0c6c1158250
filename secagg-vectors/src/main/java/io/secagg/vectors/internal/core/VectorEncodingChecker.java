package io.secagg.vectors.internal.core;

import static io.secagg.vectors.internal.Vectors.bytes;
import static io.secagg.vectors.internal.Vectors.hex;
import static io.secagg.vectors.internal.Vectors.integer;
import static io.secagg.vectors.internal.Vectors.isValid;
import static io.secagg.vectors.internal.Vectors.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.secagg.vectors.internal.NamedVectorChecker;
import io.secagg.vectors.internal.Mismatch;
import io.secagg.vectors.internal.Vectors;
import java.util.Arrays;
import java.util.Set;
import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;
import io.secagg.core.vector.VectorEncodingException;

/**
 * Generator and checker of {@code vector_encoding_test.json}: the packed little-endian wire
 * encoding of vectors over Z_m (spec: "Vectors over Z_m", wire encoding), valid encodings for both
 * modulus families and the malformed encodings a decoder must reject.
 */
public final class VectorEncodingChecker extends NamedVectorChecker {
  static final String ALGORITHM = "SECAGG-ZM-VECTOR-ENCODING";
  static final String SCHEMA = "vector_encoding_test_schema_v1.json";
  static final long SEED = 0x564543454e43L; // "VECENC"
  static final Set<String> GROUP_FIELDS = Set.of("type", "modulus", "bits", "byteWidth", "tests");
  static final Set<String> TEST_FIELDS = Vectors.testFields("length", "elements", "encoded");

  static final Modulus[] MODULI = {
    Modulus.powerOfTwo(1),
    Modulus.powerOfTwo(8),
    Modulus.powerOfTwo(13),
    Modulus.powerOfTwo(31),
    Modulus.powerOfTwo(32),
    Modulus.powerOfTwo(33),
    Modulus.powerOfTwo(63),
    Modulus.powerOfTwo(64),
    Modulus.of(3),
    Modulus.of(251),
    Modulus.of(1_000_003),
    Modulus.of((1L << 31) - 1),
    Modulus.of((1L << 32) - 5),
    Modulus.of((1L << 61) + 1),
    Modulus.of((1L << 62) - 57),
  };

  public VectorEncodingChecker() {
    super("vector_encoding_test.json", ALGORITHM, SCHEMA);
  }

  @Override
  public void checkGroup(JsonNode group) {
    Vectors.onlyFields(group, GROUP_FIELDS);
    if (!"VectorEncodingTest".equals(text(group, "type"))) {
      throw new Mismatch("unknown group type " + group.get("type"));
    }
    Modulus m = Modulus.parse(text(group, "modulus"));
    if (m.bits() != integer(group, "bits") || m.byteWidth() != integer(group, "byteWidth")) {
      throw new Mismatch("bits/byteWidth do not match the modulus " + m);
    }
  }

  @Override
  public void checkTest(JsonNode group, JsonNode test) throws VectorEncodingException {
    Vectors.onlyFields(test, TEST_FIELDS);
    Modulus m = Modulus.parse(text(group, "modulus"));
    int length = integer(test, "length");
    byte[] encoded = bytes(test, "encoded");
    if (!isValid(test)) {
      boolean lengthFlag = false;
      for (JsonNode f : test.get("flags")) {
        lengthFlag |= "LengthOutOfRange".equals(f.asText());
      }
      if (lengthFlag) {
        Vectors.expectNamedError(test, () -> ModVector.decode(m, length, encoded), IllegalArgumentException.class);
      } else {
        Vectors.expectNamedError(test, () -> ModVector.decode(m, length, encoded), VectorEncodingException.class);
      }
      return;
    }
    JsonNode e = test.get("elements");
    long[] elements = new long[e.size()];
    for (int i = 0; i < elements.length; i++) {
      elements[i] = Long.parseUnsignedLong(e.get(i).asText());
    }
    if (elements.length != length) {
      throw new Mismatch("length " + length + " but " + elements.length + " elements");
    }
    ModVector v = ModVector.of(m, elements);
    if (!Arrays.equals(encoded, v.encode())) {
      throw new Mismatch("encode gives " + hex(v.encode()));
    }
    if (!Arrays.equals(elements, ModVector.decode(m, length, encoded).toLongArray())) {
      throw new Mismatch("decode disagrees");
    }
  }
}
