package io.secagg.he.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.secagg.he.Ciphertext;
import io.secagg.he.PaillierEncryptor;
import io.secagg.he.PaillierKeyPair;
import io.secagg.he.PlaintextOverflowException;
import io.secagg.he.TestKeys;
import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class FixedPointEncoderTest {
  private static final PaillierKeyPair KP = TestKeys.small();
  private static final FixedPointEncoder ENC = FixedPointEncoder.create(KP.publicKey(), 20);
  private static final PaillierEncryptor PE = PaillierEncryptor.create(KP.publicKey());

  @Test
  void encodesNegativesAtTheTopOfZn() throws Exception {
    BigInteger n = KP.publicKey().modulus();
    assertEquals(n.subtract(BigInteger.ONE.shiftLeft(20)), ENC.encode(-1L));
    assertEquals(new BigDecimal("-1"), ENC.decode(ENC.encode(-1L)));
    assertEquals(new BigDecimal("0.5"), ENC.decode(ENC.encode(0.5)));
  }

  @Test
  void detectsASumThatWrappedIntoTheOverflowBand() {
    BigInteger big = ENC.maxScaledMagnitude();
    Ciphertext a = PE.encrypt(ENC.encodeScaled(big));
    Ciphertext sum = a.add(PE.encrypt(ENC.encodeScaled(BigInteger.TEN)));
    assertThrows(PlaintextOverflowException.class, () -> ENC.decode(KP.privateKey().decrypt(sum)));
  }

  @Test
  void rejectsValuesBeyondTheEncodableRange() {
    BigInteger big = ENC.maxScaledMagnitude().add(BigInteger.ONE);
    assertThrows(IllegalArgumentException.class, () -> ENC.encodeScaled(big));
    assertThrows(IllegalArgumentException.class, () -> ENC.encodeScaled(big.negate()));
    assertThrows(IllegalArgumentException.class, () -> ENC.encode(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> FixedPointEncoder.create(KP.publicKey(), -1));
    assertThrows(IllegalArgumentException.class, () -> ENC.decode(KP.publicKey().modulus()));
  }

  @Test
  void scaledProductsDecodeWithTheScaleMultiplier() throws Exception {
    BigInteger a = ENC.encode(1.5);
    Ciphertext prod = PE.multiplyByPlaintext(PE.encrypt(a), ENC.encode(-2.25));
    assertEquals(new BigDecimal("-3.375"), ENC.decode(KP.privateKey().decrypt(prod), 2));
  }

  @Property(tries = 50)
  void encryptedSumsOfFixedPointValuesDecodeExactly(
      @ForAll @DoubleRange(min = -1e6, max = 1e6) double x, @ForAll @DoubleRange(min = -1e6, max = 1e6) double y) throws Exception {
    BigDecimal ex = ENC.decode(ENC.encode(x));
    BigDecimal ey = ENC.decode(ENC.encode(y));
    Ciphertext sum = PE.encrypt(ENC.encode(x)).add(PE.encrypt(ENC.encode(y)));
    assertEquals(0, ex.add(ey).compareTo(ENC.decode(KP.privateKey().decrypt(sum))));
  }
}
