package io.secagg.he.threshold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secagg.core.testvectors.AbstractKnownAnswerTest;
import io.secagg.core.testvectors.VectorChecker;
import io.secagg.core.testvectors.VectorFileGenerator;
import io.secagg.core.testvectors.Vectors;
import io.secagg.he.Ciphertext;
import io.secagg.he.PaillierEncryptor;
import io.secagg.he.PaillierPublicKey;
import io.secagg.he.RandomizerSource;
import io.secagg.he.TestKeys;
import io.secagg.he.internal.Primes;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generator and checker of {@code paillier_threshold_test.json}: a 2-of-3 key dealt from two
 * fixed 1024-bit safe primes with recorded coefficients, and partial decryptions with their
 * recorded proof nonces.
 */
public final class ThresholdVectors {
  private static final int T = 2;
  private static final int W = 3;

  private ThresholdVectors() {}

  private static ThresholdKeySet deal(BigInteger p, BigInteger q, BigInteger[] coeffs, BigInteger x) throws Exception {
    return ThresholdKeyDealer.dealWith(p, q, T, W, coeffs, x);
  }

  private static ObjectNode partialJson(ArrayNode arr, PartialDecryption pd, BigInteger r) {
    ObjectNode o = arr.addObject();
    o.put("index", pd.index());
    o.put("nonce", r.toString());
    o.put("value", pd.value().toString());
    o.put("challenge", pd.proofChallenge().toString());
    o.put("response", pd.proofResponse().toString());
    return o;
  }

  /** The generator. */
  public static final class Generator implements VectorFileGenerator {
    /** Stateless apart from the group being checked. */
    public Generator() {}

    @Override
    public String fileName() {
      return "paillier_threshold_test.json";
    }

