package io.secagg.he;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CiphertextTest {
  private final PaillierKeyPair kp = TestKeys.small();
  private final PaillierPublicKey pk = kp.publicKey();

  @Test
  void rejectsZeroNegativeAndValuesFromNSquaredUp() {
    assertThrows(InvalidCiphertextException.class, () -> Ciphertext.of(pk, BigInteger.ZERO));
    assertThrows(InvalidCiphertextException.class, () -> Ciphertext.of(pk, BigInteger.valueOf(-1)));
    assertThrows(InvalidCiphertextException.class, () -> Ciphertext.of(pk, pk.modulusSquared()));
    assertThrows(InvalidCiphertextException.class, () -> Ciphertext.of(pk, pk.modulusSquared().add(BigInteger.ONE)));
  }

  @Test
  void rejectsValuesSharingAFactorWithN() {
    assertThrows(InvalidCiphertextException.class, () -> Ciphertext.of(pk, kp.privateKey().p()));
    assertThrows(InvalidCiphertextException.class, () -> Ciphertext.of(pk, pk.modulus()));
  }

  @Test
  void roundTripsThroughFixedWidthEncoding() throws Exception {
    Ciphertext c = PaillierEncryptor.create(pk).encrypt(BigInteger.valueOf(42));
    byte[] enc = c.toBytes();
    assertEquals(2 + pk.ciphertextBytes(), enc.length);
    assertEquals(c, Ciphertext.fromBytes(pk, enc));
    assertThrows(InvalidCiphertextException.class, () -> Ciphertext.fromBytes(pk, Arrays.copyOf(enc, enc.length - 1)));
    assertThrows(InvalidCiphertextException.class, () -> Ciphertext.fromBytes(pk, Arrays.copyOf(enc, enc.length + 1)));
  }

  @Test
  void addRejectsCiphertextsUnderAnotherKey() throws Exception {
    Ciphertext a = PaillierEncryptor.create(pk).encrypt(1);
    PaillierPublicKey other = TestKeys.production().publicKey();
    Ciphertext b = Ciphertext.of(other, BigInteger.valueOf(5));
    assertThrows(KeyMismatchException.class, () -> a.add(b));
    assertThrows(KeyMismatchException.class, () -> TestKeys.production().privateKey().decrypt(a));
  }
}
