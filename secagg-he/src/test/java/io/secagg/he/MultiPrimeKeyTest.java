package io.secagg.he;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.he.internal.Primes;
import io.secagg.he.internal.Wire;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keys with three to five primes: generation, CRT decryption with Garner's recombination, the
 * type {@code 0x08} encoding and every validation rule (spec/paillier.md section 3.5).
 *
 * <p>Every rejection test changes one thing of an otherwise valid key, and where it is cheap
 * shows the unchanged (or minimally different) key accepted, so the test cannot pass because an
 * unrelated rule fired.
 */
class MultiPrimeKeyTest {
  private static final BigInteger ONE = BigInteger.ONE;
  /** A 384-bit three-prime key: three 128-bit primes (INSECURE, fast). */
  private static final PaillierKeyPair KEY384 =
      PaillierKeyGenerator.generateForTesting(384, 3, TestKeys.random(3843));

  private static BigInteger product(List<BigInteger> primes) {
    BigInteger n = ONE;
    for (BigInteger p : primes) {
      n = n.multiply(p);
    }
    return n;
  }

  private static List<BigInteger> sortedLengths(List<BigInteger> primes) {
    List<BigInteger> out = new ArrayList<>();
    for (BigInteger p : primes) {
      out.add(BigInteger.valueOf(p.bitLength()));
    }
    Collections.sort(out);
    return out;
  }

  private static List<BigInteger> lengths(int... bits) {
    List<BigInteger> out = new ArrayList<>();
    for (int b : bits) {
      out.add(BigInteger.valueOf(b));
    }
    return out;
  }

  /** {@code 1 + m n} times one fixed n-th residue: enough for decryption tests on large keys. */
  private static Ciphertext encryptWithFixedRandomizer(PaillierPublicKey pk, BigInteger m, BigInteger rho) {
    return PaillierEncryptor.create(RandomizerSource.standard(pk, TestKeys.random(1))).encryptWith(m, rho);
  }

  private static BigInteger randomizer(PaillierPublicKey pk, long seed) {
    return StandardRandomizers.randomizerFor(pk, StandardRandomizers.sampleUnit(pk.modulus(), TestKeys.random(seed)));
  }

  /**
   * 0, 1, n - 1 and values straddling each prime and each product of two primes: the plaintexts
   * whose residues are 0, 1 or -1 modulo some primes but not others.
   */
  private static List<BigInteger> edgePlaintexts(PaillierPrivateKey sk) {
    BigInteger n = sk.publicKey().modulus();
    List<BigInteger> primes = sk.primes();
    List<BigInteger> ms = new ArrayList<>(List.of(BigInteger.ZERO, ONE, BigInteger.TWO, n.subtract(ONE), n.subtract(BigInteger.TWO)));
    for (int i = 0; i < primes.size(); i++) {
      BigInteger p = primes.get(i);
      ms.addAll(List.of(p.subtract(ONE), p, p.add(ONE), n.subtract(p), n.divide(p), n.divide(p).subtract(ONE)));
      for (int j = i + 1; j < primes.size(); j++) {
        BigInteger pq = p.multiply(primes.get(j));
        ms.addAll(List.of(pq.subtract(ONE), pq, pq.add(ONE)));
      }
    }
    return ms;
  }

  private static void assertDecryptsEdgePlaintexts(PaillierKeyPair kp, long seed) {
    BigInteger rho = randomizer(kp.publicKey(), seed);
    for (BigInteger m : edgePlaintexts(kp.privateKey())) {
      assertEquals(m, kp.privateKey().decrypt(encryptWithFixedRandomizer(kp.publicKey(), m, rho)), "m = " + m);
    }
  }

  // ---------------------------------------------------------------- generation

