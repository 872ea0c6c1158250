package io.secagg.core.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModulusTest {
  private static final BigInteger TWO = BigInteger.TWO;

  @ParameterizedTest
  @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 65, 1000})
  void rejectsPowerOfTwoExponentOutsideOneTo64(int bits) {
    assertThrows(IllegalArgumentException.class, () -> Modulus.powerOfTwo(bits));
  }

  @ParameterizedTest
  @ValueSource(longs = {Long.MIN_VALUE, -2, -1, 0, 1, (1L << 62) + 1, Long.MAX_VALUE})
  void rejectsGeneralModulusOutsideTwoTo2Pow62(long m) {
    assertThrows(IllegalArgumentException.class, () -> Modulus.of(m));
  }

  @Test
  void exposesPowerOfTwoProperties() {
    Modulus m = Modulus.powerOfTwo(13);
    assertTrue(m.isPowerOfTwo());
    assertEquals(13, m.bits());
    assertEquals(2, m.byteWidth());
    assertEquals(BigInteger.valueOf(8192), m.value());
    assertEquals(8192, m.longValueExact());
    assertEquals(8191, m.maxElement());
    assertEquals("2^13", m.toString());
  }

  @Test
  void byteWidthIsCeilingOfBitsOverEight() {
    int[] expected = {0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3};
    for (int b = 1; b < expected.length; b++) {
      assertEquals(expected[b], Modulus.powerOfTwo(b).byteWidth(), "b=" + b);
    }
    assertEquals(4, Modulus.powerOfTwo(32).byteWidth());
    assertEquals(5, Modulus.powerOfTwo(33).byteWidth());
    assertEquals(8, Modulus.powerOfTwo(64).byteWidth());
  }

  @Test
  void twoToThe64IsRepresentedWithoutLongOverflow() {
    Modulus m = Modulus.powerOfTwo(64);
    assertEquals(TWO.pow(64), m.value());
    assertEquals(-1L, m.maxElement());
    assertEquals(8, m.byteWidth());
    assertThrows(ArithmeticException.class, m::longValueExact);
    assertTrue(m.contains(-1L));
    assertTrue(m.contains(Long.MIN_VALUE));
  }

  @Test
  void twoToThe63IsPositiveAndDoesNotFitALong() {
    Modulus m = Modulus.powerOfTwo(63);
    assertEquals(TWO.pow(63), m.value());
    assertEquals(Long.MAX_VALUE, m.maxElement());
    assertThrows(ArithmeticException.class, m::longValueExact);
    assertEquals(m, Modulus.parse(m.value().toString()));
    assertEquals((1L << 62), Modulus.powerOfTwo(62).longValueExact());
  }

  @Test
  void valueIsExactForEveryPowerOfTwo() {
    for (int b = 1; b <= 64; b++) {
      assertEquals(TWO.pow(b), Modulus.powerOfTwo(b).value(), "b=" + b);
    }
  }

  @Test
  void generalModulusUsesBitLengthOfMaxElement() {
    Modulus m = Modulus.of(1_000_003);
    assertFalse(m.isPowerOfTwo());
    assertEquals(20, m.bits());
    assertEquals(3, m.byteWidth());
    assertEquals("1000003", m.toString());

    Modulus near = Modulus.of((1L << 62) - 57);
    assertEquals(62, near.bits());
    assertEquals(8, near.byteWidth());

    // 2^61 + 1: m - 1 = 2^61 has 62 bits.
    Modulus above = Modulus.of((1L << 61) + 1);
    assertEquals(62, above.bits());

    Modulus three = Modulus.of(3);
    assertEquals(2, three.bits());
    assertEquals(1, three.byteWidth());
  }

  @Test
  void normalisesPowersOfTwoGivenToOf() {
    for (int b = 1; b <= 62; b++) {
      Modulus m = Modulus.of(1L << b);
      assertTrue(m.isPowerOfTwo(), "b=" + b);
      assertEquals(Modulus.powerOfTwo(b), m);
      assertEquals(b, m.bits());
    }
    assertEquals(Modulus.powerOfTwo(1), Modulus.of(2));
  }

  @Test
  void acceptsTheRangeEnds() {
    assertEquals(1, Modulus.of(2).bits());
    assertEquals(62, Modulus.of(1L << 62).bits());
    assertEquals(62, Modulus.of((1L << 62) - 1).bits());
  }

  @Test
  void containsComparesUnsigned() {
    Modulus m = Modulus.of(10);
    assertTrue(m.contains(0));
    assertTrue(m.contains(9));
    assertFalse(m.contains(10));
    assertFalse(m.contains(-1));
  }

  @Test
  void bigIntegerFormAcceptsExactlyBothFamilies() {
    assertEquals(Modulus.powerOfTwo(64), Modulus.of(TWO.pow(64)));
    assertEquals(Modulus.powerOfTwo(63), Modulus.of(TWO.pow(63)));
    assertEquals(Modulus.of(12345), Modulus.of(BigInteger.valueOf(12345)));
    for (BigInteger bad :
        new BigInteger[] {
          TWO.pow(65), TWO.pow(62).add(BigInteger.ONE), TWO.pow(63).subtract(BigInteger.ONE),
          TWO.pow(64).subtract(BigInteger.ONE), TWO.pow(100).add(BigInteger.ONE), BigInteger.ONE,
          BigInteger.ZERO, BigInteger.valueOf(-4), TWO.pow(64).negate()
        }) {
      assertThrows(IllegalArgumentException.class, () -> Modulus.of(bad), bad.toString());
    }
  }

  @Test
  void parseIsTheInverseOfToString() {
    for (Modulus m :
        new Modulus[] {
          Modulus.powerOfTwo(1), Modulus.powerOfTwo(32), Modulus.powerOfTwo(64), Modulus.of(3),
          Modulus.of((1L << 62) - 57)
        }) {
      assertEquals(m, Modulus.parse(m.toString()));
    }
    assertEquals(Modulus.powerOfTwo(64), Modulus.parse("18446744073709551616"));
    assertEquals(Modulus.powerOfTwo(8), Modulus.parse("256"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "2^", "2^0", "2^65", "2^100", "2^-1", "2^ 3", "abc", "-5", "1", "0", "+7",
        "4611686018427387905", "18446744073709551617", "123456789012345678901234",
        "2^\u0663\u0662", "\u0661\u0660"})
  void parseRejectsMalformedOrOutOfRangeText(String text) {
    assertThrows(IllegalArgumentException.class, () -> Modulus.parse(text));
  }

  @Test
  void equalityIsByValue() {
    assertEquals(Modulus.of(1_000_003), Modulus.of(1_000_003));
    assertEquals(Modulus.of(1_000_003).hashCode(), Modulus.of(1_000_003).hashCode());
    assertNotEquals(Modulus.of(1_000_003), Modulus.of(1_000_033));
    assertNotEquals(Modulus.powerOfTwo(32), Modulus.powerOfTwo(31));
    assertNotEquals(Modulus.powerOfTwo(32), "2^32");
    Modulus m = Modulus.powerOfTwo(5);
    assertSame(m, m);
  }

  @Test
  void rejectsNulls() {
    assertThrows(NullPointerException.class, () -> Modulus.of((BigInteger) null));
    assertThrows(NullPointerException.class, () -> Modulus.parse(null));
  }
}
