package io.secagg.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.InvalidKeyException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class AesGcmTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] KEY128 = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
  private static final byte[] NONCE = HEX.parseHex("a0a1a2a3a4a5a6a7a8a9aaab");
  private static final byte[] MSG = "a Shamir share".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] AD = {1, 2, 3, 4};

  private static AesGcm aead(byte[] key) throws InvalidKeyException {
    return AesGcm.create(SecretBytes.copyOf(key), DeterministicRandom.forTestVectorsOnly(128));
  }

  @Test
  void outputIsNonceThenCiphertextThenTagAsInSp80038d() throws Exception {
    AesGcm a = AesGcm.create(SecretBytes.copyOf(KEY128), FixedBytesRandom.of(NONCE));
    byte[] out = a.encrypt(MSG, AD);
    assertEquals(AesGcm.OVERHEAD + MSG.length, out.length);
    assertArrayEquals(NONCE, Arrays.copyOf(out, 12));
    // The same operation through the JDK directly, independently of our framing.
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY128, "AES"), new GCMParameterSpec(128, NONCE));
    c.updateAAD(AD);
    assertArrayEquals(c.doFinal(MSG), Arrays.copyOfRange(out, 12, out.length));
  }

  @Test
  void drawsExactlyTwelveNonceBytesPerMessage() throws Exception {
    byte[] twoNonces = new byte[24];
    Arrays.fill(twoNonces, 12, 24, (byte) 1);
    FixedBytesRandom source = FixedBytesRandom.of(twoNonces);
    AesGcm a = AesGcm.create(SecretBytes.copyOf(KEY128), source);
    byte[] first = a.encrypt(MSG, AD);
    byte[] second = a.encrypt(MSG, AD);
    assertEquals(0, source.remaining());
    assertArrayEquals(new byte[12], Arrays.copyOf(first, 12));
    assertArrayEquals(Arrays.copyOfRange(twoNonces, 12, 24), Arrays.copyOf(second, 12));
  }

  @Test
  void roundTripsWithBothKeySizes() throws Exception {
    for (int n : new int[] {16, 32}) {
      AesGcm a = aead(Arrays.copyOf(KEY128, n));
      assertEquals(n, a.keyLength());
      assertArrayEquals(MSG, a.decrypt(a.encrypt(MSG, AD), AD));
    }
  }

  @Test
  void roundTripsEmptyMessageAndEmptyAssociatedData() throws Exception {
    AesGcm a = aead(KEY128);
    byte[] out = a.encrypt(new byte[0], new byte[0]);
    assertEquals(AesGcm.OVERHEAD, out.length);
    assertArrayEquals(new byte[0], a.decrypt(out, new byte[0]));
  }

  @Test
  void rejectsKeySizesOtherThan16Or32() {
    for (int n : new int[] {0, 15, 17, 24, 31, 33, 64}) {
      InvalidKeyException e =
          assertThrows(
              InvalidKeyException.class, () -> AesGcm.create(SecretBytes.copyOf(new byte[n])));
      assertTrue(e.getMessage().contains("size " + n), e.getMessage());
    }
  }

  @Test
  void rejectsTamperedNonceCiphertextOrTag() throws Exception {
    AesGcm a = aead(KEY128);
    byte[] out = a.encrypt(MSG, AD);
    for (int i = 0; i < out.length; i++) {
      byte[] bad = out.clone();
      bad[i] ^= 0x01;
      assertThrows(AEADBadTagException.class, () -> a.decrypt(bad, AD), "byte " + i);
    }
  }

  @Test
  void rejectsOtherAssociatedData() throws Exception {
    AesGcm a = aead(KEY128);
    byte[] out = a.encrypt(MSG, AD);
    assertThrows(AEADBadTagException.class, () -> a.decrypt(out, new byte[0]));
    assertThrows(AEADBadTagException.class, () -> a.decrypt(out, new byte[] {1, 2, 3}));
    assertThrows(AEADBadTagException.class, () -> a.decrypt(out, new byte[] {1, 2, 3, 4, 5}));
  }

  @Test
  void rejectsTruncatedOrExtendedInput() throws Exception {
    AesGcm a = aead(KEY128);
    byte[] out = a.encrypt(MSG, AD);
    for (int n = 0; n < out.length; n++) {
      byte[] cut = Arrays.copyOf(out, n);
      assertThrows(AEADBadTagException.class, () -> a.decrypt(cut, AD), "length " + n);
    }
    assertThrows(AEADBadTagException.class, () -> a.decrypt(Arrays.copyOf(out, out.length + 1), AD));
  }

  @Test
  void rejectsCiphertextUnderAnotherKey() throws Exception {
    byte[] out = aead(KEY128).encrypt(MSG, AD);
    byte[] otherKey = KEY128.clone();
    otherKey[0] ^= 1;
    assertThrows(AEADBadTagException.class, () -> aead(otherKey).decrypt(out, AD));
  }

  @Test
  void sameNonceTwiceIsAllowedForDeterministicSources() throws Exception {
    // A replayed nonce is the caller's explicit choice (vectors); the JDK's reuse guard on the
    // thread's shared Cipher must not turn it into an error. The second call hits that guard.
    AesGcm a1 = AesGcm.create(SecretBytes.copyOf(KEY128), FixedBytesRandom.of(NONCE));
    AesGcm a2 = AesGcm.create(SecretBytes.copyOf(KEY128), FixedBytesRandom.of(NONCE));
    assertArrayEquals(a1.encrypt(MSG, AD), a2.encrypt(MSG, AD));
  }

  @Test
  void interleavedKeysOnOneThreadAndConcurrentThreadsDoNotInterfere() throws Exception {
    AesGcm a = aead(KEY128);
    AesGcm b = aead(new byte[32]);
    byte[] ca = a.encrypt(MSG, AD);
    byte[] cb = b.encrypt(MSG, AD);
    assertArrayEquals(MSG, a.decrypt(ca, AD));
    assertThrows(AEADBadTagException.class, () -> b.decrypt(ca, AD));
    assertArrayEquals(MSG, b.decrypt(cb, AD));
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
      for (int t = 0; t < 8; t++) {
        AesGcm shared = t % 2 == 0 ? a : b;
        results.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 200; i++) {
                    byte[] m = {(byte) i, 1, 2};
                    if (!Arrays.equals(m, shared.decrypt(shared.encrypt(m, AD), AD))) {
                      return false;
                    }
                  }
                  return true;
                }));
      }
      for (java.util.concurrent.Future<Boolean> r : results) {
        assertTrue(r.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void copiesTheKeySoDestroyingTheSourceDoesNotMatter() throws Exception {
    SecretBytes key = SecretBytes.copyOf(KEY128);
    AesGcm a = AesGcm.create(key, DeterministicRandom.forTestVectorsOnly(1));
    key.destroy();
    assertArrayEquals(MSG, a.decrypt(a.encrypt(MSG, AD), AD));
  }

  @Test
  void rejectsNullsAndDestroyedKeys() throws Exception {
    AesGcm a = aead(KEY128);
    assertThrows(NullPointerException.class, () -> a.encrypt(null, AD));
    assertThrows(NullPointerException.class, () -> a.encrypt(MSG, null));
    assertThrows(NullPointerException.class, () -> a.decrypt(null, AD));
    assertThrows(NullPointerException.class, () -> a.decrypt(new byte[40], null));
    assertThrows(NullPointerException.class, () -> AesGcm.create(null));
    assertThrows(
        NullPointerException.class, () -> AesGcm.create(SecretBytes.copyOf(KEY128), null));
    SecretBytes destroyed = SecretBytes.copyOf(KEY128);
    destroyed.destroy();
    assertThrows(IllegalStateException.class, () -> AesGcm.create(destroyed));
  }

  @Test
  void toStringNamesTheKeySizeOnly() throws Exception {
    assertEquals("AesGcm[AES-128]", aead(KEY128).toString());
    assertEquals("AesGcm[AES-256]", aead(new byte[32]).toString());
  }
}
