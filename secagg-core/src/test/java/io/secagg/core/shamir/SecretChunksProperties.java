package io.secagg.core.shamir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** The secret encoding is a bijection between 32-byte strings and in-range chunk tuples. */
class SecretChunksProperties {
  private static final HexFormat HEX = HexFormat.of();

  @Property(tries = 500)
  void everySecretRoundTripsAndMatchesTheReference(@ForAll @Size(32) byte[] secret)
      throws Exception {
    long[] chunks = SecretChunks.split(secret);
    assertArrayEquals(Reference.chunks(secret), chunks);
    assertArrayEquals(secret, SecretChunks.join(chunks));
  }

  @Property(tries = 500)
  void everyInRangeTupleRoundTrips(
      @ForAll @LongRange(min = 0, max = 0xffffL) long c0,
      @ForAll @LongRange(min = 0, max = (1L << 60) - 1) long c1,
      @ForAll @LongRange(min = 0, max = (1L << 60) - 1) long c2,
      @ForAll @LongRange(min = 0, max = (1L << 60) - 1) long c3,
      @ForAll @LongRange(min = 0, max = (1L << 60) - 1) long c4)
      throws Exception {
    long[] tuple = {c0, c1, c2, c3, c4};
    assertArrayEquals(tuple, SecretChunks.split(SecretChunks.join(tuple)));
  }

  @Property(tries = 500)
  void everyTupleWithAChunkBeyondItsWidthIsRejected(
      @ForAll @IntRange(min = 0, max = 4) int which,
      @ForAll @LongRange(min = 0, max = (1L << 61) - 2) long value) {
    long bound = 1L << SecretChunks.WIDTHS[which];
    long v = bound + value % (Reference.P.longValueExact() - bound); // a field element >= bound
    long[] tuple = new long[5];
    tuple[which] = v;
    InvalidShareException e = assertThrows(InvalidShareException.class, () -> SecretChunks.join(tuple));
    assertEquals(InvalidShareException.Reason.CHUNK_OUT_OF_RANGE, e.reason());
  }

  @Example
  void hexOfTheSecretIsTheChunksInReadingOrder() throws Exception {
    String hex = "abcd" + "0123456789abcde" + "f0123456789abcd" + "ef0123456789abc" + "def0123456789ab";
    long[] chunks = SecretChunks.split(HEX.parseHex(hex));
    assertArrayEquals(
        new long[] {0xabcdL, 0x0123456789abcdeL, 0xf0123456789abcdL, 0xef0123456789abcL,
          0xdef0123456789abL},
        chunks);
  }

  @Example
  void extremesMapToExtremes() throws Exception {
    byte[] ones = new byte[32];
    java.util.Arrays.fill(ones, (byte) 0xff);
    long m = (1L << 60) - 1;
    assertArrayEquals(new long[] {0xffff, m, m, m, m}, SecretChunks.split(ones));
    assertArrayEquals(new long[5], SecretChunks.split(new byte[32]));
  }
}
