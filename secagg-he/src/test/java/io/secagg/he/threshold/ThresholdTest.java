package io.secagg.he.threshold;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.he.Ciphertext;
import io.secagg.he.InvalidPaillierKeyException;
import io.secagg.he.KeyMismatchException;
import io.secagg.he.PaillierEncryptor;
import io.secagg.he.RandomizerSource;
import io.secagg.he.TestKeys;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ThresholdTest {
  private static final SecureRandom RANDOM = TestKeys.random(77);
  private static final BigInteger[] PQ = TestKeys.smallSafePrimes();
  private static final ThresholdKeySet KEYS =
      ThresholdKeyDealer.dealFromSafePrimesForTesting(PQ[0], PQ[1], 3, 5, RANDOM);
  private static final PaillierEncryptor ENC = PaillierEncryptor.create(KEYS.publicKey().paillierKey());

  private static List<PartialDecryption> partials(Ciphertext c, int... parties) {
    List<PartialDecryption> out = new ArrayList<>();
    for (int i : parties) {
      out.add(KEYS.share(i).partialDecrypt(c, RANDOM));
    }
    return out;
  }

  @Test
  void anyThreeOfFivePartiesDecrypt() {
    BigInteger m = BigInteger.valueOf(123456789);
    Ciphertext c = ENC.encrypt(m);
    assertEquals(m, KEYS.publicKey().combine(c, partials(c, 1, 2, 3)));
    assertEquals(m, KEYS.publicKey().combine(c, partials(c, 5, 2, 4)));
    assertEquals(m, KEYS.publicKey().combine(c, partials(c, 1, 2, 3, 4, 5)));
  }

  @Test
  void twoPartiesCannotDecrypt() {
    Ciphertext c = ENC.encrypt(BigInteger.valueOf(42));
    assertThrows(InvalidPartialDecryptionException.class, () -> KEYS.publicKey().combine(c, partials(c, 1, 2)));
    // Interpolating two shares as if they were enough yields garbage, not the plaintext.
    assertThrows(InvalidPartialDecryptionException.class,
        () -> KEYS.publicKey().combineVerified(partials(c, 1, 2)));
  }

  @Test
  void rejectsDuplicateParties() {
    Ciphertext c = ENC.encrypt(BigInteger.ONE);
    List<PartialDecryption> p = partials(c, 1, 2);
    p.add(p.get(0));
    assertThrows(InvalidPartialDecryptionException.class, () -> KEYS.publicKey().combine(c, p));
  }

  @Test
  void rejectsATamperedPartialOrProof() {
    Ciphertext c = ENC.encrypt(BigInteger.TEN);
    List<PartialDecryption> p = partials(c, 1, 2, 3);
    PartialDecryption good = p.get(1);
    BigInteger n2 = KEYS.publicKey().paillierKey().modulusSquared();
    PartialDecryption badValue = new PartialDecryption(good.index(),
        good.value().multiply(BigInteger.valueOf(4)).mod(n2), good.proofChallenge(), good.proofResponse());
    PartialDecryption badProof = new PartialDecryption(good.index(), good.value(), good.proofChallenge(),
        good.proofResponse().add(BigInteger.ONE));
    PartialDecryption otherCiphertext = KEYS.share(2).partialDecrypt(ENC.encrypt(BigInteger.TEN), RANDOM);
    for (PartialDecryption bad : new PartialDecryption[] {badValue, badProof, otherCiphertext}) {
      List<PartialDecryption> q = new ArrayList<>(p);
      q.set(1, bad);
      assertThrows(InvalidPartialDecryptionException.class, () -> KEYS.publicKey().combine(c, q));
    }
  }

  @Test
  void rejectsCiphertextsUnderAnotherKey() {
    Ciphertext foreign = PaillierEncryptor.create(TestKeys.small().publicKey()).encrypt(1);
    assertThrows(KeyMismatchException.class, () -> KEYS.share(1).partialDecrypt(foreign, RANDOM));
  }

  @Test
  void serializedKeysSharesAndPartialsRoundTrip() {
    ThresholdKeySet big = ThresholdKeyDealer.dealFromSafePrimes(
        TestKeys.SAFE_P_1024, TestKeys.SAFE_Q_1024, 2, 3, TestKeys.random(1024));
    ThresholdPublicKey pk = ThresholdPublicKey.fromBytes(big.publicKey().toBytes());
    assertEquals(big.publicKey(), pk);
    KeyShare s2 = KeyShare.fromBytes(pk, big.share(2).toBytes());
    KeyShare s3 = KeyShare.fromBytes(pk, big.share(3).toBytes());
    BigInteger m = new BigInteger(2000, RANDOM);
    Ciphertext c = PaillierEncryptor.create(RandomizerSource.standard(pk.paillierKey(), RANDOM)).encrypt(m);
    PartialDecryption p2 = s2.partialDecrypt(c, RANDOM);
    PartialDecryption p2back = PartialDecryption.fromBytes(pk, p2.toBytes(pk));
    assertEquals(p2, p2back);
    assertEquals(m, pk.combine(c, List.of(p2back, s3.partialDecrypt(c, RANDOM))));
    // A share that does not match its verification key is rejected.
    assertThrows(InvalidPaillierKeyException.class, () -> KeyShare.fromBytes(pk,
        new io.secagg.he.internal.Wire.Writer(5).u32(2).integer(BigInteger.valueOf(12345)).toByteArray()));
    assertFalse(big.share(2).toString().contains(new BigInteger(1, big.share(2).toBytes()).toString()));
  }

  @Test
  void productionDealerRejectsSmallOrUnsafePrimesAndSinglePartyThresholds() {
    assertThrows(InvalidPaillierKeyException.class,
        () -> ThresholdKeyDealer.dealFromSafePrimes(PQ[0], PQ[1], 2, 3, RANDOM));
    BigInteger notSafe = TestKeys.production().publicKey().modulus().sqrt().nextProbablePrime();
    assertThrows(InvalidPaillierKeyException.class,
        () -> ThresholdKeyDealer.dealFromSafePrimesForTesting(PQ[0], PQ[0], 2, 3, RANDOM));
    assertThrows(InvalidPaillierKeyException.class,
        () -> ThresholdKeyDealer.dealFromSafePrimes(TestKeys.SAFE_P_1024, notSafe, 2, 3, RANDOM));
    assertThrows(IllegalArgumentException.class,
        () -> ThresholdKeyDealer.dealFromSafePrimesForTesting(PQ[0], PQ[1], 1, 3, RANDOM));
    assertThrows(IllegalArgumentException.class,
        () -> ThresholdKeyDealer.dealFromSafePrimesForTesting(PQ[0], PQ[1], 4, 3, RANDOM));
    assertThrows(IllegalArgumentException.class, () -> ThresholdKeyDealer.deal(1024, 2, 3, RANDOM));
  }

  @Property(tries = 20)
  void anyTOfWDecryptAndTMinusOneCannot(
      @ForAll @IntRange(min = 2, max = 6) int t, @ForAll @IntRange(min = 0, max = 3) int extra,
      @ForAll long seed, @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int plain) {
    int w = t + extra;
    SecureRandom r = TestKeys.random(seed);
    ThresholdKeySet keys = ThresholdKeyDealer.dealFromSafePrimesForTesting(PQ[0], PQ[1], t, w, r);
    Ciphertext c = PaillierEncryptor.create(RandomizerSource.standard(keys.publicKey().paillierKey(), r)).encrypt(plain);
    List<Integer> order = new ArrayList<>();
    for (int i = 1; i <= w; i++) {
      order.add(i);
    }
    java.util.Collections.shuffle(order, new java.util.Random(seed));
    List<PartialDecryption> chosen = new ArrayList<>();
    for (int i = 0; i < t; i++) {
      chosen.add(keys.share(order.get(i)).partialDecrypt(c, r));
    }
    assertEquals(BigInteger.valueOf(plain), keys.publicKey().combine(c, chosen));
    List<PartialDecryption> tooFew = chosen.subList(0, t - 1);
    assertThrows(InvalidPartialDecryptionException.class, () -> keys.publicKey().combine(c, tooFew));
    // Fewer than t shares interpolate a different exponent: never the plaintext.
    try {
      assertNotEquals(BigInteger.valueOf(plain), keys.publicKey().combineVerified(tooFew));
    } catch (InvalidPartialDecryptionException expected) {
      assertTrue(expected.getMessage().contains("inconsistent"));
    }
  }

  @Test
  void verificationKeysMatchTheShares() {
    ThresholdPublicKey pk = KEYS.publicKey();
    BigInteger n2 = pk.paillierKey().modulusSquared();
    for (KeyShare s : KEYS.shares()) {
      BigInteger si = new BigInteger(1, java.util.Arrays.copyOfRange(s.toBytes(), 10, s.toBytes().length));
      assertEquals(pk.verificationKey(s.index()), pk.verificationBase().modPow(pk.delta().multiply(si), n2));
    }
    assertArrayEquals(new int[] {1, 2, 3, 4, 5}, KEYS.shares().stream().mapToInt(KeyShare::index).toArray());
  }
}