    @Override
    public ObjectNode generate() throws Exception {
      Map<String, String> notes = new LinkedHashMap<>();
      notes.put("Valid", "t partial decryptions with valid proofs combine to the plaintext.");
      notes.put("TooFewShares", "Fewer than t partial decryptions: combination must refuse.");
      notes.put("DuplicateShare", "The same party twice.");
      notes.put("BadProof", "A partial decryption whose proof does not verify (tampered value or response, or made for another ciphertext).");
      notes.put("BadIndex", "A party index outside 1..w.");
      ObjectNode file = Vectors.newFile("PAILLIER-THRESHOLD", "paillier_threshold_test_schema_v1",
          "Dealt threshold Paillier decryption, Shoup / Damgard-Jurik with s = 1 (spec/paillier.md, Threshold decryption)",
          notes);
      BigInteger p = TestKeys.SAFE_P_1024;
      BigInteger q = TestKeys.SAFE_Q_1024;
      SecureRandom rnd = TestKeys.random(0x7e5401dL);
      BigInteger n = p.multiply(q);
      BigInteger nm = n.multiply(p.shiftRight(1).multiply(q.shiftRight(1)));
      BigInteger n2 = n.multiply(n);
      BigInteger[] coeffs = {Primes.uniformBelow(nm, rnd)};
      BigInteger x = Primes.uniformBelow(n2, rnd);
      ThresholdKeySet keys = deal(p, q, coeffs, x);
      ThresholdPublicKey tpk = keys.publicKey();
      ObjectNode g = ((ArrayNode) file.get("testGroups")).addObject();
      g.put("type", "ThresholdPaillier");
      g.put("p", p.toString());
      g.put("q", q.toString());
      g.put("n", n.toString());
      g.put("threshold", T);
      g.put("parties", W);
      g.put("delta", tpk.delta().toString());
      ArrayNode ca = g.putArray("coefficients");
      for (BigInteger c : coeffs) {
        ca.add(c.toString());
      }
      g.put("x", x.toString());
      g.put("v", tpk.verificationBase().toString());
      ArrayNode sa = g.putArray("shares");
      ArrayNode va = g.putArray("verificationKeys");
      for (KeyShare s : keys.shares()) {
        sa.add(new BigInteger(1, java.util.Arrays.copyOfRange(s.toBytes(), 10, s.toBytes().length)).toString());
        va.add(tpk.verificationKey(s.index()).toString());
      }
      g.put("publicKey", Vectors.hex(tpk.toBytes()));
      ArrayNode tests = g.putArray("tests");
      PaillierEncryptor enc = PaillierEncryptor.create(RandomizerSource.standard(tpk.paillierKey(), rnd));
      BigInteger m = new BigInteger(2040, rnd);
      Ciphertext c = enc.encrypt(m);
      int nonceBits = ThresholdMath.nonceBits(tpk.delta(), tpk.paillierKey().modulusBits());
      PartialDecryption[] pd = new PartialDecryption[W + 1];
      BigInteger[] nonces = new BigInteger[W + 1];
      for (int i = 1; i <= W; i++) {
        nonces[i] = new BigInteger(nonceBits, rnd);
        pd[i] = keys.share(i).partialDecrypt(c, nonces[i]);
      }
      int[][] subsets = {{1, 2}, {2, 3}, {3, 1}};
      for (int[] set : subsets) {
        ObjectNode t = Vectors.newTest(tests, "parties " + set[0] + " and " + set[1], "Valid");
        t.put("c", c.value().toString());
        ArrayNode arr = t.putArray("partials");
        for (int i : set) {
          partialJson(arr, pd[i], nonces[i]);
        }
        t.put("m", m.toString());
        t.put("result", "valid");
      }
      ObjectNode t = Vectors.newTest(tests, "party 1 alone", "TooFewShares");
      t.put("c", c.value().toString());
      partialJson(t.putArray("partials"), pd[1], nonces[1]);
      t.put("result", "invalid");
      t = Vectors.newTest(tests, "party 2 twice", "DuplicateShare");
      t.put("c", c.value().toString());
      ArrayNode arr = t.putArray("partials");
      partialJson(arr, pd[2], nonces[2]);
      partialJson(arr, pd[2], nonces[2]);
      t.put("result", "invalid");
      t = Vectors.newTest(tests, "party 2's response z + 1", "BadProof");
      t.put("c", c.value().toString());
      arr = t.putArray("partials");
      partialJson(arr, pd[1], nonces[1]);
      partialJson(arr, pd[2], nonces[2]).put("response", pd[2].proofResponse().add(BigInteger.ONE).toString());
      t.put("result", "invalid");
      t = Vectors.newTest(tests, "party 2's value times 4 with its original proof", "BadProof");
      t.put("c", c.value().toString());
      arr = t.putArray("partials");
      partialJson(arr, pd[1], nonces[1]);
      partialJson(arr, pd[2], nonces[2]).put("value", pd[2].value().shiftLeft(2).mod(n2).toString());
      t.put("result", "invalid");
      Ciphertext other = enc.encrypt(m);
      BigInteger r3 = new BigInteger(nonceBits, rnd);
      t = Vectors.newTest(tests, "party 3's partial of another encryption of the same m", "BadProof");
      t.put("c", c.value().toString());
      arr = t.putArray("partials");
      partialJson(arr, pd[1], nonces[1]);
      partialJson(arr, keys.share(3).partialDecrypt(other, r3), r3);
      t.put("result", "invalid");
      t = Vectors.newTest(tests, "party index 4 of 3", "BadIndex");
      t.put("c", c.value().toString());
      arr = t.putArray("partials");
      partialJson(arr, pd[1], nonces[1]);
      partialJson(arr, pd[2], nonces[2]).put("index", 4);
      t.put("result", "invalid");
      return Vectors.finish(file);
    }
  }

  /** The checker: re-deals from the recorded values and recomputes every partial decryption. */
  public static final class Checker implements VectorChecker {
    /** Stateless apart from the group being checked. */
    public Checker() {}

    private static final Set<String> GROUP = Set.of("type", "p", "q", "n", "threshold", "parties", "delta",
        "coefficients", "x", "v", "shares", "verificationKeys", "publicKey", "tests");
    private ThresholdKeySet keys;

