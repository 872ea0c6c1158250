package io.secagg.he;

import static io.secagg.he.PaillierVectors.concat;
import static io.secagg.he.PaillierVectors.dec;
import static io.secagg.he.PaillierVectors.lengthPrefixed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secagg.core.testvectors.VectorChecker;
import io.secagg.core.testvectors.VectorFileGenerator;
import io.secagg.core.testvectors.Vectors;
import io.secagg.he.internal.Primes;
import io.secagg.he.internal.Wire;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
  static final String SCHEMA = "paillier_multiprime_test_schema_v1";
  private static final BigInteger ONE = BigInteger.ONE;
  private static final int MIN_MODULUS_BITS = 2048;
  private static final int MAX_MODULUS_BITS = 16384;

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
        throw new AssertionError("the file has no case for non-positive or oversized factors");
      }
    }
    if (k < 2) {
      throw new AssertionError("the file has no case with fewer than two primes");
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
      throw new AssertionError("the file has no case above the largest modulus");
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
   * trailing bytes. Null if malformed. Non-canonical: primes not strictly ascending, or
   * {@code k = 2} under type {@code 0x08} (two-prime keys are type {@code 0x02}); the other
   * counts outside 3..5 are malformed.
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
      if (k == 2) {
        nonCanonical = true;
      } else if (k < 3 || k > 5) {
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
      throw new AssertionError("missing array field '" + name + "'");
    }
    List<BigInteger> out = new ArrayList<>();
    for (JsonNode x : a) {
      if (!x.isTextual()) {
        throw new AssertionError("'" + name + "' must hold decimal strings");
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

  static final class Generator implements VectorFileGenerator {
    @Override
    public String fileName() {
      return FILE;
    }

    @Override
    public ObjectNode generate() {
      Map<String, String> notes = new LinkedHashMap<>();
      notes.put(VALID, "A valid input under the production policy; every output is recomputable from the spec.");
      notes.put(SHUFFLED, "Valid primes given out of order: the key is the same as with the primes sorted.");
      notes.put(EDGE, "Plaintext 0, 1 or n - 1.");
      notes.put(RESIDUE_BOUNDARY, "A plaintext that is 0, 1 or -1 modulo some prime: exercises Garner's recombination at its edges.");
      notes.put(TOO_MANY, "More primes than maxPrimes(bits(n)) allows (3 below 4096 bits, 4 below 8192, 5 from 8192): section 3.5.");
      notes.put(DUPLICATE, "A prime listed twice (its distance to itself, 0, also breaks the Fermat rule).");
      notes.put(COMPOSITE, "A factor that is not prime: a product of two primes with no small factor, found only by Miller-Rabin.");
      notes.put(LENGTHS, "Prime bit lengths differ by more than one.");
      notes.put(NOT_COPRIME, "gcd(n, phi(n)) != 1: one prime p' divides another prime minus one (P = 2p' + 1).");
      notes.put(TOO_CLOSE, "bits(|p_i - p_j|) <= min(bits(p_i), bits(p_j)) - 100: Fermat's method factors n.");
      notes.put(TOO_SMALL, "The modulus has fewer than 2048 bits (the production minimum).");
      notes.put(MALFORMED, "The byte encoding breaks the format: version, type, prime count outside 2..5, length, leading zero byte, truncation or trailing bytes.");
      notes.put(NON_CANONICAL, "A well-formed encoding that is not the canonical one: primes not strictly ascending, or a two-prime key under type 0x08 (two-prime keys are type 0x02).");
      notes.put(OUT_OF_RANGE, "A ciphertext outside (0, n^2).");
      notes.put(NOT_A_UNIT, "A ciphertext sharing a prime factor with n.");
      ObjectNode file = Vectors.newFile(ALGORITHM, SCHEMA,
          "Paillier keys with three or more primes: validation, type 0x08 encoding and CRT decryption"
              + " with Garner's recombination (spec/paillier.md sections 3.5, 4.4 and 10). The group key"
              + " is PaillierKeyGenerator.generate(2048, 3) seeded with DeterministicRandom(0x5eca993048).",
          notes);
      PaillierKeyPair kp = TestKeys.multiPrimeVectorKey();
      PaillierPrivateKey sk = kp.privateKey();
      BigInteger n = kp.publicKey().modulus();
      List<BigInteger> primes = sk.primes();
      BigInteger p1 = primes.get(0);
      BigInteger p2 = primes.get(1);
      BigInteger p3 = primes.get(2);
      SecureRandom rnd = TestKeys.random(TestKeys.MULTI_PRIME_VECTOR_KEY_SEED + 1);

      ObjectNode group = ((ArrayNode) file.get("testGroups")).addObject();
      group.put("type", "PaillierMultiPrimeKey");
      group.put("modulusBits", kp.publicKey().modulusBits());
      decimals(group.putArray("primes"), primes);
      group.put("n", dec(n));
      group.put("publicKey", Vectors.hex(kp.publicKey().toBytes()));
      group.put("privateKey", Vectors.hex(sk.toBytes()));
      ArrayNode crt = group.putArray("crtConstants");
      BigInteger prefix = ONE;
      for (BigInteger p : primes) {
        ObjectNode c = crt.addObject();
        c.put("p", dec(p));
        c.put("h", dec(specH(n, p)));
        if (prefix.compareTo(ONE) > 0) {
          c.put("garnerInverse", dec(prefix.modInverse(p)));
        }
        prefix = prefix.multiply(p);
      }
      ArrayNode tests = group.putArray("tests");

      // fromPrimes: valid.
      addKey(tests, "the 2048-bit three-prime key, primes ascending", primes);
      addKey(tests, "the same primes in the order p_3, p_1, p_2", List.of(p3, p1, p2));
      addKey(tests, "the same primes descending", List.of(p3, p2, p1));
      addKey(tests, "4096-bit modulus with four 1024-bit primes (the shortest allowing four)",
          TestKeys.fourPrime().privateKey().primes());
      BigInteger apart = nextPrime(p3.add(ONE.shiftLeft(583)), rnd);
      addKey(tests, "p_2 replaced by p_3 + 2^583 + d: |difference| has 584 bits, just far enough apart",
          List.of(p1, p3, apart));

      // fromPrimes: invalid.
      List<BigInteger> four512 = primesOfLength(4, 512, 2048, rnd);
      addKey(tests, "four 512-bit primes for a 2048-bit modulus (at most three below 4096 bits)", four512);
      List<BigInteger> six342 = primesOfLength(6, 342, 2052, rnd);
      addKey(tests, "six 342-bit primes (never more than five)", six342);
      addKey(tests, "p_3 listed twice", List.of(p1, p3, p3));
      BigInteger composite = compositeAbove(p2, rnd);
      addKey(tests, "p_2 replaced by a 683-bit product of two primes", List.of(p1, composite, p3));
      BigInteger long684 = Primes.randomPrime(684, rnd);
      BigInteger short682;
      do {
        short682 = Primes.randomPrime(682, rnd);
      } while (p1.multiply(short682).multiply(long684).bitLength() != 2048);
      addKey(tests, "primes of 682, 682 and 684 bits", List.of(p1, short682, long684));
      BigInteger safe = TestKeys.SAFE_P_1024;
      addKey(tests, "p' and P = 2p' + 1 (fixed 1024-bit safe prime) with a third 1024-bit prime: p' divides P - 1",
          List.of(safe.shiftRight(1), safe, TestKeys.SAFE_Q_1024));
      BigInteger close = nextPrime(p3.add(ONE.shiftLeft(582)), rnd);
      addKey(tests, "p_2 replaced by p_3 + 2^582 + d: |difference| has 583 = 683 - 100 bits, too close", List.of(p1, p3, close));
      addKey(tests, "p_2 replaced by p_3 + 2^500 + d", List.of(p1, p3, nextPrime(p3.add(ONE.shiftLeft(500)), rnd)));
      PaillierPrivateKey small = PaillierKeyGenerator.generateForTesting(2046, 3, rnd).privateKey();
      addKey(tests, "a 2046-bit modulus from three primes", small.primes());

      // parsePrivateKey.
      byte[] canonical = sk.toBytes();
      addParse(tests, "the canonical encoding of the group key", canonical, true);
      addParse(tests, "the canonical encoding of the four-prime key", TestKeys.fourPrime().privateKey().toBytes(), true);
      PaillierPrivateKey two = TestKeys.vectorKey().privateKey();
      addParse(tests, "a valid two-prime key under type 0x08 with count 2", encode(0x08, 2, two.primes()), false);
      addParse(tests, "type 0x02 with the three primes", encode(0x02, -1, primes), false);
      addParse(tests, "count 4 followed by three primes", encode(0x08, 4, primes), false);
      addParse(tests, "count 0 and nothing else", encode(0x08, 0, List.of()), false);
      addParse(tests, "count 1 and one prime", encode(0x08, 1, List.of(p1)), false);
      addParse(tests, "count 6 followed by six primes", encode(0x08, 6, six342), false);
      addParse(tests, "count 255 followed by the three primes", encode(0x08, 255, primes), false);
      addParse(tests, "primes listed p_2, p_1, p_3", encode(0x08, 3, List.of(p2, p1, p3)), false);
      addParse(tests, "primes listed descending", encode(0x08, 3, List.of(p3, p2, p1)), false);
      addParse(tests, "p_3 listed twice, adjacent", encode(0x08, 3, List.of(p1, p3, p3)), false);
      addParse(tests, "last byte missing", Arrays.copyOf(canonical, canonical.length - 1), false);
      addParse(tests, "header and count only", Arrays.copyOf(canonical, 3), false);
      addParse(tests, "one trailing zero byte", concat(canonical, new byte[] {0}), false);
      addParse(tests, "a fourth prime after count 3", concat(canonical, lengthPrefixed(Primes.randomPrime(683, rnd))), false);
      byte[] middle = Wire.minimal(p2);
      addParse(tests, "p_2 with a leading zero byte", new Wire.Writer(0x08).u8(3).integer(p1)
          .u32(middle.length + 1).u8(0).raw(middle).integer(p3).toByteArray(), false);
      byte[] lengthTooLarge = canonical.clone();
      lengthTooLarge[3] = 0x7f;
      addParse(tests, "first length 0x7f0000..: longer than the encoding", lengthTooLarge, false);
      byte[] version = canonical.clone();
      version[0] = 2;
      addParse(tests, "version 2", version, false);
      byte[] type = canonical.clone();
      type[1] = 9;
      addParse(tests, "unknown type 0x09", type, false);
      addParse(tests, "well-formed: four 512-bit primes for a 2048-bit modulus", encode(0x08, 4, four512), false);
      addParse(tests, "well-formed: a 2046-bit three-prime key", small.toBytes(), false);
      addParse(tests, "well-formed: p_2 composite", encode(0x08, 3, List.of(p1, composite, p3)), false);

      // decrypt: valid.
      List<BigInteger> ms = new ArrayList<>(List.of(BigInteger.ZERO, ONE, n.subtract(ONE),
          p1, p2.subtract(ONE), p3.add(ONE), p2.multiply(p3), p1.multiply(p2).add(ONE),
          n.subtract(p2), n.subtract(p1.multiply(p3)).subtract(ONE)));
      ms.add(new BigInteger(2040, rnd));
      ms.add(new BigInteger(2047, rnd).mod(n));
      for (BigInteger m : ms) {
        BigInteger r = StandardRandomizers.sampleUnit(n, rnd);
        BigInteger c = BigInteger.ONE.add(m.multiply(n)).multiply(r.modPow(n, n.multiply(n))).mod(n.multiply(n));
        ObjectNode t = Vectors.newTest(tests, "decrypt " + describe(m, primes), plaintextFlags(primes, m).toArray(new String[0]));
        t.put("operation", "decrypt");
        t.put("m", dec(m));
        t.put("r", dec(r));
        t.put("c", dec(c));
        ArrayNode residues = t.putArray("residues");
        for (BigInteger p : primes) {
          residues.add(dec(m.mod(p)));
        }
        t.put("result", "valid");
      }

      // decrypt: invalid.
      BigInteger n2 = n.multiply(n);
      addBadCiphertext(tests, "c = 0", BigInteger.ZERO);
      addBadCiphertext(tests, "c = -1", ONE.negate());
      addBadCiphertext(tests, "c = n^2", n2);
      addBadCiphertext(tests, "c = n^2 + 1", n2.add(ONE));
      BigInteger unit = StandardRandomizers.sampleUnit(n, rnd);
      addBadCiphertext(tests, "c = p_2 * u for a unit u: gcd(c, n) = p_2", p2.multiply(unit).mod(n2));
      addBadCiphertext(tests, "c = p_1 * p_3", p1.multiply(p3));
      addBadCiphertext(tests, "c = n", n);
      return Vectors.finish(file);
    }

    private static String describe(BigInteger m, List<BigInteger> primes) {
      BigInteger n = product(primes);
      String[] names = {"p_1", "p_2", "p_3"};
      if (m.signum() == 0) {
        return "m = 0";
      }
      if (m.equals(n.subtract(ONE))) {
        return "m = n - 1";
      }
      if (m.bitLength() <= 1) {
        return "m = 1";
      }
      StringBuilder s = new StringBuilder("a " + m.bitLength() + "-bit m;");
      for (int i = 0; i < primes.size(); i++) {
        BigInteger r = m.mod(primes.get(i));
        if (r.signum() == 0) {
          s.append(" m = 0 mod ").append(names[i]).append(';');
        } else if (r.equals(ONE)) {
          s.append(" m = 1 mod ").append(names[i]).append(';');
        } else if (r.equals(primes.get(i).subtract(ONE))) {
          s.append(" m = -1 mod ").append(names[i]).append(';');
        }
      }
      return s.substring(0, s.length() - 1);
    }

    private static void addKey(ArrayNode tests, String comment, List<BigInteger> primes) {
      Set<String> violations = ruleViolations(primes);
      List<BigInteger> sorted = new ArrayList<>(primes);
      Collections.sort(sorted);
      String[] flags = !violations.isEmpty() ? violations.toArray(new String[0])
          : sorted.equals(primes) ? new String[] {VALID} : new String[] {SHUFFLED};
      ObjectNode t = Vectors.newTest(tests, comment, flags);
      t.put("operation", "fromPrimes");
      decimals(t.putArray("primes"), primes);
      if (violations.isEmpty()) {
        BigInteger n = product(primes);
        t.put("n", dec(n));
        t.put("publicKey", Vectors.hex(specPublicKey(n)));
        t.put("privateKey", Vectors.hex(specPrivateKey(primes)));
        t.put("result", "valid");
      } else {
        t.put("result", "invalid");
      }
    }

    private static void addParse(ArrayNode tests, String comment, byte[] encoding, boolean valid) {
      Set<String> verdict = encodingVerdict(encoding);
      if (valid != verdict.isEmpty()) {
        throw new AssertionError(comment + ": expected " + (valid ? "valid" : "invalid") + ", rules say " + verdict);
      }
      ObjectNode t = Vectors.newTest(tests, comment, valid ? new String[] {VALID} : verdict.toArray(new String[0]));
      t.put("operation", "parsePrivateKey");
      t.put("privateKey", Vectors.hex(encoding));
      if (valid) {
        Parsed parsed = specParse(encoding);
        decimals(t.putArray("primes"), parsed.primes);
        t.put("n", dec(product(parsed.primes)));
      }
      t.put("result", valid ? "valid" : "invalid");
    }

    private static void addBadCiphertext(ArrayNode tests, String comment, BigInteger c) {
      ObjectNode t = Vectors.newTest(tests, comment, ciphertextFlag(TestKeys.multiPrimeVectorKey().publicKey().modulus(), c));
      t.put("operation", "decrypt");
      t.put("c", dec(c));
      t.put("result", "invalid");
    }

    /** {@code 01 type || [u8 count] || int(x)...}; {@code count < 0} omits the count byte. */
    private static byte[] encode(int type, int count, List<BigInteger> xs) {
      Wire.Writer w = new Wire.Writer(type);
      if (count >= 0) {
        w.u8(count);
      }
      xs.forEach(w::integer);
      return w.toByteArray();
    }

    /** {@code count} primes of {@code bits} bits, ascending, whose product has {@code total} bits. */
    private static List<BigInteger> primesOfLength(int count, int bits, int total, SecureRandom rnd) {
      while (true) {
        List<BigInteger> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          out.add(Primes.randomPrime(bits, rnd));
        }
        if (product(out).bitLength() == total) {
          Collections.sort(out);
          return out;
        }
      }
    }

    /** A product of a 341-bit and a 342-bit prime with as many bits as {@code p} and larger. */
    private static BigInteger compositeAbove(BigInteger p, SecureRandom rnd) {
      while (true) {
        BigInteger c = Primes.randomPrime(341, rnd).multiply(Primes.randomPrime(342, rnd));
        if (c.bitLength() == p.bitLength() && c.compareTo(p) > 0) {
          return c;
        }
      }
    }

    private static BigInteger nextPrime(BigInteger from, SecureRandom rnd) {
      BigInteger x = from.setBit(0);
      while (!Primes.isProbablePrime(x, rnd)) {
        x = x.add(BigInteger.TWO);
      }
      return x;
    }
  }

  static String ciphertextFlag(BigInteger n, BigInteger c) {
    if (c.signum() <= 0 || c.compareTo(n.multiply(n)) >= 0) {
      return OUT_OF_RANGE;
    }
    return c.gcd(n).equals(ONE) ? VALID : NOT_A_UNIT;
  }

  // ---------------------------------------------------------------- checker

  static final class Checker implements VectorChecker {
    private static final Set<String> GROUP = Set.of(
        "type", "modulusBits", "primes", "n", "publicKey", "privateKey", "crtConstants", "tests");
    private static final Set<String> FIELDS = PaillierVectors.fields(
        "operation", "primes", "n", "publicKey", "privateKey", "m", "r", "c", "residues");
    private List<BigInteger> primes;
    private List<BigInteger> hs;
    private PaillierPrivateKey sk;

    @Override
    public String algorithm() {
      return ALGORITHM;
    }

    @Override
    public String schema() {
      return SCHEMA;
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
          throw new AssertionError("unknown operation " + op);
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
        Vectors.expectInvalid(InvalidPaillierKeyException.class, () -> PaillierPrivateKey.fromPrimes(given));
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
      assertEquals(sorted, key.primes());
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
        Vectors.expectInvalid(InvalidPaillierKeyException.class, () -> PaillierPrivateKey.fromBytes(encoding));
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
      assertEquals(listed, key.primes());
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
        Vectors.expectInvalid(InvalidCiphertextException.class, () -> sk.decrypt(Ciphertext.of(pk, c)));
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
      assertEquals(c, PaillierEncryptor.create(RandomizerSource.standard(pk, TestKeys.random(0)))
          .encryptWith(m, StandardRandomizers.randomizerFor(pk, r)).value());
      assertEquals(m, sk.decrypt(ct));
      assertEquals(m, sk.decrypt(ct, Runnable::run));
    }
  }
}
