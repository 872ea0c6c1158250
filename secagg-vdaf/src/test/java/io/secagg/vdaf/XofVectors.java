package io.secagg.vdaf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.core.testvectors.AbstractKnownAnswerTest;
import io.secagg.core.testvectors.VectorChecker;
import io.secagg.core.testvectors.VectorFileGenerator;
import io.secagg.core.testvectors.Vectors;
import io.secagg.vdaf.internal.field.Field128;
import io.secagg.vdaf.internal.field.Field64;
import io.secagg.vdaf.internal.xof.TestXof;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

/**
 * Known answers for the two XOFs of the draft ({@code test-vectors/v1/vdaf_xof_test.json}) at the
 * edges the draft's two vectors leave out: empty and maximal seeds, long tags, output lengths
 * around TurboSHAKE128's 168-byte block and fixed-key AES's 16-byte blocks, field vectors of both
 * fields, and seeds or tags of an invalid length.
 */
final class XofVectors implements VectorChecker, VectorFileGenerator {
  private static final Set<String> GROUP_FIELDS = Set.of("type", "xof", "tests");
  private static final Set<String> TEST_FIELDS =
      Set.of("error", "seed", "dst", "dstLength", "binder", "outputLength", "output", "field64Length", "field64",
          "field128Length", "field128");

  @Override
  public String algorithm() {
    return "VDAF-XOF";
  }

  @Override
  public String schema() {
    return "vdaf_xof_test_schema_v1.json";
  }

  @Override
  public String fileName() {
    return "vdaf_xof_test.json";
  }

  @Override
  public void checkGroup(JsonNode group) {
    Vectors.onlyFields(group, GROUP_FIELDS);
    assertEquals("XofTest", Vectors.text(group, "type"), "group type");
    TestXof.byDraftName(Vectors.text(group, "xof"));
  }

  private static byte[] dst(JsonNode t) {
    return t.has("dstLength") ? new byte[Vectors.integer(t, "dstLength")] : Vectors.bytes(t, "dst");
  }

  private static Output run(String xof, byte[] seed, byte[] dst, byte[] binder, int outLen, int n64, int n128) {
    TestXof x = TestXof.byDraftName(xof);
    Output o = new Output();
    o.bytes = x.next(seed, dst, binder, outLen);
    o.f64 = Field64.INSTANCE.encode(x.nextVec(seed, dst, binder, Field64.INSTANCE, n64));
    o.f128 = Field128.INSTANCE.encode(x.nextVec(seed, dst, binder, Field128.INSTANCE, n128));
    return o;
  }

  private static final class Output {
    byte[] bytes;
    byte[] f64;
    byte[] f128;
  }

  @Override
  public void checkTest(JsonNode group, JsonNode test) {
    Set<String> allowed = new HashSet<>(AbstractKnownAnswerTest.commonTestFields());
    allowed.addAll(TEST_FIELDS);
    Vectors.onlyFields(test, allowed);
    String xof = Vectors.text(group, "xof");
    byte[] seed = Vectors.bytes(test, "seed");
    byte[] dst = dst(test);
    byte[] binder = Vectors.bytes(test, "binder");
    if (!Vectors.isValid(test)) {
      assertEquals("IllegalArgumentException", Vectors.text(test, "error"), "error");
      Vectors.expectInvalid(IllegalArgumentException.class, () -> run(xof, seed, dst, binder, 1, 1, 1));
      return;
    }
    Output o = run(xof, seed, dst, binder, Vectors.integer(test, "outputLength"), Vectors.integer(test, "field64Length"),
        Vectors.integer(test, "field128Length"));
    assertEquals(Vectors.text(test, "output"), Vectors.hex(o.bytes), "output");
    assertEquals(Vectors.text(test, "field64"), Vectors.hex(o.f64), "Field64 vector");
    assertEquals(Vectors.text(test, "field128"), Vectors.hex(o.f128), "Field128 vector");
  }