    @Override
    public String algorithm() {
      return "PAILLIER-THRESHOLD";
    }

    @Override
    public String schema() {
      return "paillier_threshold_test_schema_v1";
    }

    @Override
    public void checkGroup(JsonNode g) throws Exception {
      Vectors.onlyFields(g, GROUP);
      BigInteger p = Vectors.bigInteger(g, "p");
      BigInteger q = Vectors.bigInteger(g, "q");
      SecureRandom r = new SecureRandom();
      assertTrue(Primes.isSafePrime(p, r) && Primes.isSafePrime(q, r), "p and q must be safe primes");
      BigInteger n = p.multiply(q);
      assertEquals(n, Vectors.bigInteger(g, "n"));
      int t = Vectors.integer(g, "threshold");
      int w = Vectors.integer(g, "parties");
      assertEquals(ThresholdMath.factorial(w), Vectors.bigInteger(g, "delta"));
      BigInteger[] coeffs = new BigInteger[g.get("coefficients").size()];
      for (int i = 0; i < coeffs.length; i++) {
        coeffs[i] = new BigInteger(g.get("coefficients").get(i).asText());
      }
      assertEquals(t - 1, coeffs.length);
      BigInteger x = Vectors.bigInteger(g, "x");
      keys = ThresholdKeyDealer.dealWith(p, q, t, w, coeffs, x);
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
        BigInteger vi = v.modPow(ThresholdMath.factorial(w).multiply(s), n2);
        assertEquals(vi, new BigInteger(g.get("verificationKeys").get(i - 1).asText()));
        assertEquals(vi, keys.publicKey().verificationKey(i));
      }
      assertEquals(keys.publicKey(), ThresholdPublicKey.fromBytes(Vectors.bytes(g, "publicKey")));
    }

    @Override
    public void checkTest(JsonNode g, JsonNode test) throws Exception {
      Set<String> fields = new HashSet<>(AbstractKnownAnswerTest.commonTestFields());
      fields.addAll(List.of("c", "partials", "m"));
      Vectors.onlyFields(test, fields);
      ThresholdPublicKey tpk = keys.publicKey();
      PaillierPublicKey pk = tpk.paillierKey();
      Ciphertext c = Ciphertext.of(pk, Vectors.bigInteger(test, "c"));
      List<PartialDecryption> partials = new ArrayList<>();
      for (JsonNode o : test.get("partials")) {
        Vectors.onlyFields(o, Set.of("index", "nonce", "value", "challenge", "response"));
        partials.add(new PartialDecryption(Vectors.integer(o, "index"), Vectors.bigInteger(o, "value"),
            Vectors.bigInteger(o, "challenge"), Vectors.bigInteger(o, "response")));
      }
      if (!Vectors.isValid(test)) {
        Vectors.expectInvalid(InvalidPartialDecryptionException.class, () -> tpk.combine(c, partials));
        return;
      }
      BigInteger n2 = pk.modulusSquared();
      for (JsonNode o : test.get("partials")) {
        int i = Vectors.integer(o, "index");
        BigInteger r = Vectors.bigInteger(o, "nonce");
        PartialDecryption expected = keys.share(i).partialDecrypt(c, r);
        BigInteger s = new BigInteger(g.get("shares").get(i - 1).asText());
        BigInteger ci = c.value().modPow(tpk.delta().multiply(s).shiftLeft(1), n2);
        assertEquals(ci, expected.value());
        assertEquals(expected.value(), Vectors.bigInteger(o, "value"));
        assertEquals(expected.proofChallenge(), Vectors.bigInteger(o, "challenge"));
        assertEquals(r.add(expected.proofChallenge().multiply(tpk.delta()).multiply(s)), Vectors.bigInteger(o, "response"));
      }
      assertEquals(Vectors.bigInteger(test, "m"), tpk.combine(c, partials).plaintext());
    }
  }
}
