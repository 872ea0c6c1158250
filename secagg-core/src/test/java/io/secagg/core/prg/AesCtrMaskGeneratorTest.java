package io.secagg.core.prg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.crypto.Hkdf;
import io.secagg.core.crypto.SecretBytes;
import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class AesCtrMaskGeneratorTest {
  private static final byte[] CONTEXT = "session 7 round 2 pair (3,9)".getBytes(StandardCharsets.US_ASCII);

  /** One modulus per code path: both storage types, both word sizes, with and without rejection. */
  private static final Modulus[] EVERY_PATH = {
    Modulus.powerOfTwo(1),
    Modulus.powerOfTwo(13),
    Modulus.powerOfTwo(32),
    Modulus.powerOfTwo(33),
    Modulus.powerOfTwo(64),
    Modulus.of(3),
    Modulus.of(11),
    Modulus.of(1_000_003),
    Modulus.of((1L << 31) - 1),
    Modulus.of((1L << 31) + 11),
    Modulus.of((1L << 32) - 5),
    Modulus.of((1L << 32) + 15),
    Modulus.of((1L << 61) + 1),
    Modulus.of((1L << 62) - 57),
  };

  /** Lengths around the chunk boundaries: 8192 four-byte words or 4096 eight-byte words. */
  private static final int[] LENGTHS = {0, 1, 3, 5, 4095, 4096, 4097, 8191, 8192, 8193, 20_000};

  static SecretBytes seed(int fill) {
    byte[] s = new byte[32];
    for (int i = 0; i < 32; i++) {
      s[i] = (byte) (fill + 7 * i);
    }
    return SecretBytes.copyOf(s);
  }

  @Test
  void expandMatchesTheSpecReferenceOnEveryPathAndChunkBoundary() throws Exception {
    for (Modulus m : EVERY_PATH) {
      for (int length : LENGTHS) {
        long[] expected = ReferencePrg.expand(seed(1).toByteArray(), CONTEXT, m, length).elements;
        ModVector mask = AesCtrMaskGenerator.create(m, length).expand(seed(1), CONTEXT);
        assertArrayEquals(expected, mask.toLongArray(), "m=" + m + " L=" + length);
      }
    }
  }

  @Test
  void streamingAddAndSubtractMatchExpandThenArithmetic() throws Exception {
    for (Modulus m : EVERY_PATH) {
      int length = 9000;
      MaskGenerator g = AesCtrMaskGenerator.create(m, length);
      ModVector start = g.expand(seed(99), new byte[0]);
      ModVector mask = g.expand(seed(2), CONTEXT);

      ModVector viaStream = start.copy();
      g.addMask(seed(2), CONTEXT, viaStream);
      ModVector viaExpand = start.copy();
      viaExpand.addInPlace(mask);
      assertEquals(viaExpand, viaStream, "add m=" + m);

      g.subtractMask(seed(2), CONTEXT, viaStream);
      assertEquals(start, viaStream, "cancel m=" + m);

      g.subtractMask(seed(2), CONTEXT, viaStream);
      ModVector minus = start.copy();
      minus.subtractInPlace(mask);
      assertEquals(minus, viaStream, "subtract m=" + m);
    }
  }

  @Test
  void rejectionSamplingRejectsForModuliJustAboveAPowerOfTwo() throws Exception {
    // m = 2^61 + 1: candidates have 62 bits, so almost half of them are >= m.
    Modulus m = Modulus.of((1L << 61) + 1);
    int length = 2000;
    ReferencePrg.Result r = ReferencePrg.expand(seed(5).toByteArray(), CONTEXT, m, length);
    assertTrue(r.rejected > 1500 && r.rejected < 2500, "rejected " + r.rejected);
    assertArrayEquals(r.elements, AesCtrMaskGenerator.create(m, length).expand(seed(5), CONTEXT).toLongArray());
    // Small odd modulus: 11 of 16 four-bit candidates accepted.
    ReferencePrg.Result small = ReferencePrg.expand(seed(5).toByteArray(), CONTEXT, Modulus.of(11), length);
    assertTrue(small.rejected > 600, "rejected " + small.rejected);
  }

  @Test
  void powerOfTwoModuliNeverReject() throws Exception {
    for (int b : new int[] {1, 7, 32, 63, 64}) {
      assertEquals(0, ReferencePrg.expand(seed(3).toByteArray(), CONTEXT, Modulus.powerOfTwo(b), 5000).rejected);
    }
  }

  @Test
  void masksAreTheMaskKeystreamOfTheSpecifiedDerivation() throws Exception {
    byte[] info =
        ("secagg/v1 keystream-mask\0" + new String(CONTEXT, StandardCharsets.US_ASCII))
            .getBytes(StandardCharsets.US_ASCII);
    byte[] okm = Hkdf.expand(Hkdf.extract(new byte[32], seed(4).toByteArray()), info, 24);
    byte[] iv = Arrays.copyOf(Arrays.copyOfRange(okm, 16, 24), 16);
    Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
    aes.init(
        Cipher.ENCRYPT_MODE,
        new SecretKeySpec(okm, 0, 16, "AES"),
        new IvParameterSpec(iv));
    ByteBuffer ks =
        ByteBuffer.wrap(aes.doFinal(new byte[4 * 100])).order(ByteOrder.LITTLE_ENDIAN);
    ModVector mask =
        AesCtrMaskGenerator.create(Modulus.powerOfTwo(32), 100).expand(seed(4), CONTEXT);
    for (int i = 0; i < 100; i++) {
      assertEquals(Integer.toUnsignedLong(ks.getInt()), mask.get(i), "element " + i);
    }
  }

  @Test
  void isDeterministicAndSeparatesSeedsAndContexts() {
    Modulus m = Modulus.powerOfTwo(32);
    MaskGenerator g = AesCtrMaskGenerator.create(m, 64);
    ModVector a = g.expand(seed(1), CONTEXT);
    assertEquals(a, g.expand(seed(1), CONTEXT));
    assertEquals(a, AesCtrMaskGenerator.create(m, 64).expand(seed(1), CONTEXT.clone()));
    assertNotEquals(a, g.expand(seed(2), CONTEXT));
    byte[] other = CONTEXT.clone();
    other[other.length - 1] ^= 1;
    assertNotEquals(a, g.expand(seed(1), other));
    assertNotEquals(a, g.expand(seed(1), new byte[0]));
  }

  @Test
  void aShorterMaskIsAPrefixOfALongerOne() {
    Modulus m = Modulus.of((1L << 61) + 1);
    long[] longer = AesCtrMaskGenerator.create(m, 500).expand(seed(8), CONTEXT).toLongArray();
    long[] shorter = AesCtrMaskGenerator.create(m, 200).expand(seed(8), CONTEXT).toLongArray();
    assertArrayEquals(Arrays.copyOf(longer, 200), shorter);
  }

  @Test
  void rejectsSeedsThatAreNot32Bytes() {
    MaskGenerator g = AesCtrMaskGenerator.create(Modulus.powerOfTwo(32), 4);
    for (int n : new int[] {0, 16, 31, 33, 64}) {
      SecretBytes s = SecretBytes.copyOf(new byte[n]);
      assertThrows(IllegalArgumentException.class, () -> g.expand(s, CONTEXT), "n=" + n);
      assertThrows(IllegalArgumentException.class, () -> g.addMask(s, CONTEXT, ModVector.zeros(g.modulus(), 4)));
      assertThrows(IllegalArgumentException.class, () -> g.subtractMask(s, CONTEXT, ModVector.zeros(g.modulus(), 4)));
    }
  }

  @Test
  void boundsTheContextAt1024Bytes() {
    MaskGenerator g = AesCtrMaskGenerator.create(Modulus.powerOfTwo(32), 4);
    assertEquals(4, g.expand(seed(1), new byte[AesCtrMaskGenerator.MAX_CONTEXT_LENGTH]).length());
    assertThrows(IllegalArgumentException.class, () -> g.expand(seed(1), new byte[1025]));
    assertThrows(IllegalArgumentException.class, () -> g.addMask(seed(1), new byte[1025], ModVector.zeros(g.modulus(), 4)));
  }

  @Test
  void rejectsLengthsOutsideZeroToMax() {
    Modulus m = Modulus.powerOfTwo(32);
    assertThrows(IllegalArgumentException.class, () -> AesCtrMaskGenerator.create(m, -1));
    assertThrows(IllegalArgumentException.class, () -> AesCtrMaskGenerator.create(m, ModVector.MAX_LENGTH + 1));
    assertThrows(IllegalArgumentException.class, () -> AesCtrMaskGenerator.create(m, Integer.MAX_VALUE));
    assertEquals(ModVector.MAX_LENGTH, AesCtrMaskGenerator.create(m, ModVector.MAX_LENGTH).length());
    assertEquals(0, AesCtrMaskGenerator.create(m, 0).expand(seed(1), CONTEXT).length());
  }

  @Test
  void rejectsAccumulatorOfAnotherModulusOrLength() {
    MaskGenerator g = AesCtrMaskGenerator.create(Modulus.powerOfTwo(32), 4);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> g.addMask(seed(1), CONTEXT, ModVector.zeros(Modulus.powerOfTwo(31), 4)));
    assertTrue(e.getMessage().contains("modulus"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> g.subtractMask(seed(1), CONTEXT, ModVector.zeros(Modulus.powerOfTwo(32), 5)));
    assertTrue(e.getMessage().contains("length"), e.getMessage());
  }

  @Test
  void rejectsNullsAndDestroyedSeeds() {
    MaskGenerator g = AesCtrMaskGenerator.create(Modulus.of(11), 4);
    ModVector acc = ModVector.zeros(Modulus.of(11), 4);
    assertThrows(NullPointerException.class, () -> AesCtrMaskGenerator.create(null, 4));
    assertThrows(NullPointerException.class, () -> g.expand(null, CONTEXT));
    assertThrows(NullPointerException.class, () -> g.expand(seed(1), null));
    assertThrows(NullPointerException.class, () -> g.addMask(seed(1), CONTEXT, null));
    assertThrows(NullPointerException.class, () -> g.subtractMask(null, CONTEXT, acc));
    SecretBytes destroyed = seed(1);
    destroyed.destroy();
    assertThrows(IllegalStateException.class, () -> g.expand(destroyed, CONTEXT));
  }

  @Test
  void leavesTheAccumulatorUntouchedWhenValidationFails() {
    MaskGenerator g = AesCtrMaskGenerator.create(Modulus.powerOfTwo(32), 4);
    ModVector acc = ModVector.of(Modulus.powerOfTwo(32), new long[] {1, 2, 3, 4});
    assertThrows(IllegalArgumentException.class, () -> g.addMask(SecretBytes.copyOf(new byte[31]), CONTEXT, acc));
    assertEquals(ModVector.of(Modulus.powerOfTwo(32), new long[] {1, 2, 3, 4}), acc);
  }

  @Test
  void abortsInsteadOfDrawingMoreThan64LPlus2To20Candidates() {
    // Unreachable with a working AES; this checks the guard against a broken provider.
    assertEquals(64L * 1000 + (1 << 20), AesCtrMaskGenerator.wordBudget(1000));
    assertEquals(0, AesCtrMaskGenerator.spend(8192, 8192));
    assertThrows(IllegalStateException.class, () -> AesCtrMaskGenerator.spend(8191, 8192));
  }

  @Test
  void toStringShowsParametersOnly() {
    assertEquals("AesCtrMaskGenerator[modulus=2^32, length=7]", AesCtrMaskGenerator.create(Modulus.powerOfTwo(32), 7).toString());
  }

  @Test
  void instancesAreSafeToShareAcrossThreads() throws Exception {
    Modulus m = Modulus.of((1L << 61) + 1);
    MaskGenerator g = AesCtrMaskGenerator.create(m, 10_000);
    ModVector expected = g.expand(seed(6), CONTEXT);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        final int fill = t;
        results.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 5; i++) {
                    if (!g.expand(seed(6), CONTEXT).equals(expected)) {
                      return false;
                    }
                    g.expand(seed(fill + 100), CONTEXT);
                  }
                  return true;
                }));
      }
      for (Future<Boolean> f : results) {
        assertTrue(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void maskIsNotAllZero() {
    for (Modulus m : EVERY_PATH) {
      if (m.bits() < 8) {
        continue;
      }
      long[] mask = AesCtrMaskGenerator.create(m, 16).expand(seed(1), CONTEXT).toLongArray();
      assertFalse(Arrays.stream(mask).allMatch(x -> x == 0), m.toString());
    }
  }
}
