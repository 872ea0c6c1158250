package io.secagg.vectors.internal.core;

import static io.secagg.vectors.internal.Expect.assertArrayEquals;
import static io.secagg.vectors.internal.Expect.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.core.crypto.SecretBytes;
import io.secagg.vectors.internal.NamedVectorChecker;
import io.secagg.vectors.internal.Mismatch;
import io.secagg.vectors.internal.Vectors;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import io.secagg.core.shamir.InvalidShareException;
import io.secagg.core.shamir.Reconstructor;
import io.secagg.core.shamir.ShamirScheme;
import io.secagg.core.shamir.Share;

/**
 * Checks {@code shamir_mersenne61_test.json}. Valid split cases are recomputed three ways: from
 * the recorded coefficients with the implementation, from the same coefficients with an
 * independent BigInteger model, and from the recorded seed through the coefficient sampler.
 * Invalid cases must throw the documented exception type, and for {@link InvalidShareException}
 * the recorded {@link InvalidShareException.Reason}.
 */
public final class ShamirVectorChecker extends NamedVectorChecker {
  static final String FILE = "shamir_mersenne61_test.json";
  static final String ALGORITHM = "SHAMIR-GF(2^61-1)-32B";
  static final String SCHEMA = "shamir_mersenne61_test_schema_v1.json";
  static final Set<String> GROUP_FIELDS = Set.of("type", "threshold", "shareCount", "tests");
  static final Set<String> SPLIT_VALID =
      Vectors.testFields("secret", "randomSeed", "chunks", "coefficients", "shares", "reconstructFrom",
          "reconstructed");
  static final Set<String> SPLIT_INVALID = Vectors.testFields("secret", "randomSeed");
  static final Set<String> RECONSTRUCT_VALID = Vectors.testFields("shares", "verify", "secret");
  static final Set<String> RECONSTRUCT_INVALID =
      Vectors.testFields("shares", "verify", "reason");

  /** A checker; stateless. */
  public ShamirVectorChecker() {
    super("shamir_mersenne61_test.json", ALGORITHM, SCHEMA);
  }

  @Override
  public void checkGroup(JsonNode group) {
    Vectors.onlyFields(group, GROUP_FIELDS);
    String type = Vectors.text(group, "type");
    if (!type.equals("ShamirSplitTest") && !type.equals("ShamirReconstructTest")) {
      throw new Mismatch("unknown group type " + type);
    }
    scheme(group);
  }

  static ShamirScheme scheme(JsonNode group) {
    return ShamirScheme.create(Vectors.integer(group, "threshold"), Vectors.integer(group, "shareCount"));
  }

  @Override
  public void checkTest(JsonNode group, JsonNode test) throws Exception {
    boolean valid = Vectors.isValid(test);
    if (Vectors.text(group, "type").equals("ShamirSplitTest")) {
      Vectors.onlyFields(test, valid ? SPLIT_VALID : SPLIT_INVALID);
      if (valid) {
        checkSplit(scheme(group), test);
      } else {
        SecretBytes secret = SecretBytes.copyOf(Vectors.bytes(test, "secret"));
        DeterministicRandom random =
            DeterministicRandom.forTestVectorsOnly(Vectors.bytes(test, "randomSeed"));
        Vectors.expectInvalid(exceptionType(test), () -> scheme(group).split(secret, random));
      }
    } else {
      Vectors.onlyFields(test, valid ? RECONSTRUCT_VALID : RECONSTRUCT_INVALID);
      checkReconstruct(scheme(group), test, valid);
    }
  }

