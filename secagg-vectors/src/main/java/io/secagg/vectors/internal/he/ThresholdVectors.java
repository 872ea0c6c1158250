package io.secagg.vectors.internal.he;

import static io.secagg.vectors.internal.Expect.assertEquals;
import static io.secagg.vectors.internal.Expect.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secagg.vectors.internal.NamedVectorChecker;
import io.secagg.vectors.internal.Vectors;
import io.secagg.he.Ciphertext;
import io.secagg.he.PaillierPublicKey;
import io.secagg.vectors.internal.ReplayRandom;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import io.secagg.he.threshold.InvalidPartialDecryptionException;
import io.secagg.he.threshold.KeyShare;
import io.secagg.he.threshold.PartialDecryption;
import io.secagg.he.threshold.ThresholdPublicKey;

/**
 * Generator and checker of {@code paillier_threshold_test.json}: a 2-of-3 key dealt from two
 * fixed 1024-bit safe primes with recorded coefficients, and partial decryptions with their
 * recorded proof nonces.
 */
public final class ThresholdVectors {
  static final int T = 2;
  static final int W = 3;

  private ThresholdVectors() {}

  /** A dealt key, as the library holds it: the public key and every party's share. */
  static final class Dealt {
    final ThresholdPublicKey publicKey;
    final KeyShare[] shares;

    Dealt(ThresholdPublicKey publicKey, KeyShare[] shares) {
      this.publicKey = publicKey;
      this.shares = shares;
    }

    KeyShare share(int i) {
      return shares[i - 1];
    }
  }

  /**
   * Section 9.1 step by step from the primes, the coefficients {@code a_1..a_(t-1)} and the unit
   * {@code x}, with plain {@link BigInteger} arithmetic; the library's objects are then parsed
   * from the section 10 encodings (type {@code 0x04} public key, type {@code 0x05} key shares), so
   * its decoders are checked too.
   */
  static Dealt deal(BigInteger p, BigInteger q, int t, int w, BigInteger[] coeffs, BigInteger x)
      throws Exception {
    BigInteger n = p.multiply(q);
    BigInteger m = p.shiftRight(1).multiply(q.shiftRight(1));
    BigInteger nm = n.multiply(m);
    BigInteger n2 = n.multiply(n);
    BigInteger d = m.multiply(m.modInverse(n));
    BigInteger v = x.multiply(x).mod(n2);
    BigInteger delta = PaillierSpec.factorial(w);
    BigInteger[] s = new BigInteger[w + 1];
    byte[] pub = PaillierVectors.concat(new byte[] {1, 4}, PaillierVectors.lengthPrefixed(n));
    pub = PaillierVectors.concat(pub, PaillierVectors.concat(PaillierSpec.u32(t), PaillierSpec.u32(w)));
    pub = PaillierVectors.concat(pub, PaillierVectors.lengthPrefixed(v));
    for (int i = 1; i <= w; i++) {
      BigInteger si = d;
      BigInteger xi = BigInteger.ONE;
      for (BigInteger a : coeffs) {
        xi = xi.multiply(BigInteger.valueOf(i));
        si = si.add(a.multiply(xi));
      }
      s[i] = si.mod(nm);
      pub = PaillierVectors.concat(pub, PaillierVectors.lengthPrefixed(v.modPow(delta.multiply(s[i]), n2)));
    }
    ThresholdPublicKey tpk = ThresholdPublicKey.fromBytes(pub);
    KeyShare[] shares = new KeyShare[w];
    for (int i = 1; i <= w; i++) {
      byte[] enc = PaillierVectors.concat(
          new byte[] {1, 5}, PaillierVectors.concat(PaillierSpec.u32(i), PaillierVectors.lengthPrefixed(s[i])));
      shares[i - 1] = KeyShare.fromBytes(tpk, enc);
    }
    return new Dealt(tpk, shares);
  }

  /** {@code B_r} of section 9.4: the bit length of a proof nonce. */
  static int nonceBits(ThresholdPublicKey tpk) {
    return tpk.delta().bitLength() + 2 * tpk.paillierKey().modulusBits() + 256 + 128;
  }

  static ObjectNode partialJson(ArrayNode arr, PartialDecryption pd, BigInteger r) {
    ObjectNode o = arr.addObject();
    o.put("index", pd.index());
    o.put("nonce", r.toString());
    o.put("value", pd.value().toString());
    o.put("challenge", pd.proofChallenge().toString());
    o.put("response", pd.proofResponse().toString());
    return o;
  }

  /** The generator. */
  /** The checker: re-deals from the recorded values and recomputes every partial decryption. */
  public static final class Checker extends NamedVectorChecker {
    private static final Set<String> GROUP = Set.of("type", "p", "q", "n", "threshold", "parties", "delta",
        "coefficients", "x", "v", "shares", "verificationKeys", "publicKey", "tests");
    private Dealt keys;

    /** Stateless apart from the group being checked. */
    public Checker() {
      super("paillier_threshold_test.json", "PAILLIER-THRESHOLD", "paillier_threshold_test_schema_v1.json");
    }

