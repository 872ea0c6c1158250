package io.secagg.core.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ModVectorTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final Modulus M32 = Modulus.powerOfTwo(32);
  private static final Modulus M64 = Modulus.powerOfTwo(64);
  private static final Modulus ODD_SMALL = Modulus.of(1_000_003);
  private static final Modulus ODD_LARGE = Modulus.of((1L << 62) - 57);

  @Test
  void zerosHasTheRequestedShape() {
    ModVector v = ModVector.zeros(ODD_SMALL, 5);
    assertEquals(5, v.length());
    assertEquals(ODD_SMALL, v.modulus());
    assertArrayEquals(new long[5], v.toLongArray());
  }

  @Test
  void rejectsLengthOutsideZeroToMax() {
    assertThrows(IllegalArgumentException.class, () -> ModVector.zeros(M32, -1));
    assertThrows(IllegalArgumentException.class, () -> ModVector.zeros(M32, ModVector.MAX_LENGTH + 1));
    assertThrows(IllegalArgumentException.class, () -> ModVector.encodedLength(M64, ModVector.MAX_LENGTH + 1));
    assertEquals(ModVector.MAX_LENGTH * 8, ModVector.encodedLength(M64, ModVector.MAX_LENGTH));
    assertEquals(0, ModVector.zeros(M32, 0).length());
  }

  @Test
  void rejectsNulls() {
    assertThrows(NullPointerException.class, () -> ModVector.zeros(null, 1));
    assertThrows(NullPointerException.class, () -> ModVector.of(null, new long[1]));
    assertThrows(NullPointerException.class, () -> ModVector.of(M32, null));
    assertThrows(NullPointerException.class, () -> ModVector.zeros(M32, 1).addInPlace(null));
    assertThrows(NullPointerException.class, () -> ModVector.zeros(M32, 1).subtractInPlace(null));
    assertThrows(NullPointerException.class, () -> ModVector.decode(null, 1, new byte[4]));
    assertThrows(NullPointerException.class, () -> ModVector.decode(M32, 1, null));
  }

  @Test
  void rejectsElementNotBelowModulusWithoutNamingTheValue() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ModVector.of(ODD_SMALL, new long[] {1, 1_000_003}));
    assertTrue(e.getMessage().contains("element 1"), e.getMessage());
    assertFalse(e.getMessage().contains("1000003 "), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ModVector.of(M32, new long[] {1L << 32}));
    assertThrows(IllegalArgumentException.class, () -> ModVector.of(M32, new long[] {-1}));
    assertThrows(IllegalArgumentException.class, () -> ModVector.of(Modulus.powerOfTwo(1), new long[] {2}));
  }

  @Test
  void twoToThe64ElementsAreUnsigned() {
    ModVector v = ModVector.of(M64, new long[] {-1L, Long.MIN_VALUE, 0});
    assertEquals(-1L, v.get(0));
    assertEquals(Long.MIN_VALUE, v.get(1));
    v.addInPlace(ModVector.of(M64, new long[] {1, Long.MIN_VALUE, 5}));
    assertArrayEquals(new long[] {0, 0, 5}, v.toLongArray());
  }

  @Test
  void twoToThe32ElementsAreUnsigned() {
    ModVector v = ModVector.of(M32, new long[] {0xFFFF_FFFFL, 0x8000_0000L});
    assertEquals(0xFFFF_FFFFL, v.get(0));
    assertEquals(0x8000_0000L, v.get(1));
  }

  @Test
  void getAndSetCheckIndexAndRange() {
    ModVector v = ModVector.zeros(ODD_LARGE, 3);
    v.set(2, (1L << 62) - 58);
    assertEquals((1L << 62) - 58, v.get(2));
    assertThrows(IndexOutOfBoundsException.class, () -> v.get(3));
    assertThrows(IndexOutOfBoundsException.class, () -> v.get(-1));
    assertThrows(IndexOutOfBoundsException.class, () -> v.set(3, 0));
    assertThrows(IllegalArgumentException.class, () -> v.set(0, (1L << 62) - 57));
  }

  @Test
  void copyIsIndependent() {
    ModVector v = ModVector.of(M32, new long[] {1, 2, 3});
    ModVector c = v.copy();
    c.set(0, 9);
    assertEquals(1, v.get(0));
    assertEquals(9, c.get(0));
    ModVector l = ModVector.of(ODD_LARGE, new long[] {4, 5});
    ModVector lc = l.copy();
    assertEquals(l, lc);
    lc.negateInPlace();
    assertNotEquals(l, lc);
  }

  @Test
  void powerOfTwoArithmeticWraps() {
    Modulus m = Modulus.powerOfTwo(13);
    ModVector a = ModVector.of(m, new long[] {8191, 0, 5000});
    a.addInPlace(ModVector.of(m, new long[] {1, 0, 5000}));
    assertArrayEquals(new long[] {0, 0, 1808}, a.toLongArray());
    a.subtractInPlace(ModVector.of(m, new long[] {1, 1, 1808}));
    assertArrayEquals(new long[] {8191, 8191, 0}, a.toLongArray());
    a.negateInPlace();
    assertArrayEquals(new long[] {1, 1, 0}, a.toLongArray());
  }

  @Test
  void widePowerOfTwoArithmeticWraps() {
    Modulus m = Modulus.powerOfTwo(40);
    long top = (1L << 40) - 1;
    ModVector a = ModVector.of(m, new long[] {top, 3});
    a.addInPlace(ModVector.of(m, new long[] {2, top}));
    assertArrayEquals(new long[] {1, 2}, a.toLongArray());
    a.negateInPlace();
    assertArrayEquals(new long[] {top, top - 1}, a.toLongArray());
  }

  @Test
  void generalModulusArithmeticReduces() {
    ModVector a = ModVector.of(ODD_SMALL, new long[] {1_000_002, 0, 500_000});
    a.addInPlace(ModVector.of(ODD_SMALL, new long[] {1_000_002, 0, 500_003}));
    assertArrayEquals(new long[] {1_000_001, 0, 0}, a.toLongArray());
    a.subtractInPlace(ModVector.of(ODD_SMALL, new long[] {1_000_002, 1, 0}));
    assertArrayEquals(new long[] {1_000_002, 1_000_002, 0}, a.toLongArray());
    a.negateInPlace();
    assertArrayEquals(new long[] {1, 1, 0}, a.toLongArray());
  }

  @Test
  void largeGeneralModulusArithmeticDoesNotOverflow() {
    long m = (1L << 62) - 57;
    ModVector a = ModVector.of(ODD_LARGE, new long[] {m - 1, m - 1, 0});
    a.addInPlace(ModVector.of(ODD_LARGE, new long[] {m - 1, 1, 0}));
    assertArrayEquals(new long[] {m - 2, 0, 0}, a.toLongArray());
    a.subtractInPlace(ModVector.of(ODD_LARGE, new long[] {m - 1, 1, 0}));
    assertArrayEquals(new long[] {m - 1, m - 1, 0}, a.toLongArray());
  }

  @Test
  void generalModulusJustBelowTwoTo31UsesIntsWithoutOverflow() {
    Modulus mod = Modulus.of((1L << 31) - 1);
    assertTrue(ModVector.usesInts(mod));
    long top = (1L << 31) - 2;
    ModVector a = ModVector.of(mod, new long[] {top, top});
    a.addInPlace(ModVector.of(mod, new long[] {top, 1}));
    assertArrayEquals(new long[] {top - 1, 0}, a.toLongArray());
    Modulus wide = Modulus.of((1L << 32) - 5);
    assertFalse(ModVector.usesInts(wide));
    ModVector b = ModVector.of(wide, new long[] {(1L << 32) - 6});
    b.addInPlace(b.copy());
    assertEquals((1L << 32) - 7, b.get(0));
  }

  @Test
  void rejectsOperandsOfAnotherModulusOrLength() {
    ModVector a = ModVector.zeros(M32, 3);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> a.addInPlace(ModVector.zeros(Modulus.powerOfTwo(31), 3)));
    assertTrue(e.getMessage().contains("modulus mismatch"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> a.subtractInPlace(ModVector.zeros(M32, 4)));
    assertTrue(e.getMessage().contains("length mismatch"), e.getMessage());
  }

  @Test
  void toStringShowsShapeButNeverElements() {
    ModVector v = ModVector.of(ODD_SMALL, new long[] {123_457, 987_653});
    assertEquals("ModVector[length=2, modulus=1000003]", v.toString());
    assertFalse(v.toString().contains("123457"));
  }

  @Test
  void equalityIsByModulusLengthAndContentAndHashIgnoresContent() {
    ModVector a = ModVector.of(M32, new long[] {1, 2});
    ModVector b = ModVector.of(M32, new long[] {1, 2});
    ModVector c = ModVector.of(M32, new long[] {1, 3});
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, c);
    assertEquals(a.hashCode(), c.hashCode());
    assertNotEquals(a, ModVector.of(Modulus.powerOfTwo(31), new long[] {1, 2}));
    assertNotEquals(a, ModVector.of(M32, new long[] {1, 2, 0}));
    assertNotEquals(a, "not a vector");
    assertEquals(ModVector.of(ODD_LARGE, new long[] {7}), ModVector.of(ODD_LARGE, new long[] {7}));
  }

  @Test
  void encodesLittleEndianInExactlyByteWidthBytes() {
    assertEquals("01000001", HEX.formatHex(ModVector.of(Modulus.powerOfTwo(1), new long[] {1, 0, 0, 1}).encode()));
    assertEquals("3412ff1f", HEX.formatHex(ModVector.of(Modulus.powerOfTwo(13), new long[] {0x1234, 0x1fff}).encode()));
    assertEquals("78563412", HEX.formatHex(ModVector.of(M32, new long[] {0x12345678L}).encode()));
    assertEquals("0807060504030201ffffffffffffffff",
        HEX.formatHex(ModVector.of(M64, new long[] {0x0102030405060708L, -1L}).encode()));
    assertEquals("420f0f", HEX.formatHex(ModVector.of(ODD_SMALL, new long[] {0x0f0f42}).encode()));
    assertEquals(0, ModVector.zeros(M64, 0).encode().length);
  }

  @Test
  void decodeInvertsEncode() throws VectorEncodingException {
    for (Modulus m : new Modulus[] {Modulus.powerOfTwo(1), Modulus.powerOfTwo(13), M32, Modulus.powerOfTwo(33), M64, ODD_SMALL, ODD_LARGE}) {
      long[] values = {0, m.maxElement(), m.maxElement() >>> 1, 1};
      ModVector v = ModVector.of(m, values);
      assertEquals(v, ModVector.decode(m, values.length, v.encode()), m.toString());
    }
  }

  @Test
  void decodeRejectsWrongByteCount() {
    assertThrows(VectorEncodingException.class, () -> ModVector.decode(M32, 2, new byte[7]));
    assertThrows(VectorEncodingException.class, () -> ModVector.decode(M32, 2, new byte[9]));
    assertThrows(VectorEncodingException.class, () -> ModVector.decode(M32, 0, new byte[1]));
    assertThrows(VectorEncodingException.class, () -> ModVector.decode(ODD_SMALL, 1, new byte[4]));
  }

  @Test
  void decodeRejectsElementNotBelowModulus() throws VectorEncodingException {
    // 1000003 = 0x0f4243, the modulus itself.
    VectorEncodingException e =
        assertThrows(VectorEncodingException.class, () -> ModVector.decode(ODD_SMALL, 2, HEX.parseHex("000000" + "43420f")));
    assertTrue(e.getMessage().contains("element 1"), e.getMessage());
    assertThrows(VectorEncodingException.class, () -> ModVector.decode(ODD_LARGE, 1, HEX.parseHex("c7ffffffffffff3f")));
    assertEquals((1L << 62) - 58, ModVector.decode(ODD_LARGE, 1, HEX.parseHex("c6ffffffffffff3f")).get(0));
    assertThrows(VectorEncodingException.class, () -> ModVector.decode(ODD_LARGE, 1, HEX.parseHex("00000000000000c0")));
  }

  @Test
  void decodeRejectsHighBitsAboveThePowerOfTwo() throws VectorEncodingException {
    assertThrows(VectorEncodingException.class, () -> ModVector.decode(Modulus.powerOfTwo(13), 1, HEX.parseHex("0020")));
    assertThrows(VectorEncodingException.class, () -> ModVector.decode(Modulus.powerOfTwo(1), 1, HEX.parseHex("02")));
    assertThrows(VectorEncodingException.class, () -> ModVector.decode(Modulus.powerOfTwo(31), 1, HEX.parseHex("00000080")));
    assertThrows(VectorEncodingException.class, () -> ModVector.decode(Modulus.powerOfTwo(63), 1, HEX.parseHex("0000000000000080")));
    assertThrows(VectorEncodingException.class, () -> ModVector.decode(Modulus.powerOfTwo(33), 1, HEX.parseHex("0000000002")));
    assertEquals(0x1FFFFFFFFL, ModVector.decode(Modulus.powerOfTwo(33), 1, HEX.parseHex("ffffffff01")).get(0));
  }

  @Test
  void decodeRejectsLengthOutsideRangeBeforeAllocating() {
    // A caller bug (the length comes from the caller's configuration), so unchecked; a
    // VectorEncodingException is checked and cannot be an IllegalArgumentException.
    assertThrows(IllegalArgumentException.class, () -> ModVector.decode(M64, Integer.MAX_VALUE, new byte[8]));
    assertThrows(IllegalArgumentException.class, () -> ModVector.decode(M64, -1, new byte[0]));
  }
}