  @ParameterizedTest
  @ValueSource(ints = {256, 384, 386, 512, 514, 1000})
  void generatesThreePrimesWithTheCeilingLengthsFirstAndAModulusOfExactlyTheRequestedLength(int bits) {
    PaillierKeyPair kp = PaillierKeyGenerator.generateForTesting(bits, 3, TestKeys.random(bits));
    PaillierPrivateKey sk = kp.privateKey();
    assertEquals(3, sk.primeCount());
    List<BigInteger> primes = sk.primes();
    assertEquals(bits, kp.publicKey().modulusBits());
    assertEquals(kp.publicKey().modulus(), product(primes));
    int floor = bits / 3;
    int longer = bits % 3;
    List<BigInteger> expected = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      expected.add(BigInteger.valueOf(floor + (i < longer ? 1 : 0)));
    }
    Collections.sort(expected);
    assertEquals(expected, sortedLengths(primes));
    for (int i = 0; i < primes.size(); i++) {
      assertTrue(Primes.isProbablePrime(primes.get(i), TestKeys.random(i)));
      if (i > 0) {
        assertTrue(primes.get(i - 1).compareTo(primes.get(i)) < 0, "primes are kept ascending");
      }
    }
  }

  @Test
  void generatesA2048BitThreePrimeKeyFromPrimesOf682And683Bits() {
    PaillierKeyPair kp = TestKeys.multiPrimeVectorKey();
    assertEquals(2048, kp.publicKey().modulusBits());
    assertEquals(3, kp.privateKey().primeCount());
    assertEquals(lengths(682, 683, 683), sortedLengths(kp.privateKey().primes()));
    assertEquals(kp.publicKey().modulus(), product(kp.privateKey().primes()));
  }

  @Test
  void generatesFourPrimesAt4096BitsAndFiveAt8192Bits() {
    PaillierKeyPair four = TestKeys.fourPrime();
    assertEquals(4, four.privateKey().primeCount());
    assertEquals(4096, four.publicKey().modulusBits());
    assertEquals(lengths(1024, 1024, 1024, 1024), sortedLengths(four.privateKey().primes()));
    PaillierKeyPair five = TestKeys.fivePrime();
    assertEquals(5, five.privateKey().primeCount());
    assertEquals(8192, five.publicKey().modulusBits());
    // 8192 = 5 * 1638 + 2: two primes of 1639 bits, three of 1638.
    assertEquals(lengths(1638, 1638, 1638, 1639, 1639), sortedLengths(five.privateKey().primes()));
    assertEquals(five.publicKey().modulus(), product(five.privateKey().primes()));
  }

  @Test
  void generatedMultiPrimeKeysPassTheirOwnValidation() throws Exception {
    for (PaillierKeyPair kp : List.of(TestKeys.multiPrimeVectorKey(), TestKeys.fourPrime())) {
      assertEquals(kp.privateKey(), PaillierPrivateKey.fromPrimes(kp.privateKey().primes()));
    }
    assertEquals(KEY384.privateKey(), PaillierPrivateKey.fromPrimesForTesting(KEY384.privateKey().primes()));
  }

  @Test
  void generatorAcceptanceRejectsARepeatedPrimeEvenWhereTheDistanceRuleIsVacuous() {
    // Below 101 bits min(bits) - 100 <= 0, so |p - p| = 0 passes the distance rule; distinctness
    // must be checked on its own (a repeated prime would make Garner's inverse 0 mod p).
    SecureRandom r = TestKeys.random(43);
    BigInteger p = Primes.randomPrime(43, r);
    BigInteger q = Primes.randomPrime(43, r);
    assertFalse(PaillierKeyGenerator.acceptable(new BigInteger[] {p, p, q}));
    assertFalse(PaillierKeyGenerator.acceptable(new BigInteger[] {q, p, q}));
    assertTrue(PaillierKeyGenerator.acceptable(new BigInteger[] {p, q, Primes.randomPrime(42, r)}));
  }

  @Test
  void twoPrimeGenerationThroughThePrimeCountOverloadStillGivesEqualLengthPrimes() {
    PaillierKeyPair kp = PaillierKeyGenerator.generateForTesting(512, 2, TestKeys.random(22));
    assertEquals(2, kp.privateKey().primeCount());
    assertEquals(lengths(256, 256), sortedLengths(kp.privateKey().primes()));
  }

  @Test
  void generatorRejectsPrimeCountsOutsideTwoToMaxPrimes() {
    SecureRandom r = TestKeys.random(1);
    assertThrows(IllegalArgumentException.class, () -> PaillierKeyGenerator.generateForTesting(512, 1, r));
    assertThrows(IllegalArgumentException.class, () -> PaillierKeyGenerator.generateForTesting(512, 0, r));
    assertThrows(IllegalArgumentException.class, () -> PaillierKeyGenerator.generateForTesting(512, -3, r));
    assertThrows(IllegalArgumentException.class, () -> PaillierKeyGenerator.generateForTesting(512, 4, r));
    assertThrows(IllegalArgumentException.class, () -> PaillierKeyGenerator.generate(2048, 4, r));
    assertThrows(IllegalArgumentException.class, () -> PaillierKeyGenerator.generate(4094, 4, r));
    assertThrows(IllegalArgumentException.class, () -> PaillierKeyGenerator.generate(4096, 5, r));
    assertThrows(IllegalArgumentException.class, () -> PaillierKeyGenerator.generate(8190, 5, r));
    assertThrows(IllegalArgumentException.class, () -> PaillierKeyGenerator.generate(8192, 6, r));
    assertThrows(IllegalArgumentException.class, () -> PaillierKeyGenerator.generate(16384, 6, r));
  }

  @Test
  void generatorRejectsOddOrOutOfRangeLengthsWithSeveralPrimes() {
    SecureRandom r = TestKeys.random(1);
    assertThrows(IllegalArgumentException.class, () -> PaillierKeyGenerator.generate(2049, 3, r));
    assertThrows(IllegalArgumentException.class, () -> PaillierKeyGenerator.generate(2046, 3, r));
    assertThrows(IllegalArgumentException.class, () -> PaillierKeyGenerator.generate(16386, 3, r));
    assertThrows(IllegalArgumentException.class, () -> PaillierKeyGenerator.generateForTesting(385, 3, r));
    assertThrows(IllegalArgumentException.class, () -> PaillierKeyGenerator.generateForTesting(126, 3, r));
    assertThrows(IllegalArgumentException.class, () -> PaillierKeyGenerator.generateForTesting(0, 3, r));
    assertThrows(NullPointerException.class, () -> PaillierKeyGenerator.generateForTesting(384, 3, null));
  }

  // ---------------------------------------------------------------- maxPrimes

  @Test
  void maxPrimesIsThreeBelow4096FourBelow8192AndFiveFrom8192() {
    for (int bits : new int[] {1, 128, 384, 2047, 2048, 3072, 4095}) {
      assertEquals(3, PaillierPrivateKey.maxPrimes(bits), "bits " + bits);
    }
    for (int bits : new int[] {4096, 6144, 8191}) {
      assertEquals(4, PaillierPrivateKey.maxPrimes(bits), "bits " + bits);
    }
    for (int bits : new int[] {8192, 16384, Integer.MAX_VALUE}) {
      assertEquals(5, PaillierPrivateKey.maxPrimes(bits), "bits " + bits);
    }
  }

  @Test
  void maxPrimesRejectsNonPositiveLengths() {
    for (int bits : new int[] {0, -1, Integer.MIN_VALUE}) {
      assertThrows(IllegalArgumentException.class, () -> PaillierPrivateKey.maxPrimes(bits));
    }
  }

  // ---------------------------------------------------------------- decryption

  @Test
  void primeCountIsTheNumberOfFactors() {
    assertEquals(2, TestKeys.small().privateKey().primeCount());
    assertEquals(2, TestKeys.production().privateKey().primeCount());
    assertEquals(3, KEY384.privateKey().primeCount());
    assertEquals(3, TestKeys.multiPrimeVectorKey().privateKey().primeCount());
    assertEquals(4, TestKeys.fourPrime().privateKey().primeCount());
    assertEquals(5, TestKeys.fivePrime().privateKey().primeCount());
  }

  @Test
  void decryptsZeroOneMinusOneAndValuesStraddlingEachPrimeWithThreePrimes() {
    assertDecryptsEdgePlaintexts(KEY384, 1);
    assertDecryptsEdgePlaintexts(TestKeys.smallThreePrime(), 2);
    assertDecryptsEdgePlaintexts(TestKeys.multiPrimeVectorKey(), 3);
  }

  @Test
  void decryptsValuesStraddlingEachPrimeWithFourAndFivePrimes() {
    assertDecryptsEdgePlaintexts(TestKeys.fourPrime(), 4);
    assertDecryptsEdgePlaintexts(TestKeys.fivePrime(), 5);
  }

  @Test
  void decryptsCiphertextsFromTheRealEncryptor() {
    PaillierKeyPair kp = TestKeys.multiPrimeVectorKey();
    PaillierEncryptor enc = PaillierEncryptor.create(RandomizerSource.standard(kp.publicKey(), TestKeys.random(7)));
    for (BigInteger m : edgePlaintexts(kp.privateKey())) {
      assertEquals(m, kp.privateKey().decrypt(enc.encrypt(m)));
    }
  }

  @Test
  void decryptionWithAnExecutorEqualsPlainDecryption() {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (PaillierKeyPair kp : List.of(KEY384, TestKeys.multiPrimeVectorKey(), TestKeys.fourPrime(), TestKeys.small())) {
        BigInteger rho = randomizer(kp.publicKey(), 9);
        for (BigInteger m : edgePlaintexts(kp.privateKey())) {
          Ciphertext c = encryptWithFixedRandomizer(kp.publicKey(), m, rho);
          BigInteger plain = kp.privateKey().decrypt(c);
          assertEquals(plain, kp.privateKey().decrypt(c, pool));
          assertEquals(plain, kp.privateKey().decrypt(c, Runnable::run));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void decryptionWithAnExecutorRejectsNullsAndForeignCiphertexts() {
    PaillierPrivateKey sk = KEY384.privateKey();
    Ciphertext foreign = PaillierEncryptor.create(RandomizerSource.standard(TestKeys.small().publicKey(), TestKeys.random(3))).encrypt(5);
    assertThrows(KeyMismatchException.class, () -> sk.decrypt(foreign));
    assertThrows(KeyMismatchException.class, () -> sk.decrypt(foreign, Runnable::run));
    assertThrows(NullPointerException.class, () -> sk.decrypt(null));
    assertThrows(NullPointerException.class, () -> sk.decrypt(null, Runnable::run));
    Ciphertext own = PaillierEncryptor.create(RandomizerSource.standard(KEY384.publicKey(), TestKeys.random(3))).encrypt(5);
    assertThrows(NullPointerException.class, () -> sk.decrypt(own, null));
  }

  @Test
  void homomorphicOperationsDecryptCorrectlyUnderAThreePrimeKey() {
    PaillierKeyPair kp = TestKeys.multiPrimeVectorKey();
    PaillierPrivateKey sk = kp.privateKey();
    BigInteger n = kp.publicKey().modulus();
    PaillierEncryptor enc = PaillierEncryptor.create(RandomizerSource.djn(kp.publicKey(), TestKeys.random(8)));
    List<BigInteger> primes = sk.primes();
    BigInteger a = n.subtract(primes.get(0));
    BigInteger b = primes.get(0).add(BigInteger.valueOf(41));
    assertEquals(BigInteger.valueOf(41), sk.decrypt(enc.encrypt(a).add(enc.encrypt(b))));
    assertEquals(a.add(primes.get(2)).mod(n), sk.decrypt(enc.addPlaintext(enc.encrypt(a), primes.get(2))));
    BigInteger k = primes.get(1).multiply(primes.get(2));
    assertEquals(b.multiply(k).mod(n), sk.decrypt(enc.multiplyByPlaintext(enc.encrypt(b), k)));
    assertEquals(BigInteger.ZERO, sk.decrypt(enc.multiplyByPlaintext(enc.encrypt(primes.get(0)), k)));
    assertEquals(BigInteger.ZERO, sk.decrypt(enc.multiplyByPlaintext(enc.encrypt(a), BigInteger.ZERO)));
    assertEquals(a, sk.decrypt(enc.rerandomize(enc.encrypt(a))));
  }

  // ---------------------------------------------------------------- encoding

  @Test
  void productionThreePrimeKeyRoundTripsThroughItsEncoding() throws Exception {
    PaillierPrivateKey sk = TestKeys.multiPrimeVectorKey().privateKey();
    byte[] enc = sk.toBytes();
    PaillierPrivateKey parsed = PaillierPrivateKey.fromBytes(enc);
    assertEquals(sk, parsed);
    assertEquals(sk.hashCode(), parsed.hashCode());
    assertEquals(3, parsed.primeCount());
    assertEquals(sk.primes(), parsed.primes());
    assertArrayEquals(enc, parsed.toBytes());
    BigInteger rho = randomizer(sk.publicKey(), 4);
    Ciphertext c = encryptWithFixedRandomizer(sk.publicKey(), BigInteger.valueOf(123456789), rho);
    assertEquals(BigInteger.valueOf(123456789), parsed.decrypt(c));
  }

  @Test
  void fourPrimeKeyRoundTripsThroughItsEncoding() throws Exception {
    PaillierPrivateKey sk = TestKeys.fourPrime().privateKey();
    PaillierPrivateKey parsed = PaillierPrivateKey.fromBytes(sk.toBytes());
    assertEquals(sk, parsed);
    assertEquals(4, parsed.primeCount());
    assertEquals(4, sk.toBytes()[2]);
  }

  @Test
  void encodingIsVersionTypeEightCountThenEachPrimeAscendingWithA32BitLength() throws Exception {
    PaillierPrivateKey sk = KEY384.privateKey();
    // Built by hand from spec section 10, type 0x08: 01 08 || u8(k) || (u32 len || bytes)*.
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.write(0x01);
    expected.write(0x08);
    expected.write(3);
    List<BigInteger> primes = sk.primes();
    List<BigInteger> sorted = new ArrayList<>(primes);
    Collections.sort(sorted);
    assertEquals(sorted, primes);
    for (BigInteger p : primes) {
      byte[] signed = p.toByteArray();
      // A 128-bit prime with its top bit set: toByteArray adds a zero sign byte.
      assertEquals(17, signed.length);
      assertEquals(0, signed[0]);
      expected.writeBytes(new byte[] {0, 0, 0, 16});
      expected.write(signed, 1, 16);
    }
    byte[] enc = sk.toBytes();
    assertEquals(3 + 3 * (4 + 16), enc.length);
    assertArrayEquals(expected.toByteArray(), enc);
    assertEquals(sk, PaillierPrivateKey.fromPrimesForTesting(primes));
  }

  @Test
  void twoPrimeKeysKeepTypeTwo() {
    assertEquals(0x02, TestKeys.production().privateKey().toBytes()[1]);
    assertEquals(0x02, TestKeys.small().privateKey().toBytes()[1]);
  }

  @Test
  void parsingEnforcesTheProductionMinimumThatTheTestEntryPointLowers() throws Exception {
    PaillierPrivateKey sk = TestKeys.smallThreePrime().privateKey();
    assertThrows(InvalidPaillierKeyException.class, () -> PaillierPrivateKey.fromBytes(sk.toBytes()));
    assertThrows(InvalidPaillierKeyException.class, () -> PaillierPrivateKey.fromPrimes(sk.primes()));
    assertEquals(sk, PaillierPrivateKey.fromPrimesForTesting(sk.primes()));
  }

  /** {@code 01 08 || u8(count) || int(x)...} from the given integers, in the given order. */
  private static byte[] multiPrimeEncoding(int count, List<BigInteger> xs) {
    Wire.Writer w = new Wire.Writer(0x08).u8(count);
    for (BigInteger x : xs) {
      w.integer(x);
    }
    return w.toByteArray();
  }

  @Test
  void parsingAcceptsTheCanonicalEncodingBuiltIndependently() throws Exception {
    PaillierPrivateKey sk = TestKeys.multiPrimeVectorKey().privateKey();
    assertEquals(sk, PaillierPrivateKey.fromBytes(multiPrimeEncoding(3, sk.primes())));
  }

  @Test
  void parsingRejectsATwoPrimeKeyUnderTypeEight() throws Exception {
    PaillierPrivateKey two = TestKeys.production().privateKey();
    assertEquals(two, PaillierPrivateKey.fromBytes(new Wire.Writer(0x02).integer(two.p()).integer(two.q()).toByteArray()));
    assertThrows(InvalidPaillierKeyException.class,
        () -> PaillierPrivateKey.fromBytes(multiPrimeEncoding(2, two.primes())));
  }

  @Test
  void parsingRejectsPrimeCountsZeroOneAndAboveFive() {
    List<BigInteger> primes = TestKeys.multiPrimeVectorKey().privateKey().primes();
    assertThrows(InvalidPaillierKeyException.class, () -> PaillierPrivateKey.fromBytes(multiPrimeEncoding(0, List.of())));
    assertThrows(InvalidPaillierKeyException.class, () -> PaillierPrivateKey.fromBytes(multiPrimeEncoding(1, primes.subList(0, 1))));
    List<BigInteger> six = sixPrimes();
    assertThrows(InvalidPaillierKeyException.class, () -> PaillierPrivateKey.fromBytes(multiPrimeEncoding(6, six)));
    assertThrows(InvalidPaillierKeyException.class, () -> PaillierPrivateKey.fromBytes(multiPrimeEncoding(255, six)));
  }

  @Test
  void parsingRejectsPrimesOutOfAscendingOrderOrRepeated() {
    List<BigInteger> p = TestKeys.multiPrimeVectorKey().privateKey().primes();
    assertThrows(InvalidPaillierKeyException.class,
        () -> PaillierPrivateKey.fromBytes(multiPrimeEncoding(3, List.of(p.get(1), p.get(0), p.get(2)))));
    assertThrows(InvalidPaillierKeyException.class,
        () -> PaillierPrivateKey.fromBytes(multiPrimeEncoding(3, List.of(p.get(0), p.get(2), p.get(1)))));
    assertThrows(InvalidPaillierKeyException.class,
        () -> PaillierPrivateKey.fromBytes(multiPrimeEncoding(3, List.of(p.get(2), p.get(1), p.get(0)))));
    assertThrows(InvalidPaillierKeyException.class,
        () -> PaillierPrivateKey.fromBytes(multiPrimeEncoding(3, List.of(p.get(0), p.get(0), p.get(2)))));
    assertThrows(InvalidPaillierKeyException.class,
        () -> PaillierPrivateKey.fromBytes(multiPrimeEncoding(3, List.of(p.get(0), p.get(2), p.get(2)))));
  }

  @Test
  void parsingRejectsTruncationTrailingBytesAndCountMismatch() {
    PaillierPrivateKey sk = TestKeys.multiPrimeVectorKey().privateKey();
    byte[] good = sk.toBytes();
    for (int len : new int[] {0, 1, 2, 3, 6, 7, good.length / 2, good.length - 1}) {
      byte[] cut = Arrays.copyOf(good, len);
      assertThrows(InvalidPaillierKeyException.class, () -> PaillierPrivateKey.fromBytes(cut), "length " + len);
    }
    assertThrows(InvalidPaillierKeyException.class, () -> PaillierPrivateKey.fromBytes(Arrays.copyOf(good, good.length + 1)));
    List<BigInteger> p = sk.primes();
    assertThrows(InvalidPaillierKeyException.class, () -> PaillierPrivateKey.fromBytes(multiPrimeEncoding(4, p)));
    assertThrows(InvalidPaillierKeyException.class,
        () -> PaillierPrivateKey.fromBytes(multiPrimeEncoding(2, p)), "count 2 followed by three primes");
    // Type 0x02 reads two primes, so a third is trailing data.
    Wire.Writer asTwo = new Wire.Writer(0x02);
    p.forEach(asTwo::integer);
    assertThrows(InvalidPaillierKeyException.class, () -> PaillierPrivateKey.fromBytes(asTwo.toByteArray()));
  }

  @Test
  void parsingRejectsALeadingZeroByteInAPrime() {
    List<BigInteger> p = TestKeys.multiPrimeVectorKey().privateKey().primes();
    byte[] middle = Wire.minimal(p.get(1));
    byte[] padded = new Wire.Writer(0x08).u8(3).integer(p.get(0))
        .u32(middle.length + 1).u8(0).raw(middle)
        .integer(p.get(2)).toByteArray();
    assertThrows(InvalidPaillierKeyException.class, () -> PaillierPrivateKey.fromBytes(padded));
  }

  @Test
  void parsingRejectsOtherVersionsAndTypes() {
    byte[] good = TestKeys.multiPrimeVectorKey().privateKey().toBytes();
    for (int version : new int[] {0, 2, 0xff}) {
      byte[] bad = good.clone();
      bad[0] = (byte) version;
      assertThrows(InvalidPaillierKeyException.class, () -> PaillierPrivateKey.fromBytes(bad), "version " + version);
    }
    for (int type : new int[] {0x01, 0x03, 0x07, 0x09, 0x88}) {
      byte[] bad = good.clone();
      bad[1] = (byte) type;
      assertThrows(InvalidPaillierKeyException.class, () -> PaillierPrivateKey.fromBytes(bad), "type " + type);
    }
    assertThrows(NullPointerException.class, () -> PaillierPrivateKey.fromBytes(null)); // a caller bug
  }

  @Test
  void parsingAppliesTheFullValidationToAWellFormedEncoding() {
    List<BigInteger> four = fourPrimesFor2048Bits();
    assertThrows(InvalidPaillierKeyException.class, () -> PaillierPrivateKey.fromBytes(multiPrimeEncoding(4, four)));
    List<BigInteger> p = TestKeys.multiPrimeVectorKey().privateKey().primes();
    BigInteger composite = p.get(2).add(BigInteger.TWO);
    assertFalse(Primes.isProbablePrime(composite, TestKeys.random(1)));
    assertThrows(InvalidPaillierKeyException.class,
        () -> PaillierPrivateKey.fromBytes(multiPrimeEncoding(3, List.of(p.get(0), p.get(1), composite))));
  }

  // ---------------------------------------------------------------- validation

  /**
   * Four 512-bit primes, ascending, whose product has exactly 2048 bits: a fine key but for
   * their number.
   */
  private static List<BigInteger> fourPrimesFor2048Bits() {
    SecureRandom r = TestKeys.random(4512);
    while (true) {
      List<BigInteger> primes = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        primes.add(Primes.randomPrime(512, r));
      }
      if (product(primes).bitLength() == 2048) {
        Collections.sort(primes);
        return primes;
      }
    }
  }

  /** {@code count} primes of {@code bits} bits whose product has exactly {@code count * bits} bits. */
  private static List<BigInteger> primesOfLength(int count, int bits, long seed) {
    SecureRandom r = TestKeys.random(seed);
    while (true) {
      List<BigInteger> primes = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        primes.add(Primes.randomPrime(bits, r));
      }
      if (product(primes).bitLength() == count * bits) {
        return primes;
      }
    }
  }

  @Test
  void rejectsFourPrimesForA2048BitModulusButAcceptsThemFor4096Bits() throws Exception {
    assertThrows(InvalidPaillierKeyException.class, () -> PaillierPrivateKey.fromPrimes(fourPrimesFor2048Bits()));
    assertEquals(4, PaillierPrivateKey.fromPrimes(TestKeys.fourPrime().privateKey().primes()).primeCount());
  }

  @Test
  void rejectsMorePrimesThanTheModulusLengthAllowsUnderTheTestPolicyToo() throws Exception {
    // 4 x 96 = 384 bits: far above the 128-bit test minimum, but maxPrimes(384) = 3.
    assertThrows(InvalidPaillierKeyException.class, () -> PaillierPrivateKey.fromPrimesForTesting(primesOfLength(4, 96, 496)));
    assertEquals(3, PaillierPrivateKey.fromPrimesForTesting(primesOfLength(3, 128, 3128)).primeCount());
  }

  @Test
  void rejectsFivePrimesBelow8192BitsAndSixPrimesAtAnyLength() throws Exception {
    List<BigInteger> five = TestKeys.fivePrime().privateKey().primes();
    assertEquals(5, PaillierPrivateKey.fromPrimes(five).primeCount());
    // The same key with its largest (1639-bit) prime swapped for a 1638-bit one: n has at most
    // 8191 bits, where four primes is the limit.
    List<BigInteger> shortFive = new ArrayList<>(five.subList(0, 4));
    shortFive.add(Primes.randomPrime(1638, TestKeys.random(1638)));
    assertTrue(product(shortFive).bitLength() < 8192);
    assertThrows(InvalidPaillierKeyException.class, () -> PaillierPrivateKey.fromPrimes(shortFive));
    List<BigInteger> six = sixPrimes();
    assertThrows(InvalidPaillierKeyException.class, () -> PaillierPrivateKey.fromPrimes(six));
    assertThrows(InvalidPaillierKeyException.class, () -> PaillierPrivateKey.fromPrimesForTesting(six));
  }

  /** Six 342-bit primes, ascending: n has 2052 bits; no key may have six primes. */
  private static List<BigInteger> sixPrimes() {
    List<BigInteger> six = new ArrayList<>(primesOfLength(6, 342, 6342));
    Collections.sort(six);
    return six;
  }

  @Test
  void rejectsFewerThanTwoPrimes() {
    BigInteger p = KEY384.privateKey().primes().get(0);
    assertThrows(InvalidPaillierKeyException.class, () -> PaillierPrivateKey.fromPrimesForTesting(List.of()));
    assertThrows(InvalidPaillierKeyException.class, () -> PaillierPrivateKey.fromPrimesForTesting(List.of(p)));
  }

  @Test
  void rejectsARepeatedPrime() {
    List<BigInteger> p = KEY384.privateKey().primes();
    assertThrows(InvalidPaillierKeyException.class, () -> PaillierPrivateKey.fromPrimesForTesting(List.of(p.get(0), p.get(0), p.get(2))));
    assertThrows(InvalidPaillierKeyException.class, () -> PaillierPrivateKey.fromPrimesForTesting(List.of(p.get(1), p.get(2), p.get(1))));
    List<BigInteger> q = TestKeys.multiPrimeVectorKey().privateKey().primes();
    assertThrows(InvalidPaillierKeyException.class, () -> PaillierPrivateKey.fromPrimes(List.of(q.get(2), q.get(1), q.get(2))));
  }

  @Test
  void rejectsACompositeFactorWithoutSmallFactors() {
    List<BigInteger> p = KEY384.privateKey().primes();
    // A 128-bit product of two 64-bit primes: trial division cannot see it, Miller-Rabin must.
    SecureRandom r = TestKeys.random(64);
    BigInteger composite;
    do {
      composite = Primes.randomPrime(64, r).multiply(Primes.randomPrime(64, r));
    } while (composite.bitLength() != 128);
    BigInteger c = composite;
    assertThrows(InvalidPaillierKeyException.class, () -> PaillierPrivateKey.fromPrimesForTesting(List.of(p.get(0), c, p.get(2))));
  }

  @Test
  void rejectsPrimeLengthsDifferingByTwoBitsButAcceptsOneBit() throws Exception {
    SecureRandom r = TestKeys.random(130);
    BigInteger a = Primes.randomPrime(128, r);
    BigInteger b = Primes.randomPrime(128, r);
    BigInteger oneLonger = Primes.randomPrime(129, r);
    BigInteger twoLonger = Primes.randomPrime(130, r);
    assertEquals(3, PaillierPrivateKey.fromPrimesForTesting(List.of(a, b, oneLonger)).primeCount());
    assertThrows(InvalidPaillierKeyException.class, () -> PaillierPrivateKey.fromPrimesForTesting(List.of(a, b, twoLonger)));
    assertThrows(InvalidPaillierKeyException.class, () -> PaillierPrivateKey.fromPrimesForTesting(List.of(twoLonger, a, b)));
  }

  @Test
  void twoPrimeKeysStillRequireEqualLengths() throws Exception {
    SecureRandom r = TestKeys.random(129);
    BigInteger a = Primes.randomPrime(256, r);
    BigInteger b = Primes.randomPrime(256, r);
    BigInteger longer = Primes.randomPrime(257, r);
    assertEquals(2, PaillierPrivateKey.fromPrimesForTesting(List.of(a, b)).primeCount());
    assertThrows(InvalidPaillierKeyException.class, () -> PaillierPrivateKey.fromPrimesForTesting(List.of(a, longer)));
  }

  @Test
  void rejectsAPrimeDividingAnotherPrimeMinusOne() throws Exception {
    // P = 2p' + 1 is a safe prime: p' divides P - 1, so p' divides both n and phi(n).
    BigInteger safe = TestKeys.smallSafePrimes()[0];
    BigInteger sophieGermain = safe.shiftRight(1);
    assertEquals(127, sophieGermain.bitLength());
    assertEquals(128, safe.bitLength());
    BigInteger third = Primes.randomPrime(128, TestKeys.random(128128));
    assertThrows(InvalidPaillierKeyException.class,
        () -> PaillierPrivateKey.fromPrimesForTesting(List.of(sophieGermain, safe, third)));
    BigInteger other = Primes.randomPrime(127, TestKeys.random(127));
    assertEquals(3, PaillierPrivateKey.fromPrimesForTesting(List.of(other, safe, third)).primeCount());
  }

  @Test
  void rejectsAPrimeDividingAnotherPrimeMinusOneAtProductionSize() {
    BigInteger safe = TestKeys.SAFE_P_1024;
    BigInteger sophieGermain = safe.shiftRight(1);
    BigInteger third = TestKeys.SAFE_Q_1024;
    assertThrows(InvalidPaillierKeyException.class,
        () -> PaillierPrivateKey.fromPrimes(List.of(third, sophieGermain, safe)));
  }

  @Test
  void rejectsTwoPrimesWithin2ToTheMinLengthMinus100() throws Exception {
    // 128-bit primes: the difference must have more than 28 bits.
    BigInteger a = KEY384.privateKey().primes().get(0);
    BigInteger c = KEY384.privateKey().primes().get(2);
    BigInteger tooClose = nextPrime(a.add(ONE.shiftLeft(27)));
    BigInteger farEnough = nextPrime(a.add(ONE.shiftLeft(28)));
    assertEquals(28, tooClose.subtract(a).bitLength());
    assertEquals(29, farEnough.subtract(a).bitLength());
    assertEquals(a.bitLength(), tooClose.bitLength());
    assertThrows(InvalidPaillierKeyException.class, () -> PaillierPrivateKey.fromPrimesForTesting(List.of(a, tooClose, c)));
    assertEquals(3, PaillierPrivateKey.fromPrimesForTesting(List.of(a, farEnough, c)).primeCount());
  }

  @Test
  void rejectsTwoClosePrimesAtProductionSize() {
    List<BigInteger> p = TestKeys.multiPrimeVectorKey().privateKey().primes();
    BigInteger close = nextPrime(p.get(2).add(ONE.shiftLeft(500)));
    assertThrows(InvalidPaillierKeyException.class, () -> PaillierPrivateKey.fromPrimes(List.of(p.get(0), close, p.get(2))));
  }

  private static BigInteger nextPrime(BigInteger from) {
    SecureRandom r = TestKeys.random(from.longValue());
    BigInteger x = from.testBit(0) ? from : from.add(ONE);
    while (!Primes.isProbablePrime(x, r)) {
      x = x.add(BigInteger.TWO);
    }
    return x;
  }

  @Test
  void rejectsAModulusBelowTheMinimumOfEachPolicy() throws Exception {
    // Three primes of 42 bits: n has at most 126 bits, below the 128-bit test minimum.
    List<BigInteger> tiny = List.of(nextPrime(ONE.shiftLeft(41).add(ONE.shiftLeft(40))),
        nextPrime(ONE.shiftLeft(41).add(ONE.shiftLeft(39))), nextPrime(ONE.shiftLeft(41).add(ONE.shiftLeft(38))));
    assertTrue(product(tiny).bitLength() < 128);
    assertThrows(InvalidPaillierKeyException.class, () -> PaillierPrivateKey.fromPrimesForTesting(tiny));
    // 2046 bits: accepted for tests, rejected in production.
    PaillierPrivateKey sk = PaillierKeyGenerator.generateForTesting(2046, 3, TestKeys.random(2046)).privateKey();
    assertEquals(sk, PaillierPrivateKey.fromPrimesForTesting(sk.primes()));
    assertThrows(InvalidPaillierKeyException.class, () -> PaillierPrivateKey.fromPrimes(sk.primes()));
    assertThrows(InvalidPaillierKeyException.class, () -> PaillierPrivateKey.fromBytes(sk.toBytes()));
  }

  @Test
  void rejectsNonPositiveAndOversizedFactors() {
    List<BigInteger> p = KEY384.privateKey().primes();
    assertThrows(InvalidPaillierKeyException.class,
        () -> PaillierPrivateKey.fromPrimesForTesting(List.of(p.get(0).negate(), p.get(1), p.get(2))));
    assertThrows(InvalidPaillierKeyException.class,
        () -> PaillierPrivateKey.fromPrimesForTesting(List.of(BigInteger.ZERO, p.get(1), p.get(2))));
    // Rejected by its length before any multiplication or primality test.
    BigInteger huge = ONE.shiftLeft(1 << 20).add(ONE);
    assertThrows(InvalidPaillierKeyException.class,
        () -> PaillierPrivateKey.fromPrimesForTesting(List.of(p.get(0), huge, p.get(2))));
  }

  @Test
  void rejectsNullListsAndElementsWithNullPointerException() {
    List<BigInteger> p = KEY384.privateKey().primes();
    assertThrows(NullPointerException.class, () -> PaillierPrivateKey.fromPrimes((List<BigInteger>) null));
    assertThrows(NullPointerException.class, () -> PaillierPrivateKey.fromPrimesForTesting((List<BigInteger>) null));
    assertThrows(NullPointerException.class,
        () -> PaillierPrivateKey.fromPrimesForTesting(Arrays.asList(p.get(0), null, p.get(2))));
    assertThrows(NullPointerException.class,
        () -> PaillierPrivateKey.fromPrimes(Arrays.asList(null, p.get(1), p.get(2))));
  }

  @Test
  void acceptsPrimesInAnyOrderAndStoresThemAscending() throws Exception {
    List<BigInteger> p = KEY384.privateKey().primes();
    PaillierPrivateKey shuffled = PaillierPrivateKey.fromPrimesForTesting(List.of(p.get(2), p.get(0), p.get(1)));
    assertEquals(p, shuffled.primes());
    assertArrayEquals(KEY384.privateKey().toBytes(), shuffled.toBytes());
  }

  // ---------------------------------------------------------------- identity and secrecy

  @Test
  void aThreePrimeKeyEqualsItselfParsedBackAndDiffersFromTwoPrimeKeys() throws Exception {
    PaillierPrivateKey three = TestKeys.multiPrimeVectorKey().privateKey();
    PaillierPrivateKey parsed = PaillierPrivateKey.fromBytes(three.toBytes());
    assertEquals(three, parsed);
    assertEquals(parsed, three);
    assertEquals(three.hashCode(), parsed.hashCode());
    PaillierPrivateKey two = TestKeys.production().privateKey();
    assertNotEquals(three, two);
    assertNotEquals(two, three);
    assertNotEquals(three, TestKeys.fourPrime().privateKey());
    assertNotEquals(three, null);
    assertNotEquals(three, three.publicKey());
  }

  @Test
  void toStringRevealsNeitherThePrimesNorHowManyThereAre() {
    PaillierKeyPair three = TestKeys.multiPrimeVectorKey();
    PaillierKeyPair two = TestKeys.production();
    for (PaillierKeyPair kp : List.of(three, TestKeys.fourPrime(), TestKeys.fivePrime(), KEY384)) {
      String s = kp.privateKey().toString() + kp;
      for (BigInteger p : kp.privateKey().primes()) {
        assertFalse(s.contains(p.toString()));
        assertFalse(s.contains(p.toString(16)));
        // A prefix is enough to leak: check the top 64 bits in both bases.
        BigInteger top = p.shiftRight(p.bitLength() - 64);
        assertFalse(s.contains(top.toString()));
        assertFalse(s.contains(top.toString(16)));
      }
    }
    // Same modulus length, two versus three primes: once the fingerprints (which depend on n
    // only) are blanked out, the texts must be identical.
    String t3 = three.privateKey().toString().replace(three.publicKey().fingerprint(), "F")
        + three.toString().replace(three.publicKey().fingerprint(), "F");
    String t2 = two.privateKey().toString().replace(two.publicKey().fingerprint(), "F")
        + two.toString().replace(two.publicKey().fingerprint(), "F");
    assertEquals(t2, t3);
  }
}
