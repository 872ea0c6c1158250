package io.secagg.vectors.internal.core;

import static io.secagg.vectors.internal.core.PrgAes128CtrChecker.*;
import static io.secagg.vectors.internal.Vectors.bytes;
import static io.secagg.vectors.internal.Vectors.hex;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.vectors.internal.CheckedFileGenerator;
import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import io.secagg.vectors.internal.VectorFiles;

/** Generator of the file that {@link PrgAes128CtrChecker} checks (how each value was produced). */
final class PrgAes128CtrGenerator extends CheckedFileGenerator {
  PrgAes128CtrGenerator() {
    super(new PrgAes128CtrChecker());
  }

  @Override
  public ObjectNode generate() throws Exception {
    ObjectNode file =
        newFile("Mask expansion (spec/secagg.md, section 1): OKM = HKDF-SHA256(salt = empty, IKM"
                + " = seed, info = ASCII(\"secagg/v1 keystream-mask\") || 0x00 || context, 24); key ="
                + " OKM[0..16), iv = OKM[16..24) || 00*8 (64-bit big-endian block counter)."
                + " AES-128-CTR keystream is cut into little-endian words of wordBytes bytes; the"
                + " candidate is the low candidateBits bits; candidates >= m are rejected."
                + " 'firstElements' lists the first min(L, " + LISTED + ") elements (decimal);"
                + " 'maskSha256' is SHA-256 of the whole mask in the wire encoding of"
                + " vector_encoding_test.json; 'rejected' counts rejected candidates. Random seeds"
                + " and contexts are drawn, in file order, from"
                + " DeterministicRandom.forTestVectorsOnly(" + SEED + ").");
    DeterministicRandom r = DeterministicRandom.forTestVectorsOnly(SEED);
    ArrayNode groups = (ArrayNode) file.get("testGroups");
    byte[] exampleSeed = new byte[32];
    for (int i = 0; i < 32; i++) {
      exampleSeed[i] = (byte) i;
    }
    byte[] exampleContext = "secagg example".getBytes(StandardCharsets.US_ASCII);

    for (int g = 0; g < MODULI.length; g++) {
      Modulus m = Modulus.parse(MODULI[g]);
      ObjectNode group = groups.addObject();
      group.put("type", "PrgTest");
      group.put("modulus", m.value().toString());
      group.put("candidateBits", m.bits());
      group.put("wordBytes", m.bits() <= 32 ? 4 : 8);
      ArrayNode tests = group.putArray("tests");
      String mc = MODULUS_COMMENTS[g];
      if (m.equals(Modulus.powerOfTwo(32)) || m.equals(Modulus.of(11))) {
        valid(tests, m, exampleSeed, exampleContext, 8, mc + ": worked example", "WorkedExample");
      }
      valid(tests, m, draw(r, 32), draw(r, 16), 0, mc + ": L = 0", "Random", "EmptyMask");
      valid(tests, m, draw(r, 32), draw(r, 16), 1, mc + ": L = 1", "Random");
      valid(tests, m, draw(r, 32), new byte[0], 24, mc + ": L = 24, empty context", "Random", "EmptyContext");
      valid(tests, m, draw(r, 32), draw(r, 32), 1000, mc + ": L = 1000", "Random");
      valid(tests, m, draw(r, 32), draw(r, 1024), 100, mc + ": L = 100, 1024-byte context", "Random", "MaxContext");
      valid(tests, m, draw(r, 32), draw(r, 24), 20_000, mc + ": L = 20000", "Random", "MultiChunk");

      invalidSeed(tests, m, draw(r, 31), draw(r, 16), "31-byte seed");
      invalidSeed(tests, m, draw(r, 33), draw(r, 16), "33-byte seed");
      invalidSeed(tests, m, new byte[0], draw(r, 16), "empty seed");
      invalid(tests, draw(r, 32), draw(r, 16), ModVector.MAX_LENGTH + 1, "L = 2^27 + 1", "InvalidLength");
      invalid(tests, draw(r, 32), draw(r, 16), -1, "L = -1", "InvalidLength");
      invalid(tests, draw(r, 32), draw(r, 1025), 16, "1025-byte context", "InvalidContext");
    }

    ObjectNode bad = groups.addObject();
    bad.put("type", "InvalidModulusTest");
    bad.put("modulus", "4611686018427387905");
    ArrayNode tests = bad.putArray("tests");
    invalid(tests, draw(r, 32), draw(r, 16), 16, "m = 2^62 + 1, above the general range", "InvalidModulus");
    for (String[] m :
        new String[][] {
          {"1", "m = 1"}, {"0", "m = 0"}, {"18446744073709551615", "m = 2^64 - 1"},
          {"36893488147419103232", "m = 2^65"}
        }) {
      ObjectNode g = groups.addObject();
      g.put("type", "InvalidModulusTest");
      g.put("modulus", m[0]);
      invalid(g.putArray("tests"), draw(r, 32), draw(r, 16), 16, m[1], "InvalidModulus");
    }
    return VectorFiles.finish(file);
  }

  private static byte[] draw(DeterministicRandom r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  private static void valid(
      ArrayNode tests, Modulus m, byte[] seed, byte[] context, int length, String comment,
      String... flags)
      throws Exception {
    ReferencePrg.Result ref = ReferencePrg.expand(seed, context, m, length);
    String[] allFlags = flags;
    if (ref.rejected > 0) {
      allFlags = Arrays.copyOf(flags, flags.length + 1);
      allFlags[flags.length] = "Rejection";
    }
    ObjectNode t = VectorFiles.newTest(tests, comment, allFlags);
    t.put("seed", hex(seed));
    t.put("context", hex(context));
    t.put("length", length);
    t.put("key", hex(ref.key));
    t.put("iv", hex(ref.iv));
    t.put("rejected", ref.rejected);
    ArrayNode first = t.putArray("firstElements");
    for (int i = 0; i < Math.min(length, LISTED); i++) {
      first.add(Long.toUnsignedString(ref.elements[i]));
    }
    t.put("maskSha256", hex(sha256(ModVector.of(m, ref.elements).encode())));
    t.put("result", "valid");
  }

  private static void invalidSeed(ArrayNode tests, Modulus m, byte[] seed, byte[] context, String comment) {
    invalid(tests, seed, context, 16, comment, "InvalidSeed");
  }

  private static void invalid(
      ArrayNode tests, byte[] seed, byte[] context, int length, String comment, String flag) {
    ObjectNode t = VectorFiles.newTest(tests, comment, flag);
    t.put("seed", hex(seed));
    t.put("context", hex(context));
    t.put("length", length);
    t.put("key", "");
    t.put("iv", "");
    t.put("rejected", 0);
    t.putArray("firstElements");
    t.put("maskSha256", "");
    t.put("error", "IllegalArgumentException");
    t.put("result", "invalid");
  }
}