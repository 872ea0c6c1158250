package io.secagg.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.InvalidKeyException;
import javax.crypto.AEADBadTagException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class AesGcmProperties {
  private static AesGcm aead(byte[] key) throws InvalidKeyException {
    return AesGcm.create(SecretBytes.copyOf(key), DeterministicRandom.forTestVectorsOnly(97));
  }

  @Property(tries = 300)
  void decryptInvertsEncrypt(
      @ForAll @Size(16) byte[] key,
      @ForAll @Size(max = 300) byte[] message,
      @ForAll @Size(max = 100) byte[] associatedData)
      throws Exception {
    AesGcm a = aead(key);
    assertArrayEquals(message, a.decrypt(a.encrypt(message, associatedData), associatedData));
  }

  /** Any single-bit flip anywhere in nonce, ciphertext or tag is rejected. */
  @Property(tries = 300)
  void anySingleBitFlipInTheCiphertextIsRejected(
      @ForAll @Size(32) byte[] key,
      @ForAll @Size(max = 200) byte[] message,
      @ForAll @Size(max = 50) byte[] associatedData,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE - 1) int position)
      throws Exception {
    AesGcm a = aead(key);
    byte[] ct = a.encrypt(message, associatedData);
    int bit = position % (8 * ct.length);
    ct[bit / 8] ^= (byte) (1 << (bit % 8));
    assertThrows(AEADBadTagException.class, () -> a.decrypt(ct, associatedData));
  }

  /** Any single-bit flip in the associated data is rejected. */
  @Property(tries = 300)
  void anySingleBitFlipInTheAssociatedDataIsRejected(
      @ForAll @Size(16) byte[] key,
      @ForAll @Size(max = 100) byte[] message,
      @ForAll @Size(min = 1, max = 80) byte[] associatedData,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE - 1) int position)
      throws Exception {
    AesGcm a = aead(key);
    byte[] ct = a.encrypt(message, associatedData);
    byte[] ad = associatedData.clone();
    int bit = position % (8 * ad.length);
    ad[bit / 8] ^= (byte) (1 << (bit % 8));
    assertThrows(AEADBadTagException.class, () -> a.decrypt(ct, ad));
  }
}
