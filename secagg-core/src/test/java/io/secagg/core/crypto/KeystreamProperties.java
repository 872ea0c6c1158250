package io.secagg.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class KeystreamProperties {

  /**
   * However a stream is read (bytes of any size, ints, longs, bulk longs, in any order), the
   * pieces concatenate to the same byte stream, words read little-endian: the spec's "consumed
   * front to back, never skipped or reused".
   */
  @Property(tries = 200)
  void anyMixOfReadsIsOnePrefixOfTheStream(
      @ForAll @Size(min = 1, max = 24) List<@IntRange(min = 0, max = 23_999) Integer> reads,
      @ForAll @Size(max = 40) byte[] seed) {
    ByteBuffer got = ByteBuffer.allocate(24_000 * 24).order(ByteOrder.LITTLE_ENDIAN);
    Keystream s = Keystream.open(KeystreamPurpose.DETERMINISTIC_RANDOM, seed, new byte[0]);
    for (int r : reads) {
      switch (r % 4) {
        case 0:
          byte[] b = new byte[r];
          s.nextBytes(b);
          got.put(b);
          break;
        case 1:
          got.putInt(s.nextInt());
          break;
        case 2:
          got.putLong(s.nextLong());
          break;
        default:
          long[] w = new long[r / 8];
          s.nextLongs(w, 0, w.length);
          for (long x : w) {
            got.putLong(x);
          }
          break;
      }
    }
    byte[] expected = new byte[got.position()];
    Keystream.open(KeystreamPurpose.DETERMINISTIC_RANDOM, seed, new byte[0]).nextBytes(expected);
    byte[] actual = new byte[got.position()];
    got.flip().get(actual);
    assertArrayEquals(expected, actual);
  }
}
