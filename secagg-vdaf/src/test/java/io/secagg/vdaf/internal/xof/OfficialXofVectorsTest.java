package io.secagg.vdaf.internal.xof;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.secagg.core.testvectors.Vectors;
import io.secagg.vdaf.internal.field.Field128;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The draft's two XOF vectors, from the project's copies in {@code test-vectors/third_party/vdaf/}. */
class OfficialXofVectorsTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final Set<String> FIELDS =
      Set.of("binder", "derived_seed", "dst", "expanded_vec_field128", "length", "seed");

  private static JsonNode read(String name) {
    Path dir = Vectors.vectorDir().getParent().resolve("third_party").resolve("vdaf");
    JsonNode v = Vectors.read(dir.resolve(name));
    Vectors.onlyFields(v, FIELDS);
    return v;
  }

  private static byte[] hex(JsonNode v, String field) {
    return HEX.parseHex(v.get(field).asText());
  }

  @ParameterizedTest(name = "{0} matches the draft's vector")
  @EnumSource(TestXof.class)
  void matchesTheDraftVector(TestXof xof) {
    JsonNode v = read(xof.draftName() + ".json");
    byte[] seed = hex(v, "seed");
    byte[] dst = hex(v, "dst");
    byte[] binder = hex(v, "binder");
    assertArrayEquals(hex(v, "derived_seed"), xof.derivedSeed(seed, dst, binder));
    int n = v.get("length").asInt();
    long[] vec = xof.nextVec(seed, dst, binder, Field128.INSTANCE, n);
    assertEquals(n, Field128.INSTANCE.length(vec));
    assertArrayEquals(hex(v, "expanded_vec_field128"), Field128.INSTANCE.encode(vec));
  }

  @Test
  void xofFixedKeyAes128GivesTheDraftVectorReadInOddSizedPieces() {
    JsonNode v = read("XofFixedKeyAes128.json");
    byte[] seed = hex(v, "seed");
    byte[] dst = hex(v, "dst");
    byte[] binder = hex(v, "binder");
    int n = v.get("length").asInt();
    // Reading the stream in odd-sized pieces gives the same bytes.
    XofFixedKeyAes128 x = new XofFixedKeyAes128(seed, dst, binder);
    byte[] pieces = new byte[16 * n];
    int o = 0;
    for (int step = 1; o < pieces.length; step = step % 37 + 5) {
      int len = Math.min(step, pieces.length - o);
      x.next(pieces, o, len);
      o += len;
    }
    assertArrayEquals(hex(v, "expanded_vec_field128"), pieces);
  }

  @Test
  void rejectsSeedsAndTagsOfTheWrongSize() {
    assertThrows(IllegalArgumentException.class, () -> new XofFixedKeyAes128(new byte[15], new byte[0], new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> new XofTurboShake128(new byte[256], new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> new XofTurboShake128(new byte[32], new byte[65536]));
  }
}
