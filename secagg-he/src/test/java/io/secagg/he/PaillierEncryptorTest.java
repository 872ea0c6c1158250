package io.secagg.he;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class PaillierEncryptorTest {
  private final PaillierKeyPair kp = TestKeys.small();
  private final PaillierPublicKey pk = kp.publicKey();
  private final PaillierPrivateKey sk = kp.privateKey();

  @Test
  void everySourceDecryptsBackToThePlaintext() {
    BigInteger m = pk.modulus().subtract(BigInteger.valueOf(12345));
    for (RandomizerSource s : new RandomizerSource[] {
        RandomizerSource.standard(pk, TestKeys.random(1)),
        RandomizerSource.djn(pk, TestKeys.random(2)),
        RandomizerSource.djn(pk, TestKeys.random(3), 1),
        RandomizerPool.over(RandomizerSource.djn(pk, TestKeys.random(4)), 4)}) {
      PaillierEncryptor enc = PaillierEncryptor.create(s);
      assertEquals(m, sk.decrypt(enc.encrypt(m)), s.toString());
      assertEquals(BigInteger.ZERO, sk.decrypt(enc.encrypt(0)), s.toString());
    }
  }

  @Test
  void theProductionKeyDecryptsByCrt() {
    PaillierKeyPair big = TestKeys.production();
    BigInteger m = new BigInteger(2000, TestKeys.random(5));
    Ciphertext c = PaillierEncryptor.create(RandomizerSource.standard(big.publicKey(), TestKeys.random(6))).encrypt(m);
    assertEquals(m, big.privateKey().decrypt(c));
    ExecutorService ex = Executors.newSingleThreadExecutor();
    try {
      assertEquals(m, big.privateKey().decrypt(c, ex));
    } finally {
      ex.shutdownNow();
    }
  }

  @Test
  void encryptingTheSameValueTwiceGivesDifferentCiphertexts() {
    PaillierEncryptor enc = PaillierEncryptor.create(pk);
    Set<BigInteger> seen = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      Ciphertext c = enc.encrypt(7);
      assertTrue(seen.add(c.value()));
      // Never the bare, unrandomized encoding 1 + m n.
      assertNotEquals(BigInteger.valueOf(7).multiply(pk.modulus()).add(BigInteger.ONE), c.value());
    }
  }

  @Test
  void rejectsPlaintextsOutsideZeroToN() {
    PaillierEncryptor enc = PaillierEncryptor.create(pk);
    assertThrows(IllegalArgumentException.class, () -> enc.encrypt(pk.modulus()));
    // A caller bug: unchecked, and caught by catch (IllegalArgumentException) (issue 12).
    assertThrows(IllegalArgumentException.class, () -> enc.encrypt(-1));
    Ciphertext c = enc.encrypt(1);
    assertThrows(IllegalArgumentException.class, () -> enc.multiplyByPlaintext(c, pk.modulus()));
    assertThrows(IllegalArgumentException.class, () -> enc.addPlaintext(c, BigInteger.valueOf(-3)));
  }

  @Test
  void homomorphicOperationsDecryptCorrectlyAndRerandomize() {
    PaillierEncryptor enc = PaillierEncryptor.create(pk);
    Ciphertext a = enc.encrypt(1000);
    Ciphertext b = enc.encrypt(234);
    assertEquals(BigInteger.valueOf(1234), sk.decrypt(a.add(b)));
    Ciphertext shifted = enc.addPlaintext(a, BigInteger.valueOf(5));
    assertEquals(BigInteger.valueOf(1005), sk.decrypt(shifted));
    Ciphertext scaled = enc.multiplyByPlaintext(a, BigInteger.valueOf(3));
    assertEquals(BigInteger.valueOf(3000), sk.decrypt(scaled));
    assertNotEquals(a.value().modPow(BigInteger.valueOf(3), pk.modulusSquared()), scaled.value());
    Ciphertext zero = enc.multiplyByPlaintext(a, BigInteger.ZERO);
    assertNotEquals(BigInteger.ONE, zero.value());
    assertEquals(BigInteger.ZERO, sk.decrypt(zero));
    Ciphertext fresh = enc.rerandomize(a);
    assertNotEquals(a, fresh);
    assertEquals(BigInteger.valueOf(1000), sk.decrypt(fresh));
  }

  @Test
  void djnBaseIsAnNthResidueDerivedFromN() {
    BigInteger hs = DjnRandomizers.base(pk);
    BigInteger h = DjnRandomizers.h(pk.modulus());
    assertEquals(h.modPow(pk.modulus(), pk.modulusSquared()), hs);
    BigInteger x = DjnRandomizers.derivedX(pk.modulus());
    assertEquals(pk.modulus().subtract(x.pow(2).mod(pk.modulus())), h);
    assertEquals(DjnRandomizers.derivedX(pk.modulus()), x);
  }

  @Test
  @SuppressWarnings("try")
  void poolHandsOutEachRandomizerOnceAndRefillsInTheBackground() throws Exception {
    ExecutorService ex = Executors.newSingleThreadExecutor();
    try (RandomizerPool pool = RandomizerPool.over(RandomizerSource.djn(pk, TestKeys.random(9)), 8)) {
      pool.prefill(8);
      assertEquals(8, pool.available());
      Set<BigInteger> seen = new HashSet<>();
      for (int i = 0; i < 30; i++) {
        assertTrue(seen.add(pool.next()));
      }
      pool.fillInBackground(ex);
      for (int i = 0; i < 30; i++) {
        assertTrue(seen.add(pool.next()));
      }
      pool.close(); // closing early on purpose: the pool must refuse to hand out more
      assertEquals(0, pool.available());
      assertThrows(IllegalStateException.class, pool::next);
    } finally {
      ex.shutdownNow();
    }
  }

  @Test
  void poolRejectsBadCapacity() {
    RandomizerSource s = RandomizerSource.standard(pk, TestKeys.random(1));
    assertThrows(IllegalArgumentException.class, () -> RandomizerPool.over(s, 0));
    assertThrows(IllegalArgumentException.class, () -> RandomizerSource.djn(pk, TestKeys.random(1), 13));
  }
}
