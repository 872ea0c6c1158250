package io.secagg.he;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PaillierProperties {
  private static final PaillierKeyPair KP = TestKeys.small();
  private static final PaillierEncryptor ENC =
      PaillierEncryptor.create(RandomizerSource.djn(KP.publicKey(), TestKeys.random(11)));
  private static final BigInteger N = KP.publicKey().modulus();

  @Provide
  Arbitrary<BigInteger> plaintexts() {
    return Arbitraries.bigIntegers().between(BigInteger.ZERO, N.subtract(BigInteger.ONE));
  }

  @Property(tries = 60)
  void decryptionOfASumIsTheSumModN(@ForAll("plaintexts") BigInteger a, @ForAll("plaintexts") BigInteger b) {
    Ciphertext sum = ENC.encrypt(a).add(ENC.encrypt(b));
    assertEquals(a.add(b).mod(N), KP.privateKey().decrypt(sum));
  }

  @Property(tries = 40)
  void decryptionOfAScaledCiphertextIsTheProductModN(
      @ForAll("plaintexts") BigInteger a, @ForAll("plaintexts") BigInteger k) {
    assertEquals(a.multiply(k).mod(N), KP.privateKey().decrypt(ENC.multiplyByPlaintext(ENC.encrypt(a), k)));
  }

  @Property(tries = 40)
  void serializationRoundTripsAnyCiphertext(@ForAll("plaintexts") BigInteger a) throws Exception {
    Ciphertext c = ENC.encrypt(a);
    assertEquals(c, Ciphertext.fromBytes(KP.publicKey(), c.toBytes()));
  }
}
