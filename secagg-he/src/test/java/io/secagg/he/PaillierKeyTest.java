package io.secagg.he;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class PaillierKeyTest {
  @Test
  void generatesModulusOfExactLengthFromEqualLengthPrimes() {
    PaillierKeyPair kp = TestKeys.production();
    assertEquals(2048, kp.publicKey().modulusBits());
    assertEquals(1024, kp.privateKey().p().bitLength());
    assertEquals(1024, kp.privateKey().q().bitLength());
    assertTrue(kp.privateKey().p().compareTo(kp.privateKey().q()) < 0);
  }

  @Test
  void productionGenerationRejectsShortOrOddLengths() {
    assertThrows(IllegalArgumentException.class, () -> PaillierKeyGenerator.generate(1024, TestKeys.random(1)));
    assertThrows(IllegalArgumentException.class, () -> PaillierKeyGenerator.generate(2049, TestKeys.random(1)));
    assertThrows(IllegalArgumentException.class, () -> PaillierKeyGenerator.generateForTesting(64, TestKeys.random(1)));
  }

  @Test
  void toStringNeverShowsThePrimes() {
    PaillierPrivateKey sk = TestKeys.small().privateKey();
    String s = sk.toString() + TestKeys.small();
    assertFalse(s.contains(sk.p().toString()));
    assertFalse(s.contains(sk.q().toString()));
    assertFalse(s.contains(sk.p().toString(16)));
    assertTrue(s.contains(sk.publicKey().fingerprint()));
  }

  @Test
  void keysRoundTripThroughTheirEncodings() throws Exception {
    PaillierKeyPair kp = TestKeys.production();
    assertEquals(kp.publicKey(), PaillierPublicKey.fromBytes(kp.publicKey().toBytes()));
    PaillierPrivateKey parsed = PaillierPrivateKey.fromBytes(kp.privateKey().toBytes());
    assertEquals(kp.privateKey(), parsed);
    assertArrayEquals(kp.privateKey().toBytes(), parsed.toBytes());
  }

  @Test
  void rejectsEqualPrimes() {
    BigInteger p = TestKeys.production().privateKey().p();
    assertThrows(InvalidPaillierKeyException.class, () -> PaillierPrivateKey.fromPrimes(p, p));
  }

  @Test
  void rejectsPrimesOfDifferentLengths() {
    BigInteger p = TestKeys.production().privateKey().p();
    BigInteger q = TestKeys.small().privateKey().q();
    assertThrows(InvalidPaillierKeyException.class, () -> PaillierPrivateKey.fromPrimesForTesting(p, q));
  }

  @Test
  void rejectsACompositeFactor() {
    BigInteger p = TestKeys.production().privateKey().p();
    BigInteger q = TestKeys.production().privateKey().q().add(BigInteger.TWO.pow(40));
    assertThrows(InvalidPaillierKeyException.class, () -> PaillierPrivateKey.fromPrimes(p, q));
  }

  @Test
  void productionPolicyRejectsSmallKeysThatTheTestEntryPointAccepts() throws Exception {
    PaillierPrivateKey sk = TestKeys.small().privateKey();
    assertThrows(InvalidPaillierKeyException.class, () -> PaillierPrivateKey.fromPrimes(sk.p(), sk.q()));
    assertEquals(sk, PaillierPrivateKey.fromPrimesForTesting(sk.q(), sk.p()));
    assertThrows(InvalidPaillierKeyException.class,
        () -> PaillierPublicKey.fromModulus(sk.publicKey().modulus()));
  }

  @Test
  void rejectsModuliThatAreEvenPrimeSquareOrHaveSmallFactors() {
    BigInteger n = TestKeys.production().publicKey().modulus();
    BigInteger p = TestKeys.production().privateKey().p();
    assertThrows(InvalidPaillierKeyException.class, () -> PaillierPublicKey.fromModulus(n.add(BigInteger.ONE)));
    assertThrows(InvalidPaillierKeyException.class, () -> PaillierPublicKey.fromModulus(p.multiply(p)));
    assertThrows(InvalidPaillierKeyException.class,
        () -> PaillierPublicKey.fromModulus(BigInteger.valueOf(3).multiply(BigInteger.TWO.pow(2046).add(BigInteger.ONE))));
    BigInteger prime = BigInteger.TWO.pow(2047).nextProbablePrime();
    assertThrows(InvalidPaillierKeyException.class, () -> PaillierPublicKey.fromModulus(prime));
    assertThrows(InvalidPaillierKeyException.class, () -> PaillierPublicKey.fromModulus(BigInteger.valueOf(-15)));
  }

  @Test
  void rejectsMalformedKeyEncodings() {
    byte[] good = TestKeys.production().publicKey().toBytes();
    byte[] trailing = java.util.Arrays.copyOf(good, good.length + 1);
    assertThrows(InvalidPaillierKeyException.class, () -> PaillierPublicKey.fromBytes(trailing));
    byte[] truncated = java.util.Arrays.copyOf(good, good.length - 1);
    assertThrows(InvalidPaillierKeyException.class, () -> PaillierPublicKey.fromBytes(truncated));
    byte[] wrongType = good.clone();
    wrongType[1] = 2;
    assertThrows(InvalidPaillierKeyException.class, () -> PaillierPublicKey.fromBytes(wrongType));
    // null is a caller bug, not peer input: unchecked.
    assertThrows(NullPointerException.class, () -> PaillierPublicKey.fromBytes(null));
    PaillierPrivateKey sk = TestKeys.production().privateKey();
    byte[] swapped = new io.secagg.he.internal.Wire.Writer(2).integer(sk.q()).integer(sk.p()).toByteArray();
    assertThrows(InvalidPaillierKeyException.class, () -> PaillierPrivateKey.fromBytes(swapped));
  }
}
