package io.secagg.he;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secagg.core.testvectors.AbstractKnownAnswerTest;
import io.secagg.core.testvectors.VectorChecker;
import io.secagg.core.testvectors.VectorFileGenerator;
import io.secagg.core.testvectors.Vectors;
import io.secagg.he.internal.Wire;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Generators and checkers of {@code paillier_keys_test.json} and
 * {@code paillier_encryption_test.json}. Checkers recompute every output from the spec's
 * formulas with plain {@link BigInteger} arithmetic and compare with both the file and the
 * library.
 */
final class PaillierVectors {
  static final long KEY_SEED = TestKeys.VECTOR_KEY_SEED;

  private PaillierVectors() {}

  /** The fixed 2048-bit key of the vectors: PaillierKeyGenerator with DeterministicRandom(KEY_SEED). */
  static PaillierKeyPair vectorKey() {
    return TestKeys.vectorKey();
  }

  static String dec(BigInteger x) {
    return x.toString();
  }

  // ---------------------------------------------------------------- keys

  static final class KeysGenerator implements VectorFileGenerator {
    @Override
    public String fileName() {
      return "paillier_keys_test.json";
    }

    @Override
    public ObjectNode generate() {
      Map<String, String> notes = new LinkedHashMap<>();
      notes.put("Valid", "A well-formed key under the production policy.");
      notes.put("MalformedEncoding", "The byte encoding breaks the format: version, type, length, leading zero or trailing bytes.");
      notes.put("WeakKey", "The key material fails a validation rule: size, primality, distinctness, equal lengths, small factors or a prime modulus.");
      notes.put("NonCanonical", "The private key encoding lists p >= q.");
      ObjectNode file = Vectors.newFile("PAILLIER-KEYS", "paillier_keys_test_schema_v1",
          "Paillier key validation and serialization (spec/paillier.md, Keys and Serialization)", notes);
      ObjectNode group = ((ArrayNode) file.get("testGroups")).addObject();
      group.put("type", "PaillierKeys");
      ArrayNode tests = group.putArray("tests");
      PaillierKeyPair kp = vectorKey();
      BigInteger p = kp.privateKey().p();
      BigInteger q = kp.privateKey().q();
      BigInteger n = kp.publicKey().modulus();

      ObjectNode t = Vectors.newTest(tests, "2048-bit key from primes", "Valid");
      t.put("operation", "fromPrimes");
      t.put("p", dec(p));
      t.put("q", dec(q));
      t.put("n", dec(n));
      t.put("publicKey", Vectors.hex(kp.publicKey().toBytes()));
      t.put("privateKey", Vectors.hex(kp.privateKey().toBytes()));
      t.put("result", "valid");

      t = Vectors.newTest(tests, "2048-bit public key encoding", "Valid");
      t.put("operation", "parsePublicKey");
      t.put("publicKey", Vectors.hex(kp.publicKey().toBytes()));
      t.put("n", dec(n));
      t.put("result", "valid");

      t = Vectors.newTest(tests, "primes given as q, p are sorted", "Valid");
      t.put("operation", "fromPrimes");
      t.put("p", dec(q));
      t.put("q", dec(p));
      t.put("n", dec(n));
      t.put("publicKey", Vectors.hex(kp.publicKey().toBytes()));
      t.put("privateKey", Vectors.hex(kp.privateKey().toBytes()));
      t.put("result", "valid");

      byte[] pub = kp.publicKey().toBytes();
      addParse(tests, "parsePublicKey", "trailing byte", "MalformedEncoding", concat(pub, new byte[] {0}));
      addParse(tests, "parsePublicKey", "truncated", "MalformedEncoding", java.util.Arrays.copyOf(pub, pub.length - 1));
      byte[] v2 = pub.clone();
      v2[0] = 2;
      addParse(tests, "parsePublicKey", "unknown version 2", "MalformedEncoding", v2);
      byte[] ty = pub.clone();
      ty[1] = 3;
      addParse(tests, "parsePublicKey", "ciphertext type byte", "MalformedEncoding", ty);
      addParse(tests, "parsePublicKey", "leading zero byte in n", "MalformedEncoding",
          new Wire.Writer(1).u32(Wire.byteLength(n) + 1).raw(new byte[] {0}).raw(Wire.fixed(n, Wire.byteLength(n))).toByteArray());
      addParse(tests, "parsePublicKey", "even modulus", "WeakKey", new Wire.Writer(1).integer(n.add(BigInteger.ONE)).toByteArray());
      addParse(tests, "parsePublicKey", "prime modulus", "WeakKey",
          new Wire.Writer(1).integer(primeModulus()).toByteArray());
      addParse(tests, "parsePublicKey", "perfect square modulus p^2", "WeakKey",
          new Wire.Writer(1).integer(p.multiply(p)).toByteArray());
      addParse(tests, "parsePublicKey", "modulus divisible by 3", "WeakKey",
          new Wire.Writer(1).integer(n.multiply(BigInteger.valueOf(3))).toByteArray());
      PaillierKeyPair small = TestKeys.small();
      addParse(tests, "parsePublicKey", "512-bit modulus below the 2048-bit minimum", "WeakKey", small.publicKey().toBytes());
      addParse(tests, "parsePrivateKey", "private key listing q before p", "NonCanonical",
          new Wire.Writer(2).integer(q).integer(p).toByteArray());
      addParse(tests, "parsePrivateKey", "private key with trailing byte", "MalformedEncoding",
          concat(kp.privateKey().toBytes(), new byte[] {1}));
      addPrimes(tests, "p = q", p, p);
      addPrimes(tests, "q composite (q + 2^40)", p, q.add(BigInteger.ONE.shiftLeft(40)));
      addPrimes(tests, "p and q of different lengths", p, small.privateKey().q());
      addPrimes(tests, "512-bit modulus below the 2048-bit minimum", small.privateKey().p(), small.privateKey().q());
      return Vectors.finish(file);
    }

