package io.secagg.he.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class WireTest {
  @Test
  void roundTripsEveryFieldKind() {
    byte[] enc = new Wire.Writer(9).u8(7).u32(123456).integer(BigInteger.valueOf(65535))
        .integer(BigInteger.ZERO).fixed(BigInteger.TEN, 4).toByteArray();
    assertArrayEquals(new byte[] {1, 9, 7, 0, 1, (byte) 0xe2, 0x40, 0, 0, 0, 2, (byte) 0xff, (byte) 0xff,
        0, 0, 0, 0, 0, 0, 0, 10}, enc);
    Wire.Reader r = new Wire.Reader(enc, 9);
    assertEquals(7, r.u8());
    assertEquals(123456, r.u32(1 << 20));
    assertEquals(BigInteger.valueOf(65535), r.integer(8));
    assertEquals(BigInteger.ZERO, r.integer(8));
    assertEquals(BigInteger.TEN, r.fixed(4));
    r.finish();
  }

  @Test
  void rejectsWrongVersionAndType() {
    assertThrows(Wire.FormatException.class, () -> new Wire.Reader(new byte[] {2, 9}, 9));
    assertThrows(Wire.FormatException.class, () -> new Wire.Reader(new byte[] {1, 8}, 9));
    assertThrows(Wire.FormatException.class, () -> new Wire.Reader(new byte[] {1}, 9));
    assertThrows(Wire.FormatException.class, () -> new Wire.Reader(null, 9));
  }

  @Test
  void rejectsLeadingZeroTruncationOversizeAndTrailingBytes() {
    assertThrows(Wire.FormatException.class,
        () -> new Wire.Reader(new byte[] {1, 9, 0, 0, 0, 2, 0, 5}, 9).integer(8));
    assertThrows(Wire.FormatException.class,
        () -> new Wire.Reader(new byte[] {1, 9, 0, 0, 0, 3, 1, 5}, 9).integer(8));
    assertThrows(Wire.FormatException.class,
        () -> new Wire.Reader(new byte[] {1, 9, 0, 0, 0, 9, 1, 5}, 9).integer(8));
    assertThrows(Wire.FormatException.class,
        () -> new Wire.Reader(new byte[] {1, 9, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}, 9).u32(100));
    Wire.Reader r = new Wire.Reader(new byte[] {1, 9, 4}, 9);
    assertThrows(Wire.FormatException.class, r::finish);
  }

  @Test
  void fixedRejectsValuesThatDoNotFit() {
    assertThrows(IllegalArgumentException.class, () -> Wire.fixed(BigInteger.valueOf(256), 1));
    assertArrayEquals(new byte[] {0, (byte) 0xff}, Wire.fixed(BigInteger.valueOf(255), 2));
  }
}
