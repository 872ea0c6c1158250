package io.secagg.vectors.internal.he;

import static io.secagg.vectors.internal.he.PaillierVectors.concat;
import static io.secagg.vectors.internal.he.PaillierVectors.dec;
import static io.secagg.vectors.internal.he.PaillierVectors.lengthPrefixed;
import static io.secagg.vectors.internal.Expect.assertArrayEquals;
import static io.secagg.vectors.internal.Expect.assertEquals;
import static io.secagg.vectors.internal.Expect.assertFalse;
import static io.secagg.vectors.internal.Expect.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.secagg.vectors.internal.NamedVectorChecker;
import io.secagg.vectors.internal.Mismatch;
import io.secagg.vectors.internal.Vectors;
import io.secagg.vectors.internal.ReplayRandom;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import io.secagg.he.Ciphertext;
import io.secagg.he.InvalidCiphertextException;
import io.secagg.he.InvalidPaillierKeyException;
import io.secagg.he.PaillierEncryptor;
import io.secagg.he.PaillierPrivateKey;
import io.secagg.he.PaillierPublicKey;
import io.secagg.he.RandomizerSource;

/**
 * Generator and checker of {@code paillier_multiprime_test.json}: keys with three or more primes
 * (spec/paillier.md section 3.5), their type {@code 0x08} encoding (section 10) and CRT
 * decryption with Garner's recombination (section 4.4).
 *
 * <p>The checker does not take the library's word for anything: it recomputes every valid output
 * with plain {@link BigInteger} arithmetic from the spec's formulas (encodings byte by byte, the
 * CRT constants, each residue, Garner's sum and the textbook {@code L(c^lambda) mu}), parses every
 * encoding with its own strict parser, and derives each case's flags from the validation rules
 * applied by {@link BigInteger#isProbablePrime} and gcd, so a flag in the file is a claim the
 * checker verifies. Then it asks the library and compares.
 */
final class MultiPrimeVectors {
  static final String FILE = "paillier_multiprime_test.json";
  static final String ALGORITHM = "PAILLIER-MULTIPRIME";
  static final String SCHEMA = "paillier_multiprime_test_schema_v1.json";
  static final BigInteger ONE = BigInteger.ONE;
  static final int MIN_MODULUS_BITS = 2048;
  static final int MAX_MODULUS_BITS = 16384;

  // Flags derived from the rules of spec section 3.5.
  static final String TOO_MANY = "TooManyPrimes";
  static final String DUPLICATE = "DuplicatePrime";
  static final String COMPOSITE = "CompositeFactor";
  static final String LENGTHS = "UnequalLengths";
  static final String NOT_COPRIME = "NotCoprime";
  static final String TOO_CLOSE = "PrimesTooClose";
  static final String TOO_SMALL = "ModulusTooSmall";
  // Flags of encodings and ciphertexts.
  static final String MALFORMED = "MalformedEncoding";
  static final String NON_CANONICAL = "NonCanonical";
  static final String OUT_OF_RANGE = "OutOfRange";
  static final String NOT_A_UNIT = "NotAUnit";
  // Flags of valid cases.
  static final String VALID = "Valid";
  static final String SHUFFLED = "ShuffledPrimes";
  static final String EDGE = "EdgeCase";
  static final String RESIDUE_BOUNDARY = "ResidueBoundary";

  private MultiPrimeVectors() {}

  // ---------------------------------------------------------------- the spec, recomputed

  /** {@code maxPrimes(bits)} of spec section 3.5: 3 below 4096 bits, 4 below 8192, else 5. */
  static int specMaxPrimes(int modulusBits) {
    return modulusBits < 4096 ? 3 : modulusBits < 8192 ? 4 : 5;
  }

  static BigInteger product(List<BigInteger> xs) {
    BigInteger n = ONE;
    for (BigInteger x : xs) {
      n = n.multiply(x);
    }
    return n;
  }

