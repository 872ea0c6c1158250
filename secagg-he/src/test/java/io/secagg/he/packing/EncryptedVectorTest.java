package io.secagg.he.packing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.secagg.he.InvalidCiphertextException;
import io.secagg.he.KeyMismatchException;
import io.secagg.he.PaillierEncryptor;
import io.secagg.he.PaillierKeyPair;
import io.secagg.he.PlaintextOverflowException;
import io.secagg.he.TestKeys;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class EncryptedVectorTest {
  private static final PaillierKeyPair KP = TestKeys.small();
  private static final PaillierEncryptor ENC = PaillierEncryptor.create(KP.publicKey());
  private static final PackingLayout LAYOUT = PackingLayout.builder().modulusBits(512).valueBits(16)
      .maxSummands(3).guardBits(1).build();
  private static final ExecutorService POOL = Executors.newFixedThreadPool(2);

  @AfterAll
  static void stop() {
    POOL.shutdownNow();
  }

  private static long[] randomVector(int length, long seed) {
    Random r = new Random(seed);
    long[] v = new long[length];
    for (int i = 0; i < length; i++) {
      v[i] = r.nextInt(1 << 16) - (1 << 15);
    }
    return v;
  }

  @Test
  void encryptsAddsAndDecryptsWholeVectorsInParallel() throws Exception {
    long[] a = randomVector(500, 1);
    long[] b = randomVector(500, 2);
    long[] c = randomVector(500, 3);
    EncryptedVector ea = EncryptedVector.encrypt(ENC, LAYOUT, a, POOL, 4);
    assertEquals(LAYOUT.ciphertextCount(500), ea.ciphertexts().size());
    EncryptedVector sum = ea.add(EncryptedVector.encrypt(ENC, LAYOUT, b, POOL, 4), POOL, 4)
        .add(EncryptedVector.encrypt(ENC, LAYOUT, c));
    assertEquals(3, sum.summands());
    long[] expected = new long[500];
    for (int i = 0; i < 500; i++) {
      expected[i] = a[i] + b[i] + c[i];
    }
    assertArrayEquals(expected, sum.decrypt(KP.privateKey(), POOL, 3));
    assertArrayEquals(expected, sum.decrypt(KP.privateKey()));
  }

  @Test
  void packedSumsDecryptTheSameUnderAThreePrimeKey() throws Exception {
    PaillierKeyPair kp3 = TestKeys.smallThreePrime();
    PaillierEncryptor enc3 = PaillierEncryptor.create(kp3.publicKey());
    long[] a = randomVector(200, 4);
    long[] b = randomVector(200, 5);
    // Slots fill the whole plaintext space, so every CRT residue carries packed data.
    EncryptedVector sum = EncryptedVector.encrypt(enc3, LAYOUT, a, POOL, 2)
        .add(EncryptedVector.encrypt(enc3, LAYOUT, b));
    long[] expected = new long[200];
    for (int i = 0; i < 200; i++) {
      expected[i] = a[i] + b[i];
    }
    assertEquals(3, kp3.privateKey().primeCount());
    assertArrayEquals(expected, sum.decrypt(kp3.privateKey(), POOL, 3));
    assertArrayEquals(expected, sum.decrypt(kp3.privateKey()));
  }

  @Property(tries = 15)
  void anyVectorInRangeRoundTripsThroughEncryption(
      @ForAll @IntRange(min = 0, max = 120) int length, @ForAll long seed) throws Exception {
    Random r = new Random(seed);
    long[] v = new long[length];
    for (int i = 0; i < length; i++) {
      v[i] = LAYOUT.minValue() + r.nextInt((int) (LAYOUT.maxValue() - LAYOUT.minValue() + 1));
    }
    assertArrayEquals(v, EncryptedVector.encrypt(ENC, LAYOUT, v).decrypt(KP.privateKey()));
  }

  @Test
  void refusesToExceedTheHeadroom() {
    EncryptedVector v = EncryptedVector.encrypt(ENC, LAYOUT, randomVector(10, 4));
    EncryptedVector three = v.add(v).add(v);
    assertThrows(IllegalArgumentException.class, () -> three.add(v));
  }

  @Test
  void rejectsOutOfRangeValuesBeforeEncrypting() {
    long[] v = new long[10];
    v[7] = 1 << 15;
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> EncryptedVector.encrypt(ENC, LAYOUT, v));
    assertEquals(true, e.getMessage().contains("index 7"));
  }

  @Test
  void rejectsMismatchedVectors() {
    EncryptedVector a = EncryptedVector.encrypt(ENC, LAYOUT, randomVector(10, 5));
    EncryptedVector shorter = EncryptedVector.encrypt(ENC, LAYOUT, randomVector(9, 5));
    assertThrows(KeyMismatchException.class, () -> a.add(shorter));
    PackingLayout other = PackingLayout.builder().modulusBits(2048).valueBits(16).maxSummands(3).build();
    assertThrows(KeyMismatchException.class, () -> EncryptedVector.encrypt(ENC, other, new long[1]));
    assertThrows(KeyMismatchException.class, () -> a.decrypt(TestKeys.production().privateKey()));
  }

  @Test
  void roundTripsThroughItsEncodingAndRejectsBadSizes() throws Exception {
    long[] values = randomVector(100, 6);
    EncryptedVector v = EncryptedVector.encrypt(ENC, LAYOUT, values);
    byte[] enc = v.toBytes();
    EncryptedVector back = EncryptedVector.fromBytes(KP.publicKey(), LAYOUT, enc);
    assertArrayEquals(values, back.decrypt(KP.privateKey()));
    assertThrows(InvalidCiphertextException.class,
        () -> EncryptedVector.fromBytes(KP.publicKey(), LAYOUT, Arrays.copyOf(enc, enc.length - 1)));
    byte[] hugeLength = enc.clone();
    // The length field (after 2 + 4 + 1 + 4 + 1 + 1 header bytes) claims 2^28 values.
    hugeLength[13] = 0x10;
    hugeLength[14] = 0;
    hugeLength[15] = 0;
    hugeLength[16] = 0;
    assertThrows(InvalidCiphertextException.class, () -> EncryptedVector.fromBytes(KP.publicKey(), LAYOUT, hugeLength));
    PackingLayout other = PackingLayout.builder().modulusBits(512).valueBits(15).maxSummands(3).build();
    assertThrows(InvalidCiphertextException.class, () -> EncryptedVector.fromBytes(KP.publicKey(), other, enc));
  }
}
