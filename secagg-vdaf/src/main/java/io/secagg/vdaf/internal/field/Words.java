package io.secagg.vdaf.internal.field;

/**
 * Branch-free 64-bit word arithmetic shared by the fields: carries and borrows as 0 or 1 computed
 * from the operands' and result's top bits, and the unsigned high word of a product (Java 17 has
 * only the signed {@code Math.multiplyHigh}).
 */
final class Words {
  private Words() {}

  /** Carry out of {@code a + b = s} (mod 2^64), as 0 or 1. */
  static long carry(long a, long b, long s) {
    return ((a & b) | ((a | b) & ~s)) >>> 63;
  }

  /** Borrow out of {@code a - b = d} (mod 2^64), as 0 or 1. */
  static long borrow(long a, long b, long d) {
    return ((~a & b) | (~(a ^ b) & d)) >>> 63;
  }

  /** Unsigned high word of the 128-bit product {@code a * b}. */
  static long mulHigh(long a, long b) {
    return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
  }
}