  @Override
  public ObjectNode generate() {
    ObjectNode file = Vectors.newFile("VDAF-XOF", schema(),
        "XofTurboShake128 and XofFixedKeyAes128 of draft-irtf-cfrg-vdaf-20 (spec/vdaf.md). Bytes are lowercase hex. output is next(outputLength)"
            + " from a fresh XOF; field64 and field128 are next_vec of field64Length / field128Length elements, each from a fresh XOF, encoded.",
        VectorNotes.load("vdaf_xof_test_notes.json"));
    ArrayNode groups = (ArrayNode) file.get("testGroups");
    SecureRandom random = DeterministicRandom.forTestVectorsOnly("vdaf_xof_test".getBytes(StandardCharsets.US_ASCII));

    ObjectNode ts = groups.addObject();
    ts.put("type", "XofTest");
    ts.put("xof", "XofTurboShake128");
    ArrayNode tt = ts.putArray("tests");
    valid(tt, "XofTurboShake128", "32-byte seed", bytes(random, 32), bytes(random, 12), bytes(random, 20), 64, random, "Normal");
    valid(tt, "XofTurboShake128", "empty seed, tag and binder", new byte[0], new byte[0], new byte[0], 32, random, "EmptyInputs");
    valid(tt, "XofTurboShake128", "255-byte seed", bytes(random, 255), bytes(random, 8), new byte[0], 32, random, "LongInputs");
    valid(tt, "XofTurboShake128", "300-byte tag, 500-byte binder", bytes(random, 32), bytes(random, 300), bytes(random, 500), 32, random, "LongInputs");
    for (int len : new int[] {167, 168, 169, 336, 337}) {
      valid(tt, "XofTurboShake128", "output of " + len + " bytes", bytes(random, 32), bytes(random, 8), bytes(random, 3), len, random, "BlockBoundary");
    }
    invalid(tt, "256-byte seed", bytes(random, 256), bytes(random, 8), -1, "InvalidSeedLength");
    invalid(tt, "65536-byte tag", bytes(random, 32), null, 65536, "InvalidDstLength");

    ObjectNode aes = groups.addObject();
    aes.put("type", "XofTest");
    aes.put("xof", "XofFixedKeyAes128");
    ArrayNode at = aes.putArray("tests");
    valid(at, "XofFixedKeyAes128", "16-byte seed", bytes(random, 16), bytes(random, 12), bytes(random, 16), 64, random, "Normal");
    valid(at, "XofFixedKeyAes128", "empty tag and binder", bytes(random, 16), new byte[0], new byte[0], 32, random, "EmptyInputs");
    for (int len : new int[] {15, 16, 17, 1023, 1024, 1025}) {
      valid(at, "XofFixedKeyAes128", "output of " + len + " bytes", bytes(random, 16), bytes(random, 8), bytes(random, 16), len, random, "BlockBoundary");
    }
    invalid(at, "15-byte seed", bytes(random, 15), bytes(random, 8), -1, "InvalidSeedLength");
    invalid(at, "32-byte seed", bytes(random, 32), bytes(random, 8), -1, "InvalidSeedLength");
    invalid(at, "65536-byte tag", bytes(random, 16), null, 65536, "InvalidDstLength");
    return Vectors.finish(file);
  }

  private static byte[] bytes(SecureRandom random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  private static void valid(ArrayNode tests, String xof, String comment, byte[] seed, byte[] dst, byte[] binder, int outLen,
      SecureRandom random, String flag) {
    int n64 = 1 + random.nextInt(30);
    int n128 = 1 + random.nextInt(30);
    Output o = run(xof, seed, dst, binder, outLen, n64, n128);
    ObjectNode t = Vectors.newTest(tests, comment, flag);
    t.put("seed", Vectors.hex(seed));
    t.put("dst", Vectors.hex(dst));
    t.put("binder", Vectors.hex(binder));
    t.put("outputLength", outLen);
    t.put("output", Vectors.hex(o.bytes));
    t.put("field64Length", n64);
    t.put("field64", Vectors.hex(o.f64));
    t.put("field128Length", n128);
    t.put("field128", Vectors.hex(o.f128));
    t.put("result", "valid");
  }

  private static void invalid(ArrayNode tests, String comment, byte[] seed, byte[] dst, int dstLength, String flag) {
    ObjectNode t = Vectors.newTest(tests, comment, flag);
    t.put("seed", Vectors.hex(seed));
    if (dst != null) {
      t.put("dst", Vectors.hex(dst));
    } else {
      t.put("dstLength", dstLength);
    }
    t.put("binder", "");
    t.put("error", "IllegalArgumentException");
    t.put("result", "invalid");
  }
}
