package io.secagg.vectors.internal.he;

import static io.secagg.vectors.internal.he.PaillierVectors.concat;
import static io.secagg.vectors.internal.he.PaillierVectors.dec;
import static io.secagg.vectors.internal.he.PaillierVectors.lengthPrefixed;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secagg.vectors.internal.CheckedFileGenerator;
import io.secagg.vectors.internal.Vectors;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import io.secagg.vectors.internal.VectorFiles;
import static io.secagg.vectors.internal.he.MultiPrimeVectors.*;
import io.secagg.he.PaillierKeyGenerator;
import io.secagg.he.PaillierKeyPair;
import io.secagg.he.PaillierPrivateKey;

/** The generators of the files that {@link MultiPrimeVectors} checks (how each value was produced). */
final class MultiPrimeGenerators {
  private MultiPrimeGenerators() {}

  static final class Generator extends CheckedFileGenerator {
    Generator() {
      super(new MultiPrimeVectors.Checker());
    }

    @Override
    public ObjectNode generate() {
      ObjectNode file = newFile("Paillier keys with three or more primes: validation, type 0x08 encoding and CRT decryption"
              + " with Garner's recombination (spec/paillier.md sections 3.5, 4.4 and 10). The group key"
              + " is PaillierKeyGenerator.generate(2048, 3) seeded with DeterministicRandom(0x5eca993048).");
      PaillierKeyPair kp = HeTestKeys.multiPrimeVectorKey();
      PaillierPrivateKey sk = kp.privateKey();
      BigInteger n = kp.publicKey().modulus();
      List<BigInteger> primes = HeTestKeys.primes(sk);
      BigInteger p1 = primes.get(0);
      BigInteger p2 = primes.get(1);
      BigInteger p3 = primes.get(2);
      SecureRandom rnd = HeTestKeys.random(HeTestKeys.MULTI_PRIME_VECTOR_KEY_SEED + 1);

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
          HeTestKeys.primes(HeTestKeys.fourPrime().privateKey()));
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
      BigInteger long684 = HeTestKeys.randomPrime(684, rnd);
      BigInteger short682;
      do {
        short682 = HeTestKeys.randomPrime(682, rnd);
      } while (p1.multiply(short682).multiply(long684).bitLength() != 2048);
      addKey(tests, "primes of 682, 682 and 684 bits", List.of(p1, short682, long684));
      BigInteger safe = HeTestKeys.SAFE_P_1024;
      addKey(tests, "p' and P = 2p' + 1 (fixed 1024-bit safe prime) with a third 1024-bit prime: p' divides P - 1",
          List.of(safe.shiftRight(1), safe, HeTestKeys.SAFE_Q_1024));
      BigInteger close = nextPrime(p3.add(ONE.shiftLeft(582)), rnd);
      addKey(tests, "p_2 replaced by p_3 + 2^582 + d: |difference| has 583 = 683 - 100 bits, too close", List.of(p1, p3, close));
      addKey(tests, "p_2 replaced by p_3 + 2^500 + d", List.of(p1, p3, nextPrime(p3.add(ONE.shiftLeft(500)), rnd)));
      PaillierPrivateKey small = PaillierKeyGenerator.generateForTesting(2046, 3, rnd).privateKey();
      addKey(tests, "a 2046-bit modulus from three primes", HeTestKeys.primes(small));

      // parsePrivateKey.
      byte[] canonical = sk.toBytes();
      addParse(tests, "the canonical encoding of the group key", canonical, true);
      addParse(tests, "the canonical encoding of the four-prime key", HeTestKeys.fourPrime().privateKey().toBytes(), true);
      PaillierPrivateKey two = HeTestKeys.vectorKey().privateKey();
      addParse(tests, "a valid two-prime key under type 0x08 with count 2", encode(0x08, 2, HeTestKeys.primes(two)), false);
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
      addParse(tests, "a fourth prime after count 3", concat(canonical, lengthPrefixed(HeTestKeys.randomPrime(683, rnd))), false);
      byte[] middle = PaillierSpec.minimal(p2);
      addParse(tests, "p_2 with a leading zero byte", new HeTestKeys.Writer(0x08).u8(3).integer(p1)
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
        BigInteger r = PaillierGenerators.sampleUnit(n, rnd);
        BigInteger c = BigInteger.ONE.add(m.multiply(n)).multiply(r.modPow(n, n.multiply(n))).mod(n.multiply(n));
        ObjectNode t = VectorFiles.newTest(tests, "decrypt " + describe(m, primes), plaintextFlags(primes, m).toArray(new String[0]));
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
      BigInteger unit = PaillierGenerators.sampleUnit(n, rnd);
      addBadCiphertext(tests, "c = p_2 * u for a unit u: gcd(c, n) = p_2", p2.multiply(unit).mod(n2));
      addBadCiphertext(tests, "c = p_1 * p_3", p1.multiply(p3));
      addBadCiphertext(tests, "c = n", n);
      return VectorFiles.finish(file);
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
      ObjectNode t = VectorFiles.newTest(tests, comment, flags);
      t.put("operation", "fromPrimes");
      decimals(t.putArray("primes"), primes);
      if (violations.isEmpty()) {
        BigInteger n = product(primes);
        t.put("n", dec(n));
        t.put("publicKey", Vectors.hex(specPublicKey(n)));
        t.put("privateKey", Vectors.hex(specPrivateKey(primes)));
        t.put("result", "valid");
      } else {
        t.put("error", "InvalidPaillierKeyException");
        t.put("result", "invalid");
      }
    }

    private static void addParse(ArrayNode tests, String comment, byte[] encoding, boolean valid) {
      Set<String> verdict = encodingVerdict(encoding);
      if (valid != verdict.isEmpty()) {
        throw new AssertionError(comment + ": expected " + (valid ? "valid" : "invalid") + ", rules say " + verdict);
      }
      ObjectNode t = VectorFiles.newTest(tests, comment, valid ? new String[] {VALID} : verdict.toArray(new String[0]));
      t.put("operation", "parsePrivateKey");
      t.put("privateKey", Vectors.hex(encoding));
      if (valid) {
        Parsed parsed = specParse(encoding);
        decimals(t.putArray("primes"), parsed.primes);
        t.put("n", dec(product(parsed.primes)));
      }
      if (!valid) {
        t.put("error", "InvalidPaillierKeyException");
      }
      t.put("result", valid ? "valid" : "invalid");
    }

    private static void addBadCiphertext(ArrayNode tests, String comment, BigInteger c) {
      ObjectNode t = VectorFiles.newTest(tests, comment, ciphertextFlag(HeTestKeys.multiPrimeVectorKey().publicKey().modulus(), c));
      t.put("operation", "decrypt");
      t.put("c", dec(c));
      t.put("error", "InvalidCiphertextException");
      t.put("result", "invalid");
    }

    /** {@code 01 type || [u8 count] || int(x)...}; {@code count < 0} omits the count byte. */
    private static byte[] encode(int type, int count, List<BigInteger> xs) {
      HeTestKeys.Writer w = new HeTestKeys.Writer(type);
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
          out.add(HeTestKeys.randomPrime(bits, rnd));
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
        BigInteger c = HeTestKeys.randomPrime(341, rnd).multiply(HeTestKeys.randomPrime(342, rnd));
        if (c.bitLength() == p.bitLength() && c.compareTo(p) > 0) {
          return c;
        }
      }
    }

    private static BigInteger nextPrime(BigInteger from, SecureRandom rnd) {
      BigInteger x = from.setBit(0);
      while (!x.isProbablePrime(100)) {
        x = x.add(BigInteger.TWO);
      }
      return x;
    }
  }
}
