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
  private static final ThresholdKeySet KEYS = deal();
  private static final PaillierEncryptor ENC = PaillierEncryptor.create(KEYS.publicKey().paillierKey());

  private static ThresholdKeySet deal() {
    try {
      return ThresholdKeyDealer.dealFromSafePrimesForTesting(PQ[0], PQ[1], 3, 5, RANDOM);
    } catch (InvalidPaillierKeyException e) {
      throw new AssertionError(e);
    }
  }

  private static List<PartialDecryption> partials(Ciphertext c, int... parties) {
    List<PartialDecryption> out = new ArrayList<>();
    for (int i : parties) {
      out.add(KEYS.share(i).partialDecrypt(c, RANDOM));
    }
    return out;
  }

  @Test
  void anyThreeOfFivePartiesDecrypt() throws Exception {
    BigInteger m = BigInteger.valueOf(123456789);
    Ciphertext c = ENC.encrypt(m);
    assertEquals(m, KEYS.publicKey().combine(c, partials(c, 1, 2, 3)).plaintext());
    assertEquals(m, KEYS.publicKey().combine(c, partials(c, 5, 2, 4)).plaintext());
    assertEquals(m, KEYS.publicKey().combine(c, partials(c, 1, 2, 3, 4, 5)).plaintext());
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
  void aPartyCountsOnceHoweverOftenItAppears() {
    Ciphertext c = ENC.encrypt(BigInteger.ONE);
    List<PartialDecryption> p = partials(c, 1, 2);
    p.add(p.get(0));
    p.add(KEYS.share(1).partialDecrypt(c, RANDOM)); // another valid proof from party 1
    InvalidPartialDecryptionException e =
        assertThrows(InvalidPartialDecryptionException.class, () -> KEYS.publicKey().combine(c, p));
    assertTrue(e.getMessage().contains("only 2 parties"), e.getMessage());
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
      InvalidPartialDecryptionException e =
          assertThrows(InvalidPartialDecryptionException.class, () -> KEYS.publicKey().combine(c, q));
      assertEquals(java.util.Set.of(2), e.rejectedParties().keySet());
    }
  }

  @Test
  void anyTValidPartialsDecryptAndTheInvalidOnesAreReported() throws Exception {
    BigInteger m = BigInteger.valueOf(987654321);
    Ciphertext c = ENC.encrypt(m);
    List<PartialDecryption> p = partials(c, 1, 2, 3, 4, 5);
    BigInteger n2 = KEYS.publicKey().paillierKey().modulusSquared();
    PartialDecryption two = p.get(1);
    PartialDecryption four = p.get(3);
    p.set(1, new PartialDecryption(2, two.value().multiply(BigInteger.TWO).mod(n2), two.proofChallenge(), two.proofResponse()));
    p.set(3, new PartialDecryption(4, four.value(), four.proofChallenge(), four.proofResponse().add(BigInteger.ONE)));
    ThresholdDecryption d = KEYS.publicKey().combine(c, p);
    assertEquals(m, d.plaintext());
    assertEquals(java.util.Set.of(1, 3, 5), d.validParties());
    assertEquals(java.util.Set.of(2, 4), d.rejectedParties().keySet());
    assertTrue(d.rejectedParties().get(2).contains("party 2"), d.rejectedParties().toString());
  }

  @Test
  void verificationHappensOncePerPartyAndStopsAtT() throws Exception {
    Ciphertext c = ENC.encrypt(BigInteger.valueOf(5));
    ThresholdDecryption d = KEYS.publicKey().decryption(c);
    List<PartialDecryption> p = partials(c, 4, 5, 1);
    assertTrue(d.offer(p.get(0)));
    // The same party again is not verified a second time: even a corrupted copy is ignored.
    BigInteger n2 = KEYS.publicKey().paillierKey().modulusSquared();
    PartialDecryption corrupt = new PartialDecryption(4, p.get(0).value().multiply(BigInteger.TWO).mod(n2),
        p.get(0).proofChallenge(), p.get(0).proofResponse());
    assertFalse(d.offer(corrupt));
    assertFalse(d.isComplete());
    assertThrows(IllegalStateException.class, d::plaintext);
    assertTrue(d.offer(p.get(1)));
    assertTrue(d.offer(p.get(2)));
    assertTrue(d.isComplete());
    assertEquals(BigInteger.valueOf(5), d.plaintext());
    assertTrue(d.rejectedParties().isEmpty());
    // combine stops at t valid parties: a broken sixth-in-order partial is never examined.
    List<PartialDecryption> q = partials(c, 1, 2, 3);
    q.add(new PartialDecryption(5, BigInteger.ONE, BigInteger.ZERO, BigInteger.ZERO));
    assertTrue(KEYS.publicKey().combine(c, q).rejectedParties().isEmpty());
  }

  @Test
  void rejectsCiphertextsUnderAnotherKey() {
    Ciphertext foreign = PaillierEncryptor.create(TestKeys.small().publicKey()).encrypt(1);
    assertThrows(KeyMismatchException.class, () -> KEYS.share(1).partialDecrypt(foreign, RANDOM));
  }

  @Test
  void serializedKeysSharesAndPartialsRoundTrip() throws Exception {
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
    assertEquals(m, pk.combine(c, List.of(p2back, s3.partialDecrypt(c, RANDOM))).plaintext());
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
      @ForAll long seed, @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int plain) throws Exception {
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
    assertEquals(BigInteger.valueOf(plain), keys.publicKey().combine(c, chosen).plaintext());
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