  static void checkSplit(ShamirScheme scheme, JsonNode test) throws Exception {
    int t = scheme.threshold();
    byte[] secretBytes = Vectors.bytes(test, "secret");
    SecretBytes secret = SecretBytes.copyOf(secretBytes);
    byte[] seed = Vectors.bytes(test, "randomSeed");

    long[] chunks = elements(test.get("chunks"));
    assertArrayEquals(ShamirReference.chunks(secretBytes), chunks, "chunks");

    JsonNode rows = test.get("coefficients");
    assertEquals(Share.CHUNK_COUNT, rows.size(), "coefficient rows");
    long[][] coefficients = new long[Share.CHUNK_COUNT][];
    for (int k = 0; k < Share.CHUNK_COUNT; k++) {
      coefficients[k] = elements(rows.get(k));
      assertEquals(t - 1, coefficients[k].length, "coefficients of chunk " + k);
    }
    JsonNode expected = test.get("shares");
    assertEquals(scheme.shareCount(), expected.size(), "share count");
    // The library draws the coefficients from DRBG(randomSeed) (section 3.3). Its shares must
    // equal the recorded ones, which must equal the recorded coefficients' polynomials evaluated
    // by the reference: with n >= t points, that pins the coefficients the library drew.
    List<Share> fromSeed = scheme.split(secret, DeterministicRandom.forTestVectorsOnly(seed));
    for (int i = 0; i < expected.size(); i++) {
      String hex = expected.get(i).asText();
      assertEquals(hex, Vectors.hex(fromSeed.get(i).encode()), "share " + (i + 1) + " via seed");
      Share decoded = Share.decode(hexAt(expected, i));
      assertEquals(i + 1, decoded.x(), "x of share " + (i + 1));
      for (int k = 0; k < Share.CHUNK_COUNT; k++) {
        long[] poly = new long[t];
        poly[0] = chunks[k];
        System.arraycopy(coefficients[k], 0, poly, 1, t - 1);
        assertEquals(ShamirReference.evaluate(poly, i + 1), decoded.y(k), "reference y, chunk " + k);
      }
    }

    List<Share> chosen = new ArrayList<>();
    int[] xs = new int[test.get("reconstructFrom").size()];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = test.get("reconstructFrom").get(i).asInt();
      chosen.add(fromSeed.get(xs[i] - 1));
    }
    byte[] reconstructed = Vectors.bytes(test, "reconstructed");
    assertArrayEquals(secretBytes, reconstructed, "reconstructed equals secret");
    assertArrayEquals(reconstructed, scheme.reconstruct(chosen).toByteArray(), "reconstruct");
    assertArrayEquals(reconstructed, scheme.reconstructVerified(chosen).toByteArray(), "verified");
    assertArrayEquals(
        reconstructed, scheme.reconstructor(xs).reconstruct(chosen).toByteArray(), "cached");
  }

  static void checkReconstruct(ShamirScheme scheme, JsonNode test, boolean valid)
      throws Exception {
    JsonNode encoded = test.get("shares");
    boolean verify = test.get("verify").asBoolean();
    if (!test.get("verify").isBoolean()) {
      throw new Mismatch("'verify' must be a boolean");
    }
    Vectors.Body run =
        () -> {
          List<Share> shares = new ArrayList<>();
          for (int i = 0; i < encoded.size(); i++) {
            shares.add(Share.decode(hexAt(encoded, i)));
          }
          SecretBytes secret = verify ? scheme.reconstructVerified(shares) : scheme.reconstruct(shares);
          if (valid) {
            assertArrayEquals(Vectors.bytes(test, "secret"), secret.toByteArray(), "secret");
            int[] xs = shares.stream().mapToInt(Share::x).toArray();
            Reconstructor cached = scheme.reconstructor(xs);
            SecretBytes again = verify ? cached.reconstructVerified(shares) : cached.reconstruct(shares);
            assertEquals(secret, again, "cached reconstructor");
          }
        };
    if (valid) {
      run.run();
      return;
    }
    Class<? extends Throwable> type = exceptionType(test);
    Vectors.expectInvalid(type, run);
    InvalidShareException.Reason reason =
        InvalidShareException.Reason.valueOf(Vectors.text(test, "reason"));
    try {
      run.run();
    } catch (InvalidShareException e) {
      assertEquals(reason, e.reason(), "reason");
    }
  }

  static Class<? extends Throwable> exceptionType(JsonNode test) {
    String name = Vectors.text(test, "error");
    switch (name) {
      case "InvalidShareException":
        return InvalidShareException.class;
      case "IllegalArgumentException":
        return IllegalArgumentException.class;
      default:
        throw new Mismatch("unknown exception " + name);
    }
  }

  /** Element i of an array of lowercase hex strings. */
  static byte[] hexAt(JsonNode array, int i) {
    JsonNode v = array.get(i);
    if (v == null || !v.isTextual()) {
      throw new Mismatch("expected a hex string at index " + i);
    }
    return HexFormat.of().parseHex(v.asText());
  }

  /** An array of decimal strings, each a canonical field element. */
  static long[] elements(JsonNode array) {
    if (array == null || !array.isArray()) {
      throw new Mismatch("expected an array of decimal strings");
    }
    long[] out = new long[array.size()];
    for (int i = 0; i < out.length; i++) {
      if (!array.get(i).isTextual()) {
        throw new Mismatch("field elements are decimal strings");
      }
      out[i] = Long.parseLong(array.get(i).asText());
      if (out[i] < 0 || out[i] >= ShamirReference.P.longValueExact()) {
        throw new Mismatch("not a field element: " + array.get(i).asText());
      }
    }
    return out;
  }
}
