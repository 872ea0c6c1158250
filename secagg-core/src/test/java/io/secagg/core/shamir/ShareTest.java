package io.secagg.core.shamir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.secagg.core.internal.Gf61;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ShareTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final long[] Y = {1, 2, 0x0123456789abcdefL, Gf61.P - 1, 0};

  private static InvalidShareException.Reason decodeFailure(byte[] encoded) {
    return assertThrows(InvalidShareException.class, () -> Share.decode(encoded)).reason();
  }

  @Test
  void encodesXThenEachYBigEndian() throws Exception {
    Share s = Share.of(0x0102, Y);
    assertEquals(
        "0102" + "0000000000000001" + "0000000000000002" + "0123456789abcdef"
            + "1ffffffffffffffe" + "0000000000000000",
        HEX.formatHex(s.encode()));
    assertEquals(Share.ENCODED_LENGTH, s.encode().length);
  }

  @Test
  void decodeInvertsEncode() throws Exception {
    Share s = Share.of(65535, Y);
    Share back = Share.decode(s.encode());
    assertEquals(s, back);
    assertEquals(65535, back.x());
    assertArrayEquals(Y, back.yValues());
  }

  @Test
  void decodeRejectsWrongLengths() {
    assertEquals(InvalidShareException.Reason.MALFORMED_ENCODING, decodeFailure(new byte[41]));
    assertEquals(InvalidShareException.Reason.MALFORMED_ENCODING, decodeFailure(new byte[43]));
    assertEquals(InvalidShareException.Reason.MALFORMED_ENCODING, decodeFailure(new byte[0]));
  }

  @Test
  void decodeRejectsZeroX() throws Exception {
    byte[] e = Share.of(1, Y).encode();
    e[1] = 0;
    assertEquals(InvalidShareException.Reason.INDEX_OUT_OF_RANGE, decodeFailure(e));
  }

  @Test
  void decodeRejectsYEqualToP() throws Exception {
    byte[] e = Share.of(1, Y).encode();
    SecretChunks.writeLong(e, 2 + 8 * 4, Gf61.P);
    assertEquals(InvalidShareException.Reason.VALUE_OUT_OF_RANGE, decodeFailure(e));
  }

  @Test
  void decodeRejectsYWithATopBitSet() throws Exception {
    for (int bit = 61; bit < 64; bit++) {
      byte[] e = Share.of(1, Y).encode();
      SecretChunks.writeLong(e, 2, 1L << bit);
      assertEquals(InvalidShareException.Reason.VALUE_OUT_OF_RANGE, decodeFailure(e), "bit " + bit);
    }
  }

  @Test
  void ofRejectsXOutsideOneTo65535() {
    assertEquals(InvalidShareException.Reason.INDEX_OUT_OF_RANGE,
        assertThrows(InvalidShareException.class, () -> Share.of(0, Y)).reason());
    assertEquals(InvalidShareException.Reason.INDEX_OUT_OF_RANGE,
        assertThrows(InvalidShareException.class, () -> Share.of(65536, Y)).reason());
    assertEquals(InvalidShareException.Reason.INDEX_OUT_OF_RANGE,
        assertThrows(InvalidShareException.class, () -> Share.of(-1, Y)).reason());
  }

  @Test
  void ofRejectsWrongChunkCount() {
    assertEquals(InvalidShareException.Reason.WRONG_CHUNK_COUNT,
        assertThrows(InvalidShareException.class, () -> Share.of(1, new long[4])).reason());
    assertEquals(InvalidShareException.Reason.WRONG_CHUNK_COUNT,
        assertThrows(InvalidShareException.class, () -> Share.of(1, new long[6])).reason());
  }

  @Test
  void ofRejectsNegativeOrTooLargeY() {
    assertEquals(InvalidShareException.Reason.VALUE_OUT_OF_RANGE,
        assertThrows(InvalidShareException.class, () -> Share.of(1, new long[] {0, -1, 0, 0, 0}))
            .reason());
    assertEquals(InvalidShareException.Reason.VALUE_OUT_OF_RANGE,
        assertThrows(InvalidShareException.class, () -> Share.of(1, new long[] {0, 0, Gf61.P, 0, 0}))
            .reason());
  }

  @Test
  void ofAndDecodeRejectNull() {
    assertThrows(NullPointerException.class, () -> Share.of(1, null));
    assertThrows(NullPointerException.class, () -> Share.decode(null));
  }

  @Test
  void isImmutable() throws Exception {
    long[] y = Y.clone();
    Share s = Share.of(3, y);
    y[0] = 77;
    s.yValues()[1] = 77;
    assertArrayEquals(Y, s.yValues());
    assertThrows(IndexOutOfBoundsException.class, () -> s.y(5));
    assertEquals(Y[2], s.y(2));
  }

  @Test
  void toStringShowsOnlyX() throws Exception {
    Share s = Share.of(3, Y);
    assertEquals("Share[x=3]", s.toString());
    for (long v : Y) {
      if (v > 9) {
        assertFalse(s.toString().contains(Long.toString(v)));
      }
    }
  }

  @Test
  void equalityCoversXAndEveryValueAndHashDependsOnlyOnX() throws Exception {
    Share a = Share.of(3, Y);
    assertEquals(a, Share.of(3, Y));
    assertNotEquals(a, Share.of(4, Y));
    long[] other = Y.clone();
    other[4] = 1;
    assertNotEquals(a, Share.of(3, other));
    assertEquals(a.hashCode(), Share.of(3, other).hashCode());
    assertNotEquals(a, "Share[x=3]");
  }
}
