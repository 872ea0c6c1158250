package io.secagg.he;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Algebraic laws of three-prime keys: CRT decryption with Garner's recombination inverts
 * encryption, respects the homomorphism, and agrees with the textbook (non-CRT) decryption
 * {@code L(c^lambda mod n^2) mu mod n} on every unit of {@code Z*_(n^2)}, not only on
 * encryptions.
 */
class MultiPrimeProperties {
  private static final BigInteger ONE = BigInteger.ONE;

  /** One key with its encryptor and the textbook constants, computed with plain BigInteger. */
  static final class Fixture {
    final PaillierKeyPair kp;
    final PaillierEncryptor enc;
    final BigInteger n;
    final BigInteger n2;
    final BigInteger lambda;
    final BigInteger mu;

    Fixture(PaillierKeyPair kp, long seed) {
      this.kp = kp;
      this.enc = PaillierEncryptor.create(RandomizerSource.standard(kp.publicKey(), TestKeys.random(seed)));
      this.n = kp.publicKey().modulus();
      this.n2 = n.multiply(n);
      BigInteger l = ONE;
      for (BigInteger p : kp.privateKey().primes()) {
        BigInteger pm1 = p.subtract(ONE);
        l = l.divide(l.gcd(pm1)).multiply(pm1);
      }
      this.lambda = l;
      this.mu = lOfN(n.add(ONE).modPow(lambda, n2)).modInverse(n);
    }

    BigInteger lOfN(BigInteger x) {
      return x.subtract(ONE).divide(n);
    }

    /** Paillier 1999 without CRT: {@code L(c^lambda mod n^2) * mu mod n}. */
    BigInteger textbookDecrypt(BigInteger c) {
      return lOfN(c.modPow(lambda, n2)).multiply(mu).mod(n);
    }

    @Override
    public String toString() {
      return kp.publicKey().modulusBits() + "-bit three-prime key";
    }
  }

  /** INSECURE small keys: primes of 85/86, 128 and 170/171 bits. */
  private static final List<Fixture> KEYS = List.of(
      new Fixture(PaillierKeyGenerator.generateForTesting(256, 3, TestKeys.random(2563)), 1),
      new Fixture(PaillierKeyGenerator.generateForTesting(384, 3, TestKeys.random(3843)), 2),
      new Fixture(TestKeys.smallThreePrime(), 3));

  /** A key and one plaintext in {@code [0, n)}. */
  static final class Case {
    final Fixture key;
    final BigInteger a;
    final BigInteger b;

    Case(Fixture key, BigInteger a, BigInteger b) {
      this.key = key;
      this.a = a;
      this.b = b;
    }

    @Override
    public String toString() {
      return key + ", a = " + a + ", b = " + b;
    }
  }

  @Provide
  Arbitrary<Case> plaintexts() {
    return Arbitraries.of(KEYS).flatMap(k -> {
      Arbitrary<BigInteger> m = Arbitraries.bigIntegers().between(BigInteger.ZERO, k.n.subtract(ONE));
      return Combinators.combine(m, m).as((a, b) -> new Case(k, a, b));
    });
  }

  /** A key and an arbitrary unit {@code c} of {@code Z*_(n^2)} (carried in {@code a}). */
  @Provide
  Arbitrary<Case> units() {
    return Arbitraries.of(KEYS).flatMap(k -> Arbitraries.bigIntegers()
        .between(ONE, k.n2.subtract(ONE))
        .filter(c -> c.gcd(k.n).equals(ONE))
        .map(c -> new Case(k, c, BigInteger.ZERO)));
  }

  @Property(tries = 200)
  void decryptionInvertsEncryption(@ForAll("plaintexts") Case t) {
    assertEquals(t.a, t.key.kp.privateKey().decrypt(t.key.enc.encrypt(t.a)));
  }

  @Property(tries = 150)
  void decryptionOfASumIsTheSumModN(@ForAll("plaintexts") Case t) {
    Ciphertext sum = t.key.enc.encrypt(t.a).add(t.key.enc.encrypt(t.b));
    assertEquals(t.a.add(t.b).mod(t.key.n), t.key.kp.privateKey().decrypt(sum));
  }

  @Property(tries = 100)
  void decryptionOfAScaledCiphertextIsTheProductModN(@ForAll("plaintexts") Case t) {
    Ciphertext scaled = t.key.enc.multiplyByPlaintext(t.key.enc.encrypt(t.a), t.b);
    assertEquals(t.a.multiply(t.b).mod(t.key.n), t.key.kp.privateKey().decrypt(scaled));
  }

  @Property(tries = 150)
  void crtDecryptionEqualsTextbookDecryptionOfEncryptions(@ForAll("plaintexts") Case t) {
    Ciphertext c = t.key.enc.encrypt(t.a);
    BigInteger textbook = t.key.textbookDecrypt(c.value());
    assertEquals(t.a, textbook);
    assertEquals(textbook, t.key.kp.privateKey().decrypt(c));
  }

  /**
   * Every unit is a ciphertext (g = n + 1 and the n-th residues generate Z*_(n^2)), so the two
   * decryptions must agree on all of them, including values no encryptor would produce.
   */
  @Property(tries = 200)
  void crtDecryptionEqualsTextbookDecryptionOfAnyUnit(@ForAll("units") Case t) throws Exception {
    Ciphertext c = Ciphertext.of(t.key.kp.publicKey(), t.a);
    BigInteger expected = t.key.textbookDecrypt(t.a);
    assertEquals(expected, t.key.kp.privateKey().decrypt(c));
    assertEquals(expected, t.key.kp.privateKey().decrypt(c, Runnable::run));
  }
}
