package io.secagg.dp.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.secagg.core.crypto.Hkdf;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class AesCtrBitSourceTest {
  @Test
  void seededStreamIsTheSpecifiedAesCtrKeystreamAcrossChunkBoundaries() throws Exception {
    byte[] seed = "spec".getBytes(StandardCharsets.US_ASCII);
    byte[] key = Hkdf.derive(seed, new byte[0], "secagg/v1 dp bit source".getBytes(StandardCharsets.US_ASCII), 16);
    Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
    c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
    int words = 3000;
    ByteBuffer ks = ByteBuffer.wrap(c.doFinal(new byte[8 * words])).order(ByteOrder.LITTLE_ENDIAN);
    AesCtrBitSource src = AesCtrBitSource.forTestVectorsOnly(seed);
    for (int i = 0; i < words; i++) {
      assertEquals(ks.getLong(), src.nextLong(), "word " + i);
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
