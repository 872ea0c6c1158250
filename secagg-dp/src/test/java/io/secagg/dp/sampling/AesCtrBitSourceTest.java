package io.secagg.dp.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.secagg.core.testvectors.ReferenceKeystream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AesCtrBitSourceTest {
  @Test
  void seededStreamIsTheDpBitsKeystreamAcrossChunkBoundaries() {
    byte[] seed = "spec".getBytes(StandardCharsets.US_ASCII);
    ReferenceKeystream ks = ReferenceKeystream.open("secagg/v1 keystream-dp-bits", seed, new byte[0]);
    AesCtrBitSource src = AesCtrBitSource.forTestVectorsOnly(seed);
    for (int i = 0; i < 3000; i++) {
      assertEquals(ks.nextLittleEndian(8), src.nextLong(), "word " + i);
    }
  }

  @Test
  void sameSeedSameWordsDifferentSeedDifferentWords() {
    long[] a = new long[10];
    long[] b = new long[10];
    long[] c = new long[10];
    AesCtrBitSource.forTestVectorsOnly(new byte[] {1}).nextLongs(a);
    AesCtrBitSource.forTestVectorsOnly(new byte[] {1}).nextLongs(b);
    AesCtrBitSource.forTestVectorsOnly(new byte[] {2}).nextLongs(c);
    assertArrayEquals(a, b);
    assertFalse(java.util.Arrays.equals(a, c));
  }

  @Test
  void secureSourcesAreIndependentAndPerThread() throws Exception {
    assertNotEquals(AesCtrBitSource.create().nextLong(), AesCtrBitSource.create().nextLong());
    AesCtrBitSource mine = AesCtrBitSource.threadLocal();
    assertSame(mine, AesCtrBitSource.threadLocal());
    AtomicReference<AesCtrBitSource> other = new AtomicReference<>();
    Thread t = new Thread(() -> other.set(AesCtrBitSource.threadLocal()));
    t.start();
    t.join();
    assertNotSame(mine, other.get());
  }

  @Test
  void toStringRevealsNoKeyAndNullsAreRejected() {
    assertEquals("AesCtrBitSource[secure]", AesCtrBitSource.create().toString());
    assertThrows(NullPointerException.class, () -> AesCtrBitSource.forTestVectorsOnly(null));
    assertThrows(NullPointerException.class, () -> AesCtrBitSource.create(null));
  }
}
