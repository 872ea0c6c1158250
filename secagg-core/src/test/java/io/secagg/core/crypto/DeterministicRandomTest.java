package io.secagg.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class DeterministicRandomTest {

  private static byte[] draw(DeterministicRandom r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  @Test
  void sameSeedGivesTheSameStream() {
    byte[] a = draw(DeterministicRandom.forTestVectorsOnly(42), 1000);
    byte[] b = draw(DeterministicRandom.forTestVectorsOnly(42), 1000);
    assertArrayEquals(a, b);
  }

  @Test
  void differentSeedsGiveDifferentStreams() {
    assertFalse(
        Arrays.equals(
            draw(DeterministicRandom.forTestVectorsOnly(1), 32),
            draw(DeterministicRandom.forTestVectorsOnly(2), 32)));
    assertFalse(
        Arrays.equals(
            draw(DeterministicRandom.forTestVectorsOnly(new byte[0]), 32),
            draw(DeterministicRandom.forTestVectorsOnly(new byte[1]), 32)));
  }

  @Test
  void longSeedIsItsEightBigEndianBytes() {
    byte[] fromLong = draw(DeterministicRandom.forTestVectorsOnly(0x0102030405060708L), 64);
    byte[] fromBytes =
        draw(DeterministicRandom.forTestVectorsOnly(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}), 64);
    assertArrayEquals(fromBytes, fromLong);
  }

  @Test
  void streamIsContiguousAcrossCallsOfAnySize() {
    byte[] whole = draw(DeterministicRandom.forTestVectorsOnly(7), 100);
    DeterministicRandom r = DeterministicRandom.forTestVectorsOnly(7);
    byte[] pieces = new byte[100];
    int[] sizes = {1, 15, 16, 17, 0, 51};
    int off = 0;
    for (int n : sizes) {
      byte[] p = draw(r, n);
      System.arraycopy(p, 0, pieces, off, n);
      off += n;
    }
    assertArrayEquals(whole, pieces);
  }

  @Test
  void setSeedIsIgnored() {
    DeterministicRandom r = DeterministicRandom.forTestVectorsOnly(5);
    r.setSeed(new byte[] {1, 2, 3});
    r.setSeed(99L);
    assertArrayEquals(draw(DeterministicRandom.forTestVectorsOnly(5), 48), draw(r, 48));
  }

  /** Recomputes the stream from the spec text: AES-128-CTR, zero IV, key from SHA-256. */
  @Test
  void matchesTheSpecifiedDerivation() throws Exception {
    byte[] seed = {0x73, 0x65, 0x65, 0x64};
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update("secagg/v1 deterministic-random".getBytes(StandardCharsets.US_ASCII));
    byte[] key = Arrays.copyOf(sha.digest(seed), 16);
    // Counter blocks 0, 1, 2 (big-endian 128-bit) encrypted one by one in ECB mode.
    Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
    ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
    byte[] counters = new byte[48];
    counters[15] = 0;
    counters[31] = 1;
    counters[47] = 2;
    byte[] expected = ecb.doFinal(counters);
    assertArrayEquals(expected, draw(DeterministicRandom.forTestVectorsOnly(seed), 48));
  }

  @Test
  void toStringSaysWhatItIsFor() {
    assertEquals(
        "DeterministicRandom[test vectors only]",
        DeterministicRandom.forTestVectorsOnly(1).toString());
  }

  @Test
  void rejectsNullSeed() {
    assertThrows(NullPointerException.class, () -> DeterministicRandom.forTestVectorsOnly(null));
  }
}