  /**
   * The production-policy rules that {@code primes} break, as flags (empty: a valid key). The
   * primality test is the JDK's (Miller-Rabin plus Lucas), independent of the library's.
   */
  static Set<String> ruleViolations(List<BigInteger> primes) {
    Set<String> out = new TreeSet<>();
    int k = primes.size();
    for (BigInteger p : primes) {
      if (p.signum() <= 0 || p.bitLength() > MAX_MODULUS_BITS) {
        throw new Mismatch("the file has no case for non-positive or oversized factors");
      }
    }
    if (k < 2) {
      throw new Mismatch("the file has no case with fewer than two primes");
    }
    BigInteger n = product(primes);
    if (k > 5 || k > specMaxPrimes(n.bitLength())) {
      out.add(TOO_MANY);
    }
    int minBits = Integer.MAX_VALUE;
    int maxBits = 0;
    BigInteger phi = ONE;
    for (BigInteger p : primes) {
      minBits = Math.min(minBits, p.bitLength());
      maxBits = Math.max(maxBits, p.bitLength());
      phi = phi.multiply(p.subtract(ONE));
      if (!p.isProbablePrime(128)) {
        out.add(COMPOSITE);
      }
    }
    if (k == 2 ? minBits != maxBits : maxBits - minBits > 1) {
      out.add(LENGTHS);
    }
    if (n.bitLength() < MIN_MODULUS_BITS) {
      out.add(TOO_SMALL);
    }
    if (n.bitLength() > MAX_MODULUS_BITS) {
      throw new Mismatch("the file has no case above the largest modulus");
    }
    if (!n.gcd(phi).equals(ONE)) {
      out.add(NOT_COPRIME);
    }
    for (int i = 0; i < k; i++) {
      for (int j = i + 1; j < k; j++) {
        BigInteger a = primes.get(i);
        BigInteger b = primes.get(j);
        if (a.equals(b)) {
          out.add(DUPLICATE);
        }
        int limit = k == 2 ? n.bitLength() / 2 - 100 : Math.min(a.bitLength(), b.bitLength()) - 100;
        if (a.subtract(b).abs().bitLength() <= limit) {
          out.add(TOO_CLOSE);
        }
      }
    }
    return out;
  }

  /** A strict parse of a private key encoding (spec section 10): the primes as listed. */
  static final class Parsed {
    final List<BigInteger> primes;
    final boolean nonCanonical;

    Parsed(List<BigInteger> primes, boolean nonCanonical) {
      this.primes = primes;
      this.nonCanonical = nonCanonical;
    }
  }