    @Override
    public void checkGroup(JsonNode g) throws Exception {
      Vectors.onlyFields(g, GROUP);
      BigInteger p = Vectors.bigInteger(g, "p");
      BigInteger q = Vectors.bigInteger(g, "q");
      assertTrue(PaillierSpec.isSafePrime(p) && PaillierSpec.isSafePrime(q), "p and q must be safe primes");
      BigInteger n = p.multiply(q);
      assertEquals(n, Vectors.bigInteger(g, "n"));
      int t = Vectors.integer(g, "threshold");
      int w = Vectors.integer(g, "parties");
      assertEquals(PaillierSpec.factorial(w), Vectors.bigInteger(g, "delta"));
      BigInteger[] coeffs = new BigInteger[g.get("coefficients").size()];
      for (int i = 0; i < coeffs.length; i++) {
        coeffs[i] = new BigInteger(g.get("coefficients").get(i).asText());
      }
      assertEquals(t - 1, coeffs.length);
      BigInteger x = Vectors.bigInteger(g, "x");
      keys = deal(p, q, t, w, coeffs, x);
      // The spec's formulas, independently: d = m (m^-1 mod n), s_i = f(i) mod nm, v = x^2, v_i = v^(Delta s_i).
      BigInteger m = p.shiftRight(1).multiply(q.shiftRight(1));
      BigInteger nm = n.multiply(m);
      BigInteger n2 = n.multiply(n);
      BigInteger d = m.multiply(m.modInverse(n));
      BigInteger v = x.multiply(x).mod(n2);
      assertEquals(v, Vectors.bigInteger(g, "v"));
      for (int i = 1; i <= w; i++) {
        BigInteger s = d;
        BigInteger xi = BigInteger.ONE;
        for (BigInteger a : coeffs) {
          xi = xi.multiply(BigInteger.valueOf(i));
          s = s.add(a.multiply(xi));
        }
        s = s.mod(nm);
        assertEquals(s, new BigInteger(g.get("shares").get(i - 1).asText()));
        BigInteger vi = v.modPow(PaillierSpec.factorial(w).multiply(s), n2);
        assertEquals(vi, new BigInteger(g.get("verificationKeys").get(i - 1).asText()));
        assertEquals(vi, keys.publicKey.verificationKey(i));
      }
      assertEquals(keys.publicKey, ThresholdPublicKey.fromBytes(Vectors.bytes(g, "publicKey")));
    }

    @Override
    public void checkTest(JsonNode g, JsonNode test) throws Exception {
      Set<String> fields = new HashSet<>(Vectors.COMMON_TEST_FIELDS);
      fields.addAll(List.of("c", "partials", "m"));
      Vectors.onlyFields(test, fields);
      ThresholdPublicKey tpk = keys.publicKey;
      PaillierPublicKey pk = tpk.paillierKey();
      Ciphertext c = Ciphertext.of(pk, Vectors.bigInteger(test, "c"));
      for (JsonNode o : test.get("partials")) {
        Vectors.onlyFields(o, Set.of("index", "nonce", "value", "challenge", "response"));
      }
      if (!Vectors.isValid(test)) {
        Vectors.expectNamedError(test, () -> tpk.combine(c, partials(tpk, test)), InvalidPartialDecryptionException.class);
        return;
      }
      List<PartialDecryption> partials = partials(tpk, test);
      BigInteger n2 = pk.modulusSquared();
      for (JsonNode o : test.get("partials")) {
        int i = Vectors.integer(o, "index");
        BigInteger r = Vectors.bigInteger(o, "nonce");
        // Section 9.4: r is uniform in [0, 2^B_r); replaying its bits re-runs the library's prover.
        PartialDecryption expected =
            keys.share(i).partialDecrypt(c, ReplayRandom.ofBigInteger(r, nonceBits(tpk)));
        BigInteger s = new BigInteger(g.get("shares").get(i - 1).asText());
        BigInteger ci = c.value().modPow(tpk.delta().multiply(s).shiftLeft(1), n2);
        assertEquals(ci, expected.value());
        assertEquals(expected.value(), Vectors.bigInteger(o, "value"));
        assertEquals(expected.proofChallenge(), Vectors.bigInteger(o, "challenge"));
        assertEquals(r.add(expected.proofChallenge().multiply(tpk.delta()).multiply(s)), Vectors.bigInteger(o, "response"));
      }
      assertEquals(Vectors.bigInteger(test, "m"), tpk.combine(c, partials).plaintext());
    }

    /**
     * The recorded partial decryptions, each encoded as section 10 states (type {@code 0x06}) and
     * parsed by the library: {@code u32(i) || I2OSP(c_i, len(n^2)) || I2OSP(e, 32) || int(z)}.
     */
    private static List<PartialDecryption> partials(ThresholdPublicKey tpk, JsonNode test)
        throws InvalidPartialDecryptionException {
      int lc = tpk.paillierKey().ciphertextBytes();
      List<PartialDecryption> partials = new ArrayList<>();
      for (JsonNode o : test.get("partials")) {
        byte[] encoding = PaillierVectors.concat(
            new byte[] {1, 6},
            PaillierVectors.concat(
                PaillierSpec.u32(Vectors.integer(o, "index")),
                PaillierVectors.concat(
                    PaillierSpec.i2osp(Vectors.bigInteger(o, "value"), lc),
                    PaillierVectors.concat(
                        PaillierSpec.i2osp(Vectors.bigInteger(o, "challenge"), 32),
                        PaillierVectors.lengthPrefixed(Vectors.bigInteger(o, "response"))))));
        partials.add(PartialDecryption.fromBytes(tpk, encoding));
      }
      return partials;
    }
  }
}
