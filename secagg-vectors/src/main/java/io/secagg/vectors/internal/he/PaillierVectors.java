package io.secagg.vectors.internal.he;

import static io.secagg.vectors.internal.Expect.assertArrayEquals;
import static io.secagg.vectors.internal.Expect.assertEquals;
import static io.secagg.vectors.internal.Expect.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.secagg.vectors.internal.NamedVectorChecker;
import io.secagg.vectors.internal.Mismatch;
import io.secagg.vectors.internal.Vectors;
import io.secagg.he.RandomizerSource;
import io.secagg.vectors.internal.ReplayRandom;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Set;
import io.secagg.he.Ciphertext;
import io.secagg.he.InvalidCiphertextException;
import io.secagg.he.InvalidPaillierKeyException;
import io.secagg.he.PaillierEncryptor;
import io.secagg.he.PaillierPrivateKey;
import io.secagg.he.PaillierPublicKey;

/**
 * Generators and checkers of {@code paillier_keys_test.json} and
 * {@code paillier_encryption_test.json}. Checkers recompute every output from the spec's
 * formulas with plain {@link BigInteger} arithmetic and compare with both the file and the
 * library.
 */
final class PaillierVectors {
  private PaillierVectors() {}

  static String dec(BigInteger x) {
    return x.toString();
  }

  // ---------------------------------------------------------------- keys

  static BigInteger primeModulus;

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

  static final class KeysChecker extends NamedVectorChecker {
    private static final Set<String> FIELDS = Vectors.testFields("operation", "p", "q", "n", "publicKey", "privateKey");

    KeysChecker() {
      super("paillier_keys_test.json", "PAILLIER-KEYS", "paillier_keys_test_schema_v1.json");
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
            Vectors.expectNamedError(test, () -> PaillierPrivateKey.fromPrimes(p, q), InvalidPaillierKeyException.class);
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
            Vectors.expectNamedError(test, () -> PaillierPublicKey.fromBytes(enc), InvalidPaillierKeyException.class);
            return;
          }
          assertEquals(Vectors.bigInteger(test, "n"), PaillierPublicKey.fromBytes(enc).modulus());
          return;
        }
        case "parsePrivateKey": {
          byte[] enc = Vectors.bytes(test, "privateKey");
          assertTrue(!valid, "only invalid private-key parses are listed");
          Vectors.expectNamedError(test, () -> PaillierPrivateKey.fromBytes(enc), InvalidPaillierKeyException.class);
          return;
        }
        default:
          throw new Mismatch("unknown operation " + op);
      }
    }
  }

  static byte[] lengthPrefixed(BigInteger x) {
    byte[] m = PaillierSpec.minimal(x);
    byte[] len = {(byte) (m.length >>> 24), (byte) (m.length >>> 16), (byte) (m.length >>> 8), (byte) m.length};
    return concat(len, m);
  }

  // ---------------------------------------------------------------- encryption

  static final class EncryptionChecker extends NamedVectorChecker {
    private static final Set<String> GROUP = Set.of("type", "p", "q", "n", "djnX", "djnH", "djnHs", "djnExponentBits", "tests");
    private static final Set<String> FIELDS = Vectors.testFields("operation", "m", "r", "a", "k", "c", "c1", "c2", "ciphertext");
    private PaillierPrivateKey sk;

    EncryptionChecker() {
      super("paillier_encryption_test.json", "PAILLIER-ENCRYPTION", "paillier_encryption_test_schema_v1.json");
    }

    @Override
    public void checkGroup(JsonNode group) throws Exception {
      Vectors.onlyFields(group, GROUP);
      sk = PaillierPrivateKey.fromPrimes(Vectors.bigInteger(group, "p"), Vectors.bigInteger(group, "q"));
      BigInteger n = Vectors.bigInteger(group, "n");
      assertEquals(n, sk.publicKey().modulus());
      assertEquals(Vectors.bigInteger(group, "djnX"), PaillierSpec.djnX(n), "djnX");
      BigInteger x = Vectors.bigInteger(group, "djnX");
      BigInteger h = n.subtract(x.multiply(x).mod(n));
      assertEquals(h, Vectors.bigInteger(group, "djnH"));
      assertEquals(h.modPow(n, n.multiply(n)), Vectors.bigInteger(group, "djnHs"));
      assertEquals((n.bitLength() + 1) / 2, Vectors.integer(group, "djnExponentBits"));
    }

    @Override
    public void checkTest(JsonNode group, JsonNode test) throws Exception {
      Vectors.onlyFields(test, FIELDS);
      PaillierPublicKey pk = sk.publicKey();
      BigInteger n = pk.modulus();
      BigInteger n2 = pk.modulusSquared();
      BigInteger hs = Vectors.bigInteger(group, "djnHs");
      PaillierEncryptor enc = PaillierEncryptor.create(RandomizerSource.standard(pk, new SecureRandom()));
      boolean valid = Vectors.isValid(test);
      String op = Vectors.text(test, "operation");
      switch (op) {
        case "encrypt": {
          BigInteger m = Vectors.bigInteger(test, "m");
          if (!valid) {
            Vectors.expectNamedError(test, () -> enc.encrypt(m), IllegalArgumentException.class);
            return;
          }
          BigInteger r = Vectors.bigInteger(test, "r");
          assertTrue(r.signum() > 0 && r.compareTo(n) < 0 && r.gcd(n).equals(BigInteger.ONE), "r must be in Z*_n");
          BigInteger expected = BigInteger.ONE.add(m.multiply(n)).multiply(r.modPow(n, n2)).mod(n2);
          assertEquals(expected, Vectors.bigInteger(test, "c"));
          // The library draws r itself (section 5): replaying r's bits re-runs its encryption.
          PaillierEncryptor replay = PaillierEncryptor.create(
              RandomizerSource.standard(pk, ReplayRandom.ofBigInteger(r, n.bitLength())));
          assertEquals(expected, replay.encrypt(m).value(), "library encryption with r");
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
          int l = Vectors.integer(group, "djnExponentBits");
          PaillierEncryptor replay = PaillierEncryptor.create(
              RandomizerSource.djn(pk, ReplayRandom.ofBigInteger(a, l), 4));
          assertEquals(expected, replay.encrypt(m).value(), "library DJN encryption with a");
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
          Vectors.expectNamedError(test, () -> sk.decrypt(Ciphertext.of(pk, c)), InvalidCiphertextException.class);
          return;
        }
        case "parseCiphertext": {
          byte[] bytes = Vectors.bytes(test, "ciphertext");
          assertTrue(!valid, "only invalid parse cases are listed");
          Vectors.expectNamedError(test, () -> Ciphertext.fromBytes(pk, bytes), InvalidCiphertextException.class);
          return;
        }
        default:
          throw new Mismatch("unknown operation " + op);
      }
    }
  }
}