  /**
   * Parses {@code 01 02 || int(p) || int(q)} or {@code 01 08 || u8(k) || int(p_1) .. int(p_k)}
   * with {@code int(x) = u32 len || len bytes} (len at most 2048, no leading zero byte) and no
   * trailing bytes. Null if malformed, including a count outside 3..5 under type {@code 0x08}
   * (section 10 checks the count before reading the primes; a two-prime key is type
   * {@code 0x02}, so {@code k = 2} is malformed too). Non-canonical: primes not strictly
   * ascending.
   */
  static Parsed specParse(byte[] b) {
    if (b.length < 2 || b[0] != 1) {
      return null;
    }
    int pos = 2;
    int k;
    boolean nonCanonical = false;
    if (b[1] == 0x02) {
      k = 2;
    } else if (b[1] == 0x08) {
      if (b.length < 3) {
        return null;
      }
      k = b[pos++] & 0xff;
      if (k < 3 || k > 5) {
        return null;
      }
    } else {
      return null;
    }
    List<BigInteger> primes = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      if (b.length - pos < 4) {
        return null;
      }
      long len = ((b[pos] & 0xffL) << 24) | ((b[pos + 1] & 0xffL) << 16) | ((b[pos + 2] & 0xffL) << 8) | (b[pos + 3] & 0xffL);
      pos += 4;
      if (len > MAX_MODULUS_BITS / 8 || len > b.length - pos || (len > 0 && b[pos] == 0)) {
        return null;
      }
      primes.add(new BigInteger(1, Arrays.copyOfRange(b, pos, pos + (int) len)));
      pos += (int) len;
    }
    if (pos != b.length) {
      return null;
    }
    for (int i = 1; i < k; i++) {
      if (primes.get(i - 1).compareTo(primes.get(i)) >= 0) {
        nonCanonical = true;
      }
    }
    return new Parsed(primes, nonCanonical);
  }

  /** The flags an encoding deserves: malformed, or non-canonical and/or the rules its key breaks. */
  static Set<String> encodingVerdict(byte[] encoding) {
    Parsed parsed = specParse(encoding);
    if (parsed == null) {
      return Set.of(MALFORMED);
    }
    Set<String> out = new TreeSet<>(ruleViolations(parsed.primes));
    if (parsed.nonCanonical) {
      out.add(NON_CANONICAL);
    }
    return out;
  }

  /** Spec section 10: {@code 01 01 || int(n)}. */
  static byte[] specPublicKey(BigInteger n) {
    return concat(new byte[] {1, 1}, lengthPrefixed(n));
  }

  /** Spec section 10, type {@code 0x08}: {@code 01 08 || u8(k) || int(p_1) .. int(p_k)} ascending. */
  static byte[] specPrivateKey(List<BigInteger> primes) {
    List<BigInteger> sorted = new ArrayList<>(primes);
    Collections.sort(sorted);
    byte[] out = {1, 8, (byte) sorted.size()};
    for (BigInteger p : sorted) {
      out = concat(out, lengthPrefixed(p));
    }
    return out;
  }

  /** {@code L_p(x) = (x - 1) / p}. */
  static BigInteger lFunction(BigInteger x, BigInteger p) {
    return x.subtract(ONE).divide(p);
  }

  /** {@code h_i = L_(p_i)((n + 1)^(p_i - 1) mod p_i^2)^-1 mod p_i}. */
  static BigInteger specH(BigInteger n, BigInteger p) {
    BigInteger p2 = p.multiply(p);
    return lFunction(n.add(ONE).modPow(p.subtract(ONE), p2), p).modInverse(p);
  }

  /** {@code m_i = L_(p_i)(c^(p_i - 1) mod p_i^2) h_i mod p_i}. */
  static BigInteger specResidue(BigInteger c, BigInteger p, BigInteger h) {
    BigInteger p2 = p.multiply(p);
    return lFunction(c.mod(p2).modPow(p.subtract(ONE), p2), p).multiply(h).mod(p);
  }

  /** Garner: {@code m = m_1}, then {@code m += P_i ((m_i - m) P_i^-1 mod p_i)}, {@code P_i = p_1 .. p_(i-1)}. */
  static BigInteger specGarner(List<BigInteger> primes, List<BigInteger> residues) {
    BigInteger m = residues.get(0);
    BigInteger prefix = primes.get(0);
    for (int i = 1; i < primes.size(); i++) {
      BigInteger p = primes.get(i);
      BigInteger step = residues.get(i).subtract(m).multiply(prefix.modInverse(p)).mod(p);
      m = m.add(prefix.multiply(step));
      prefix = prefix.multiply(p);
    }
    return m;
  }

  /** Paillier 1999 without CRT: {@code L_n(c^lambda mod n^2) mu mod n}, {@code lambda = lcm(p_i - 1)}. */
  static BigInteger textbookDecrypt(List<BigInteger> primes, BigInteger c) {
    BigInteger n = product(primes);
    BigInteger n2 = n.multiply(n);
    BigInteger lambda = ONE;
    for (BigInteger p : primes) {
      BigInteger pm1 = p.subtract(ONE);
      lambda = lambda.divide(lambda.gcd(pm1)).multiply(pm1);
    }
    BigInteger mu = lFunction(n.add(ONE).modPow(lambda, n2), n).modInverse(n);
    return lFunction(c.modPow(lambda, n2), n).multiply(mu).mod(n);
  }

  /** The flags of a valid decryption case: which residues of {@code m} sit at 0 or +-1. */
  static Set<String> plaintextFlags(List<BigInteger> primes, BigInteger m) {
    BigInteger n = product(primes);
    if (m.signum() == 0 || m.equals(ONE) || m.equals(n.subtract(ONE))) {
      return Set.of(EDGE);
    }
    for (BigInteger p : primes) {
      BigInteger r = m.mod(p);
      if (r.signum() == 0 || r.equals(ONE) || r.equals(p.subtract(ONE))) {
        return Set.of(RESIDUE_BOUNDARY);
      }
    }
    return Set.of(VALID);
  }

  static ArrayNode decimals(ArrayNode array, List<BigInteger> xs) {
    for (BigInteger x : xs) {
      array.add(dec(x));
    }
    return array;
  }

  static List<BigInteger> bigIntegers(JsonNode node, String name) {
    JsonNode a = node.get(name);
    if (a == null || !a.isArray()) {
      throw new Mismatch("missing array field '" + name + "'");
    }
    List<BigInteger> out = new ArrayList<>();
    for (JsonNode x : a) {
      if (!x.isTextual()) {
        throw new Mismatch("'" + name + "' must hold decimal strings");
      }
      out.add(new BigInteger(x.asText()));
    }
    return out;
  }

  static Set<String> flags(JsonNode test) {
    Set<String> out = new TreeSet<>();
    test.get("flags").forEach(f -> out.add(f.asText()));
    return out;
  }

  // ---------------------------------------------------------------- generator

  static String ciphertextFlag(BigInteger n, BigInteger c) {
    if (c.signum() <= 0 || c.compareTo(n.multiply(n)) >= 0) {
      return OUT_OF_RANGE;
    }
    return c.gcd(n).equals(ONE) ? VALID : NOT_A_UNIT;
  }

  // ---------------------------------------------------------------- checker

  static final class Checker extends NamedVectorChecker {
    private static final Set<String> GROUP = Set.of(
        "type", "modulusBits", "primes", "n", "publicKey", "privateKey", "crtConstants", "tests");
    private static final Set<String> FIELDS = Vectors.testFields(
        "operation", "primes", "n", "publicKey", "privateKey", "m", "r", "c", "residues");
    private List<BigInteger> primes;
    private List<BigInteger> hs;
    private PaillierPrivateKey sk;

    Checker() {
      super("paillier_multiprime_test.json", ALGORITHM, SCHEMA);
    }

    @Override
    public void checkGroup(JsonNode group) throws Exception {
      Vectors.onlyFields(group, GROUP);
      assertEquals("PaillierMultiPrimeKey", Vectors.text(group, "type"));
      primes = bigIntegers(group, "primes");
      assertEquals(Set.of(), ruleViolations(primes), "the group key must be valid");
      List<BigInteger> sorted = new ArrayList<>(primes);
      Collections.sort(sorted);
      assertEquals(sorted, primes, "the group lists its primes ascending");
      BigInteger n = product(primes);
      assertEquals(n, Vectors.bigInteger(group, "n"));
      assertEquals(n.bitLength(), Vectors.integer(group, "modulusBits"));
      assertArrayEquals(specPublicKey(n), Vectors.bytes(group, "publicKey"));
      assertArrayEquals(specPrivateKey(primes), Vectors.bytes(group, "privateKey"));
      JsonNode crt = group.get("crtConstants");
      assertEquals(primes.size(), crt.size());
      hs = new ArrayList<>();
      BigInteger prefix = ONE;
      for (int i = 0; i < primes.size(); i++) {
        JsonNode e = crt.get(i);
        BigInteger p = primes.get(i);
        Vectors.onlyFields(e, i == 0 ? Set.of("p", "h") : Set.of("p", "h", "garnerInverse"));
        assertEquals(p, Vectors.bigInteger(e, "p"));
        BigInteger h = specH(n, p);
        // With g = n + 1, L_p((n+1)^(p-1) mod p^2) = -(n/p) mod p: two routes to the same h.
        assertEquals(n.divide(p).negate().mod(p).modInverse(p), h);
        assertEquals(h, Vectors.bigInteger(e, "h"));
        hs.add(h);
        if (i > 0) {
          BigInteger inv = Vectors.bigInteger(e, "garnerInverse");
          assertEquals(prefix.modInverse(p), inv);
          assertEquals(ONE, prefix.multiply(inv).mod(p));
        }
        prefix = prefix.multiply(p);
      }
      sk = PaillierPrivateKey.fromPrimes(primes);
      assertEquals(primes.size(), sk.primeCount());
      assertArrayEquals(specPublicKey(n), sk.publicKey().toBytes());
      assertArrayEquals(specPrivateKey(primes), sk.toBytes());
      assertEquals(sk, PaillierPrivateKey.fromBytes(Vectors.bytes(group, "privateKey")));
      assertEquals(sk.publicKey(), PaillierPublicKey.fromBytes(Vectors.bytes(group, "publicKey")));
    }

    @Override
    public void checkTest(JsonNode group, JsonNode test) throws Exception {
      Vectors.onlyFields(test, FIELDS);
      String op = Vectors.text(test, "operation");
      switch (op) {
        case "fromPrimes":
          checkFromPrimes(test);
          return;
        case "parsePrivateKey":
          checkParse(test);
          return;
        case "decrypt":
          checkDecrypt(test);
          return;
        default:
          throw new Mismatch("unknown operation " + op);
      }
    }

    private static void checkFromPrimes(JsonNode test) throws Exception {
      List<BigInteger> given = bigIntegers(test, "primes");
      Set<String> violations = ruleViolations(given);
      List<BigInteger> sorted = new ArrayList<>(given);
      Collections.sort(sorted);
      if (!Vectors.isValid(test)) {
        assertFalse(violations.isEmpty(), "an invalid case must break a rule");
        assertEquals(violations, flags(test), "flags must name exactly the rules broken");
        Vectors.expectNamedError(test, () -> PaillierPrivateKey.fromPrimes(given), InvalidPaillierKeyException.class);
        return;
      }
      assertEquals(Set.of(), violations);
      assertEquals(Set.of(sorted.equals(given) ? VALID : SHUFFLED), flags(test));
      BigInteger n = product(given);
      assertEquals(n, Vectors.bigInteger(test, "n"));
      assertTrue(given.size() <= specMaxPrimes(n.bitLength()));
      assertEquals(specMaxPrimes(n.bitLength()), PaillierPrivateKey.maxPrimes(n.bitLength()));
      byte[] pub = specPublicKey(n);
      byte[] priv = specPrivateKey(given);
      assertArrayEquals(pub, Vectors.bytes(test, "publicKey"));
      assertArrayEquals(priv, Vectors.bytes(test, "privateKey"));
      PaillierPrivateKey key = PaillierPrivateKey.fromPrimes(given);
      assertEquals(n, key.publicKey().modulus());
      assertEquals(given.size(), key.primeCount());
      assertArrayEquals(specPrivateKey(sorted), key.toBytes(), "the key holds the primes in ascending order");
      assertArrayEquals(pub, key.publicKey().toBytes());
      assertArrayEquals(priv, key.toBytes());
      assertEquals(key, PaillierPrivateKey.fromBytes(priv));
    }

    private static void checkParse(JsonNode test) throws Exception {
      byte[] encoding = Vectors.bytes(test, "privateKey");
      Set<String> verdict = encodingVerdict(encoding);
      if (!Vectors.isValid(test)) {
        assertFalse(verdict.isEmpty(), "an invalid encoding must be malformed, non-canonical or weak");
        assertEquals(verdict, flags(test), "flags must name exactly what is wrong");
        Vectors.expectNamedError(test, () -> PaillierPrivateKey.fromBytes(encoding), InvalidPaillierKeyException.class);
        return;
      }
      assertEquals(Set.of(), verdict);
      assertEquals(Set.of(VALID), flags(test));
      List<BigInteger> listed = specParse(encoding).primes;
      assertEquals(listed, bigIntegers(test, "primes"));
      BigInteger n = product(listed);
      assertEquals(n, Vectors.bigInteger(test, "n"));
      assertArrayEquals(specPrivateKey(listed), encoding, "a valid encoding is the canonical one");
      PaillierPrivateKey key = PaillierPrivateKey.fromBytes(encoding);
      assertEquals(n, key.publicKey().modulus());
      assertArrayEquals(encoding, key.toBytes());
    }

    private void checkDecrypt(JsonNode test) throws Exception {
      BigInteger n = product(primes);
      BigInteger n2 = n.multiply(n);
      PaillierPublicKey pk = sk.publicKey();
      BigInteger c = Vectors.bigInteger(test, "c");
      if (!Vectors.isValid(test)) {
        String flag = ciphertextFlag(n, c);
        assertEquals(Set.of(flag), flags(test));
        assertTrue(!flag.equals(VALID), "an invalid ciphertext must be out of range or share a factor with n");
        Vectors.expectNamedError(test, () -> sk.decrypt(Ciphertext.of(pk, c)), InvalidCiphertextException.class);
        return;
      }
      BigInteger m = Vectors.bigInteger(test, "m");
      BigInteger r = Vectors.bigInteger(test, "r");
      assertTrue(m.signum() >= 0 && m.compareTo(n) < 0, "m in [0, n)");
      assertTrue(r.signum() > 0 && r.compareTo(n) < 0 && r.gcd(n).equals(ONE), "r in Z*_n");
      assertEquals(plaintextFlags(primes, m), flags(test));
      BigInteger expectedC = ONE.add(m.multiply(n)).multiply(r.modPow(n, n2)).mod(n2);
      assertEquals(expectedC, c);
      List<BigInteger> residues = new ArrayList<>();
      for (int i = 0; i < primes.size(); i++) {
        residues.add(specResidue(c, primes.get(i), hs.get(i)));
      }
      assertEquals(residues, bigIntegers(test, "residues"));
      for (int i = 0; i < primes.size(); i++) {
        assertEquals(m.mod(primes.get(i)), residues.get(i));
      }
      assertEquals(m, specGarner(primes, residues));
      assertEquals(m, textbookDecrypt(primes, c));
      Ciphertext ct = Ciphertext.of(pk, c);
      // The library draws r itself (section 5): replaying r's bits re-runs its encryption.
      assertEquals(c, PaillierEncryptor.create(
          RandomizerSource.standard(pk, ReplayRandom.ofBigInteger(r, n.bitLength()))).encrypt(m).value(),
          "library encryption with r");
      assertEquals(m, sk.decrypt(ct));
      assertEquals(m, sk.decrypt(ct, Runnable::run));
    }
  }
}
