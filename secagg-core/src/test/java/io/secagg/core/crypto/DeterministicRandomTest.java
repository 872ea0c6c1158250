package io.secagg.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.secagg.core.testvectors.ReferenceKeystream;
import java.util.Arrays;
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

  /**
   * Recomputes the stream from the spec text: the keystream of label {@code secagg/v1
   * keystream-deterministic-random}, the seed as ikm, an empty context.
   */
  @Test
  void matchesTheSpecifiedDerivation() {
    byte[] seed = {0x73, 0x65, 0x65, 0x64};
    ReferenceKeystream expected =
        ReferenceKeystream.open("secagg/v1 keystream-deterministic-random", seed, new byte[0]);
    assertArrayEquals(expected.nextBytes(40_000), draw(DeterministicRandom.forTestVectorsOnly(seed), 40_000));
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