    private static void addParse(ArrayNode tests, String op, String comment, String flag, byte[] enc) {
      ObjectNode t = Vectors.newTest(tests, comment, flag);
      t.put("operation", op);
      t.put(op.equals("parsePublicKey") ? "publicKey" : "privateKey", Vectors.hex(enc));
      t.put("result", "invalid");
    }

    private static void addPrimes(ArrayNode tests, String comment, BigInteger p, BigInteger q) {
      ObjectNode t = Vectors.newTest(tests, comment, "WeakKey");
      t.put("operation", "fromPrimes");
      t.put("p", dec(p));
      t.put("q", dec(q));
      t.put("result", "invalid");
    }
  }

  private static BigInteger primeModulus;

  /** The smallest prime above 2^2047 (cached: finding it takes a while). */
  static synchronized BigInteger primeModulus() {
    if (primeModulus == null) {
      primeModulus = BigInteger.ONE.shiftLeft(2047).nextProbablePrime();
    }
    return primeModulus;
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static final class KeysChecker implements VectorChecker {
    private static final Set<String> FIELDS = fields("operation", "p", "q", "n", "publicKey", "privateKey");

    @Override
    public String algorithm() {
      return "PAILLIER-KEYS";
    }

    @Override
    public String schema() {
      return "paillier_keys_test_schema_v1";
    }

    @Override
    public void checkGroup(JsonNode group) {
      Vectors.onlyFields(group, Set.of("type", "tests"));
      assertEquals("PaillierKeys", Vectors.text(group, "type"));
    }

    @Override
    public void checkTest(JsonNode group, JsonNode test) throws Exception {
      Vectors.onlyFields(test, FIELDS);
      String op = Vectors.text(test, "operation");
      boolean valid = Vectors.isValid(test);
      switch (op) {
        case "fromPrimes": {
          BigInteger p = Vectors.bigInteger(test, "p");
          BigInteger q = Vectors.bigInteger(test, "q");
          if (!valid) {
            Vectors.expectInvalid(InvalidPaillierKeyException.class, () -> PaillierPrivateKey.fromPrimes(p, q));
            return;
          }
          PaillierPrivateKey sk = PaillierPrivateKey.fromPrimes(p, q);
          BigInteger n = Vectors.bigInteger(test, "n");
          assertEquals(p.multiply(q), n);
          assertEquals(n, sk.publicKey().modulus());
          // Spec: 01 01 || u32 len || n ; 01 02 || u32 len || min(p,q) || u32 len || max(p,q).
          byte[] expectedPub = concat(new byte[] {1, 1}, lengthPrefixed(n));
          byte[] expectedPriv = concat(new byte[] {1, 2}, concat(lengthPrefixed(p.min(q)), lengthPrefixed(p.max(q))));
          assertArrayEquals(expectedPub, Vectors.bytes(test, "publicKey"));
          assertArrayEquals(expectedPriv, Vectors.bytes(test, "privateKey"));
          assertArrayEquals(expectedPub, sk.publicKey().toBytes());
          assertArrayEquals(expectedPriv, sk.toBytes());
          assertEquals(sk, PaillierPrivateKey.fromBytes(expectedPriv));
          return;
        }
        case "parsePublicKey": {
          byte[] enc = Vectors.bytes(test, "publicKey");
          if (!valid) {
            Vectors.expectInvalid(InvalidPaillierKeyException.class, () -> PaillierPublicKey.fromBytes(enc));
            return;
          }
          assertEquals(Vectors.bigInteger(test, "n"), PaillierPublicKey.fromBytes(enc).modulus());
          return;
        }
        case "parsePrivateKey": {
          byte[] enc = Vectors.bytes(test, "privateKey");
          assertTrue(!valid, "only invalid private-key parses are listed");
          Vectors.expectInvalid(InvalidPaillierKeyException.class, () -> PaillierPrivateKey.fromBytes(enc));
          return;
        }
        default:
          throw new AssertionError("unknown operation " + op);
      }
    }
  }

  static byte[] lengthPrefixed(BigInteger x) {
    byte[] m = Wire.minimal(x);
    byte[] len = {(byte) (m.length >>> 24), (byte) (m.length >>> 16), (byte) (m.length >>> 8), (byte) m.length};
    return concat(len, m);
  }

  static Set<String> fields(String... extra) {
    Set<String> s = new HashSet<>(AbstractKnownAnswerTest.commonTestFields());
    s.addAll(java.util.List.of(extra));
    return s;
  }

  // ---------------------------------------------------------------- encryption

  static final class EncryptionGenerator implements VectorFileGenerator {
    @Override
    public String fileName() {
      return "paillier_encryption_test.json";
    }

    @Override
    public ObjectNode generate() {
      Map<String, String> notes = new LinkedHashMap<>();
      notes.put("Standard", "Encryption (1 + m n) r^n mod n^2 with r uniform in Z*_n.");
      notes.put("Djn", "Encryption (1 + m n) h_s^a mod n^2 with the DJN base h_s derived from n and a < 2^1024.");
      notes.put("Homomorphic", "A homomorphic operation: product of ciphertexts, or c^k rerandomized by h_s^a.");
      notes.put("EdgeCase", "Plaintext 0 or n - 1.");
      notes.put("OutOfRange", "A ciphertext outside (0, n^2) or a plaintext outside [0, n).");
      notes.put("NotAUnit", "A ciphertext with gcd(c, n) != 1 (a multiple of p or q).");
      notes.put("MalformedEncoding", "A ciphertext encoding of the wrong length, version or type.");
      ObjectNode file = Vectors.newFile("PAILLIER-ENCRYPTION", "paillier_encryption_test_schema_v1",
          "Paillier g = n + 1 encryption, DJN randomizers, CRT decryption and homomorphic operations"
              + " (spec/paillier.md, Encryption and Decryption)", notes);
      PaillierKeyPair kp = vectorKey();
      PaillierPublicKey pk = kp.publicKey();
      BigInteger n = pk.modulus();
      BigInteger n2 = pk.modulusSquared();
      ObjectNode group = ((ArrayNode) file.get("testGroups")).addObject();
      group.put("type", "PaillierEncryption");
      group.put("p", dec(kp.privateKey().p()));
      group.put("q", dec(kp.privateKey().q()));
      group.put("n", dec(n));
      group.put("djnX", dec(DjnRandomizers.derivedX(n)));
      group.put("djnH", dec(DjnRandomizers.h(n)));
      group.put("djnHs", dec(DjnRandomizers.base(pk)));
      group.put("djnExponentBits", DjnRandomizers.exponentBits(pk));
      ArrayNode tests = group.putArray("tests");
      SecureRandom rnd = TestKeys.random(KEY_SEED + 2);
      DjnRandomizers djn = new DjnRandomizers(pk, rnd, 4);
      PaillierEncryptor enc = PaillierEncryptor.create(djn);
      BigInteger[] ms = {BigInteger.ZERO, BigInteger.ONE, BigInteger.valueOf(65535), n.subtract(BigInteger.ONE),
          new BigInteger(2040, rnd)};
      for (BigInteger m : ms) {
        BigInteger r = StandardRandomizers.sampleUnit(n, rnd);
        Ciphertext c = enc.encryptWith(m, StandardRandomizers.randomizerFor(pk, r));
        ObjectNode t = Vectors.newTest(tests, "standard encryption of a " + m.bitLength() + "-bit m",
            m.signum() == 0 || m.equals(n.subtract(BigInteger.ONE)) ? new String[] {"Standard", "EdgeCase"} : new String[] {"Standard"});
        t.put("operation", "encrypt");
        t.put("m", dec(m));
        t.put("r", dec(r));
        t.put("c", dec(c.value()));
        t.put("ciphertext", Vectors.hex(c.toBytes()));
        t.put("result", "valid");
      }
      Ciphertext last = null;
      for (BigInteger m : new BigInteger[] {BigInteger.valueOf(7), new BigInteger(2000, rnd)}) {
        BigInteger a = new BigInteger(DjnRandomizers.exponentBits(pk), rnd);
        Ciphertext c = enc.encryptWith(m, djn.forExponent(a));
        ObjectNode t = Vectors.newTest(tests, "DJN encryption of a " + m.bitLength() + "-bit m", "Djn");
        t.put("operation", "encryptDjn");
        t.put("m", dec(m));
        t.put("a", dec(a));
        t.put("c", dec(c.value()));
        t.put("result", "valid");
        last = c;
      }
      Ciphertext c1 = enc.encrypt(BigInteger.valueOf(1000));
      Ciphertext c2 = enc.encrypt(n.subtract(BigInteger.valueOf(10)));
      ObjectNode t = Vectors.newTest(tests, "sum 1000 + (n - 10) wraps to 990", "Homomorphic");
      t.put("operation", "add");
      t.put("c1", dec(c1.value()));
      t.put("c2", dec(c2.value()));
      t.put("c", dec(c1.add(c2).value()));
      t.put("m", "990");
      t.put("result", "valid");
      BigInteger k = BigInteger.valueOf(12345);
      BigInteger a = new BigInteger(DjnRandomizers.exponentBits(pk), rnd);
      BigInteger scaled = last.value().modPow(k, n2).multiply(djn.forExponent(a)).mod(n2);
      t = Vectors.newTest(tests, "multiply by plaintext 12345, rerandomized", "Homomorphic", "Djn");
      t.put("operation", "multiplyPlaintext");
      t.put("c1", dec(last.value()));
      t.put("k", dec(k));
      t.put("a", dec(a));
      t.put("c", dec(scaled));
      t.put("m", dec(kp.privateKey().decrypt(last).multiply(k).mod(n)));
      t.put("result", "valid");

      addBadDecrypt(tests, "c = 0", "OutOfRange", BigInteger.ZERO);
      addBadDecrypt(tests, "c = n^2", "OutOfRange", n2);
      addBadDecrypt(tests, "c = n^2 + 1", "OutOfRange", n2.add(BigInteger.ONE));
      addBadDecrypt(tests, "c = -1", "OutOfRange", BigInteger.ONE.negate());
      addBadDecrypt(tests, "c = p * 12345 shares the factor p", "NotAUnit", kp.privateKey().p().multiply(k));
      addBadDecrypt(tests, "c = n", "NotAUnit", n);
      for (BigInteger m : new BigInteger[] {n, BigInteger.ONE.negate()}) {
        t = Vectors.newTest(tests, "plaintext " + (m.signum() < 0 ? "-1" : "n") + " is outside [0, n)", "OutOfRange");
        t.put("operation", "encrypt");
        t.put("m", dec(m));
        t.put("r", "1");
        t.put("result", "invalid");
      }
      byte[] good = c1.toBytes();
      addBadParse(tests, "ciphertext encoding one byte short", java.util.Arrays.copyOf(good, good.length - 1));
      addBadParse(tests, "ciphertext encoding one byte long", concat(good, new byte[] {0}));
      byte[] ty = good.clone();
      ty[1] = 1;
      addBadParse(tests, "public-key type byte", ty);
      byte[] big = good.clone();
      java.util.Arrays.fill(big, 2, big.length, (byte) 0xff);
      t = Vectors.newTest(tests, "well-formed encoding of a value >= n^2", "OutOfRange");
      t.put("operation", "parseCiphertext");
      t.put("ciphertext", Vectors.hex(big));
      t.put("result", "invalid");
      return Vectors.finish(file);
    }

    private static void addBadDecrypt(ArrayNode tests, String comment, String flag, BigInteger c) {
      ObjectNode t = Vectors.newTest(tests, comment, flag);
      t.put("operation", "decrypt");
      t.put("c", dec(c));
      t.put("result", "invalid");
    }

    private static void addBadParse(ArrayNode tests, String comment, byte[] enc) {
      ObjectNode t = Vectors.newTest(tests, comment, "MalformedEncoding");
      t.put("operation", "parseCiphertext");
      t.put("ciphertext", Vectors.hex(enc));
      t.put("result", "invalid");
    }
  }

  static final class EncryptionChecker implements VectorChecker {
    private static final Set<String> GROUP = Set.of("type", "p", "q", "n", "djnX", "djnH", "djnHs", "djnExponentBits", "tests");
    private static final Set<String> FIELDS = fields("operation", "m", "r", "a", "k", "c", "c1", "c2", "ciphertext");
    private PaillierPrivateKey sk;
    private DjnRandomizers djn;

    @Override
    public String algorithm() {
      return "PAILLIER-ENCRYPTION";
    }

    @Override
    public String schema() {
      return "paillier_encryption_test_schema_v1";
    }

    @Override
    public void checkGroup(JsonNode group) throws Exception {
      Vectors.onlyFields(group, GROUP);
      sk = PaillierPrivateKey.fromPrimes(Vectors.bigInteger(group, "p"), Vectors.bigInteger(group, "q"));
      BigInteger n = Vectors.bigInteger(group, "n");
      assertEquals(n, sk.publicKey().modulus());
      assertEquals(Vectors.bigInteger(group, "djnX"), DjnRandomizers.derivedX(n));
      BigInteger x = Vectors.bigInteger(group, "djnX");
      BigInteger h = n.subtract(x.multiply(x).mod(n));
      assertEquals(h, Vectors.bigInteger(group, "djnH"));
      assertEquals(h.modPow(n, n.multiply(n)), Vectors.bigInteger(group, "djnHs"));
      assertEquals((n.bitLength() + 1) / 2, Vectors.integer(group, "djnExponentBits"));
      djn = new DjnRandomizers(sk.publicKey(), new SecureRandom(), 4);
    }

    @Override
    public void checkTest(JsonNode group, JsonNode test) throws Exception {
      Vectors.onlyFields(test, FIELDS);
      PaillierPublicKey pk = sk.publicKey();
      BigInteger n = pk.modulus();
      BigInteger n2 = pk.modulusSquared();
      BigInteger hs = Vectors.bigInteger(group, "djnHs");
      PaillierEncryptor enc = PaillierEncryptor.create(djn);
      boolean valid = Vectors.isValid(test);
      String op = Vectors.text(test, "operation");
      switch (op) {
        case "encrypt": {
          BigInteger m = Vectors.bigInteger(test, "m");
          if (!valid) {
            Vectors.expectInvalid(IllegalArgumentException.class, () -> enc.encrypt(m));
            return;
          }
          BigInteger r = Vectors.bigInteger(test, "r");
          assertTrue(r.signum() > 0 && r.compareTo(n) < 0 && r.gcd(n).equals(BigInteger.ONE), "r must be in Z*_n");
          BigInteger expected = BigInteger.ONE.add(m.multiply(n)).multiply(r.modPow(n, n2)).mod(n2);
          assertEquals(expected, Vectors.bigInteger(test, "c"));
          assertEquals(expected, enc.encryptWith(m, StandardRandomizers.randomizerFor(pk, r)).value());
          Ciphertext c = Ciphertext.fromBytes(pk, Vectors.bytes(test, "ciphertext"));
          assertEquals(expected, c.value());
          assertEquals(m, sk.decrypt(c));
          return;
        }
        case "encryptDjn": {
          BigInteger m = Vectors.bigInteger(test, "m");
          BigInteger a = Vectors.bigInteger(test, "a");
          assertTrue(a.signum() >= 0 && a.bitLength() <= Vectors.integer(group, "djnExponentBits"));
          BigInteger expected = BigInteger.ONE.add(m.multiply(n)).multiply(hs.modPow(a, n2)).mod(n2);
          assertEquals(expected, Vectors.bigInteger(test, "c"));
          assertEquals(expected, enc.encryptWith(m, djn.forExponent(a)).value());
          assertEquals(m, sk.decrypt(Ciphertext.of(pk, expected)));
          return;
        }
        case "add": {
          Ciphertext c1 = Ciphertext.of(pk, Vectors.bigInteger(test, "c1"));
          Ciphertext c2 = Ciphertext.of(pk, Vectors.bigInteger(test, "c2"));
          BigInteger expected = c1.value().multiply(c2.value()).mod(n2);
          assertEquals(expected, Vectors.bigInteger(test, "c"));
          assertEquals(expected, c1.add(c2).value());
          assertEquals(Vectors.bigInteger(test, "m"), sk.decrypt(c1.add(c2)));
          return;
        }
        case "multiplyPlaintext": {
          BigInteger c1 = Vectors.bigInteger(test, "c1");
          BigInteger k = Vectors.bigInteger(test, "k");
          BigInteger a = Vectors.bigInteger(test, "a");
          BigInteger expected = c1.modPow(k, n2).multiply(hs.modPow(a, n2)).mod(n2);
          assertEquals(expected, Vectors.bigInteger(test, "c"));
          BigInteger m = Vectors.bigInteger(test, "m");
          assertEquals(m, sk.decrypt(Ciphertext.of(pk, expected)));
          assertEquals(sk.decrypt(Ciphertext.of(pk, c1)).multiply(k).mod(n), m);
          return;
        }
        case "decrypt": {
          BigInteger c = Vectors.bigInteger(test, "c");
          assertTrue(!valid, "only invalid decrypt cases are listed");
          Vectors.expectInvalid(InvalidCiphertextException.class, () -> sk.decrypt(Ciphertext.of(pk, c)));
          return;
        }
        case "parseCiphertext": {
          byte[] bytes = Vectors.bytes(test, "ciphertext");
          assertTrue(!valid, "only invalid parse cases are listed");
          Vectors.expectInvalid(InvalidCiphertextException.class, () -> Ciphertext.fromBytes(pk, bytes));
          return;
        }
        default:
          throw new AssertionError("unknown operation " + op);
      }
    }
  }
}
