package io.secagg.vectors.internal.core;

import static io.secagg.vectors.internal.Vectors.bytes;
import static io.secagg.vectors.internal.Vectors.integer;
import static io.secagg.vectors.internal.Vectors.isValid;
import static io.secagg.vectors.internal.Vectors.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.secagg.core.crypto.SecretBytes;
import io.secagg.vectors.internal.NamedVectorChecker;
import io.secagg.vectors.internal.Mismatch;
import io.secagg.vectors.internal.Vectors;
import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Set;
import io.secagg.core.prg.AesCtrMaskGenerator;
import io.secagg.core.prg.MaskGenerator;

/**
 * Generator and checker of {@code prg_aes128ctr_test.json}: seed-to-mask expansion (spec: "Mask
 * expansion (PRG)"). Expected values come from {@link ReferencePrg}, a literal transcription of the
 * spec; the checker holds the production {@link AesCtrMaskGenerator} (both {@code expand} and the
 * streaming {@code addMask}) and the reference to them.
 */
public final class PrgAes128CtrChecker extends NamedVectorChecker {
  static final String ALGORITHM = "SECAGG-PRG-AES128CTR-HKDF";
  static final String SCHEMA = "prg_aes128ctr_test_schema_v1.json";
  static final long SEED = 0x5052474145534354L; // "PRGAESCT"
  /** At most this many elements are listed; the whole mask is covered by the hash. */
  static final int LISTED = 24;

  static final Set<String> GROUP_FIELDS =
      Set.of("type", "modulus", "candidateBits", "wordBytes", "tests");
  static final Set<String> INVALID_GROUP_FIELDS = Set.of("type", "modulus", "tests");
  static final Set<String> TEST_FIELDS =
      Vectors.testFields("seed", "context", "length", "key", "iv", "rejected", "firstElements", "maskSha256");

  static final String[] MODULI = {
    "2^32", "2^64", "2^13", "4611686018427387847", "2305843009213693953", "1000003", "11",
  };
  static final String[] MODULUS_COMMENTS = {
    "2^32, the usual SecAgg modulus",
    "2^64, full 8-byte words",
    "2^13, 13-bit candidates from 4-byte words",
    "2^62 - 57, odd, rejection probability 57 / 2^62",
    "2^61 + 1, odd, rejection probability just under 1/2",
    "1000003, odd prime, 20-bit candidates",
    "11, small odd, 4-bit candidates, rejection probability 5/16",
  };

  public PrgAes128CtrChecker() {
    super("prg_aes128ctr_test.json", ALGORITHM, SCHEMA);
  }

  @Override
  public void checkGroup(JsonNode group) {
    String type = text(group, "type");
    if ("InvalidModulusTest".equals(type)) {
      Vectors.onlyFields(group, INVALID_GROUP_FIELDS);
      text(group, "modulus");
      return;
    }
    if (!"PrgTest".equals(type)) {
      throw new Mismatch("unknown group type " + type);
    }
    Vectors.onlyFields(group, GROUP_FIELDS);
    Modulus m = Modulus.parse(text(group, "modulus"));
    if (m.bits() != integer(group, "candidateBits")) {
      throw new Mismatch("candidateBits is not bitLength(m - 1)");
    }
    if (integer(group, "wordBytes") != (m.bits() <= 32 ? 4 : 8)) {
      throw new Mismatch("wordBytes does not follow from candidateBits");
    }
  }

  @Override
  public void checkTest(JsonNode group, JsonNode test) throws Exception {
    Vectors.onlyFields(test, TEST_FIELDS);
    byte[] seed = bytes(test, "seed");
    byte[] context = bytes(test, "context");
    int length = integer(test, "length");
    String modulusText = text(group, "modulus");
    if (!isValid(test)) {
      Vectors.expectNamedError(test, () -> AesCtrMaskGenerator.create(Modulus.parse(modulusText), length).expand(SecretBytes.copyOf(seed), context), IllegalArgumentException.class);
      return;
    }
    Modulus m = Modulus.parse(modulusText);

    ReferenceKeystream ks = ReferenceKeystream.open("secagg/v1 keystream-mask", seed, context);
    check(Arrays.equals(bytes(test, "key"), ks.key()), "key");
    check(Arrays.equals(bytes(test, "iv"), ks.iv()), "iv");

    MaskGenerator g = AesCtrMaskGenerator.create(m, length);
    ModVector mask = g.expand(SecretBytes.copyOf(seed), context);
    ModVector streamed = ModVector.zeros(m, length);
    g.addMask(SecretBytes.copyOf(seed), context, streamed);
    check(mask.equals(streamed), "addMask into zeros differs from expand");

    JsonNode first = test.get("firstElements");
    check(first.size() == Math.min(length, LISTED), "firstElements size");
    for (int i = 0; i < first.size(); i++) {
      check(Long.parseUnsignedLong(first.get(i).asText()) == mask.get(i), "element " + i);
    }
    check(Arrays.equals(bytes(test, "maskSha256"), sha256(mask.encode())), "maskSha256");

    ReferencePrg.Result ref = ReferencePrg.expand(seed, context, m, length);
    check(ref.rejected == test.get("rejected").asLong(), "rejected count");
    check(Arrays.equals(ref.elements, mask.toLongArray()), "reference disagrees with the vector");
  }

  static void check(boolean ok, String what) {
    if (!ok) {
      throw new Mismatch(what + " does not match");
    }
  }

  static byte[] sha256(byte[] data) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(data);
  }
}
