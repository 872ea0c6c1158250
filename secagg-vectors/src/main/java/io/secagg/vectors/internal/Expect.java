package io.secagg.vectors.internal;

import java.util.Arrays;
import java.util.Objects;

/**
 * The comparisons the checkers make, named like the JUnit assertions they replace so a checker
 * reads the same in a test and in the product. Each throws {@link Mismatch} with
 * {@code "what: expected <x> but was <y>"}.
 */
public final class Expect {
  private Expect() {}

  private static Mismatch differ(String what, Object expected, Object actual) {
    return new Mismatch(what + ": expected <" + expected + "> but was <" + actual + ">");
  }

  /** Fails unless {@code expected.equals(actual)} (or both are null). */
  public static void assertEquals(Object expected, Object actual, String what) {
    if (!Objects.equals(expected, actual)) {
      throw differ(what, expected, actual);
    }
  }

  /** Fails unless the two longs are equal. */
  public static void assertEquals(long expected, long actual, String what) {
    if (expected != actual) {
      throw differ(what, expected, actual);
    }
  }

  /** Fails unless the two doubles are the same IEEE value (NaN equals NaN, 0.0 differs from -0.0). */
  public static void assertEquals(double expected, double actual, String what) {
    if (Double.doubleToLongBits(expected) != Double.doubleToLongBits(actual)) {
      throw differ(what, expected, actual);
    }
  }

  /** Fails unless the two booleans are equal. */
  public static void assertEquals(boolean expected, boolean actual, String what) {
    if (expected != actual) {
      throw differ(what, expected, actual);
    }
  }

  /** Fails unless the arrays have the same contents. */
  public static void assertArrayEquals(byte[] expected, byte[] actual, String what) {
    if (!Arrays.equals(expected, actual)) {
      throw differ(what, Vectors.hexOrNull(expected), Vectors.hexOrNull(actual));
    }
  }

  /** Fails unless the arrays have the same contents. */
  public static void assertArrayEquals(long[] expected, long[] actual, String what) {
    if (!Arrays.equals(expected, actual)) {
      throw differ(what, Arrays.toString(expected), Arrays.toString(actual));
    }
  }

  /** Fails unless the arrays have the same contents. */
  public static void assertArrayEquals(int[] expected, int[] actual, String what) {
    if (!Arrays.equals(expected, actual)) {
      throw differ(what, Arrays.toString(expected), Arrays.toString(actual));
    }
  }

  /** Fails unless {@code condition}. */
  public static void assertTrue(boolean condition, String what) {
    if (!condition) {
      throw new Mismatch(what);
    }
  }

  /** Fails if {@code condition}. */
  public static void assertFalse(boolean condition, String what) {
    if (condition) {
      throw new Mismatch(what);
    }
  }

  /** Fails if {@code value} is null. */
  public static void assertNotNull(Object value, String what) {
    if (value == null) {
      throw new Mismatch(what);
    }
  }

  /** {@link #assertEquals(Object, Object, String)} for an unnamed value. */
  public static void assertEquals(Object expected, Object actual) {
    assertEquals(expected, actual, "value");
  }

  /** {@link #assertEquals(long, long, String)} for an unnamed value. */
  public static void assertEquals(long expected, long actual) {
    assertEquals(expected, actual, "value");
  }

  /** {@link #assertArrayEquals(byte[], byte[], String)} for an unnamed value. */
  public static void assertArrayEquals(byte[] expected, byte[] actual) {
    assertArrayEquals(expected, actual, "value");
  }

  /** {@link #assertTrue(boolean, String)} for an unnamed condition. */
  public static void assertTrue(boolean condition) {
    assertTrue(condition, "condition is false");
  }

  /** {@link #assertFalse(boolean, String)} for an unnamed condition. */
  public static void assertFalse(boolean condition) {
    assertFalse(condition, "condition is true");
  }

  /** {@link #assertArrayEquals(long[], long[], String)} for an unnamed value. */
  public static void assertArrayEquals(long[] expected, long[] actual) {
    assertArrayEquals(expected, actual, "value");
  }
}
