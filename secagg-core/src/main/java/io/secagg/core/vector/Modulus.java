package io.secagg.core.vector;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A modulus m of the ring Z_m, from one of two families:
 *
 * <ul>
 *   <li><b>powers of two</b> m = 2^b with 1 &lt;= b &lt;= 64 ({@link #powerOfTwo(int)}), where
 *       arithmetic is plain two's-complement overflow followed by a mask;
 *   <li><b>general</b> moduli 2 &lt;= m &lt;= 2^62 ({@link #of(long)}), where arithmetic uses one
 *       branch-free conditional correction. A power of two passed to {@link #of(long)} is
 *       normalised to the power-of-two form, so {@code of(1L << 32).equals(powerOfTwo(32))}.
 * </ul>
 *
 * <p>Derived quantities (all fixed by the specification, {@code spec/secagg.md}, section
 * "Vectors over Z_m"):
 *
 * <ul>
 *   <li>{@link #bits()} = bitLength(m - 1): the number of bits of the largest element (b for
 *       2^b);
 *   <li>{@link #byteWidth()} = ceil(bits / 8): the bytes of one element in the wire encoding.
 * </ul>
 *
 * <p>Instances are immutable and thread-safe. Equality is by value.
 */
public final class Modulus {
  /** The largest general (not necessarily power-of-two) modulus: 2^62. */
  public static final long MAX_GENERAL = 1L << 62;
  /** The largest power-of-two exponent: 64. */
  public static final int MAX_BITS = 64;

  private final int bits;
  private final boolean powerOfTwo;
  // m itself as a signed long, exact only when positive: 2^63 shows as Long.MIN_VALUE and 2^64
  // as 0, neither of which fits.
  private final long value;
  // m - 1, read as unsigned (all ones for 2^64).
  private final long maxElement;

  private Modulus(int bits, boolean powerOfTwo, long value, long maxElement) {
    this.bits = bits;
    this.powerOfTwo = powerOfTwo;
    this.value = value;
    this.maxElement = maxElement;
  }

  /**
   * The modulus 2^bits.
   *
   * @param bits the exponent, 1 to 64
   * @throws IllegalArgumentException if {@code bits} is outside 1..64
   */
  public static Modulus powerOfTwo(int bits) {
    if (bits < 1 || bits > MAX_BITS) {
      throw new IllegalArgumentException(
          "Invalid power-of-two exponent " + bits + "; must be 1.." + MAX_BITS);
    }
    long max = -1L >>> (64 - bits);
    return new Modulus(bits, true, max + 1, max);
  }

  /**
   * The modulus m, for 2 &lt;= m &lt;= 2^62. A power of two is normalised to {@link
   * #powerOfTwo(int)}.
   *
   * @throws IllegalArgumentException if {@code m} is outside 2..2^62
   */
  public static Modulus of(long m) {
    if (m < 2 || m > MAX_GENERAL) {
      throw new IllegalArgumentException(
          "Invalid modulus " + m + "; must be 2..2^62, or a power of two 2^b with b <= 64");
    }
    if ((m & (m - 1)) == 0) {
      return powerOfTwo(Long.numberOfTrailingZeros(m));
    }
    return new Modulus(64 - Long.numberOfLeadingZeros(m - 1), false, m, m - 1);
  }

  /**
   * The modulus m given as a big integer: either a power of two 2^b with 1 &lt;= b &lt;= 64 or any
   * 2 &lt;= m &lt;= 2^62.
   *
   * @throws NullPointerException if {@code m} is null
   * @throws IllegalArgumentException if {@code m} is in neither family
   */
  public static Modulus of(BigInteger m) {
    Objects.requireNonNull(m, "m");
    if (m.signum() > 0 && m.bitCount() == 1 && m.bitLength() - 1 >= 1 && m.bitLength() - 1 <= 64) {
      return powerOfTwo(m.bitLength() - 1);
    }
    if (m.bitLength() > 63) {
      throw new IllegalArgumentException(
          "Invalid modulus of " + m.bitLength() + " bits; must be 2..2^62, or 2^b with b <= 64");
    }
    return of(m.longValue());
  }

  /**
   * Parses {@code "2^b"} (1 &lt;= b &lt;= 64) or a decimal integer accepted by {@link
   * #of(BigInteger)}. This is the inverse of {@link #toString()}.
   *
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if the text is malformed or the value is in neither family
   */
  public static Modulus parse(String text) {
    Objects.requireNonNull(text, "text");
    try {
      if (text.startsWith("2^")) {
        String exponent = text.substring(2);
        if (!asciiDigits(exponent, 2)) {
          throw new IllegalArgumentException(
              "Invalid modulus text; expected 2^b with 1 <= b <= 64");
        }
        return powerOfTwo(Integer.parseInt(exponent));
      }
      if (!asciiDigits(text, 20)) {
        throw new IllegalArgumentException("Invalid modulus text; expected 2^b or decimal digits");
      }
      return of(new BigInteger(text));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Invalid modulus text", e);
    }
  }

  // Only ASCII digits: parseInt and BigInteger would also accept other Unicode digits.
  private static boolean asciiDigits(String s, int maxLength) {
    if (s.isEmpty() || s.length() > maxLength) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** bitLength(m - 1), 1 to 64: the bit size of the largest element; b for m = 2^b. */
  public int bits() {
    return bits;
  }

  /** True iff m = 2^b for some b. */
  public boolean isPowerOfTwo() {
    return powerOfTwo;
  }

  /** The value of m (2^63 and 2^64 included, which is why this is a {@link BigInteger}). */
  public BigInteger value() {
    return new BigInteger(Long.toUnsignedString(maxElement)).add(BigInteger.ONE);
  }

  /**
   * The value of m as a long.
   *
   * @throws ArithmeticException for m = 2^63 and m = 2^64, which do not fit
   */
  public long longValueExact() {
    if (value <= 0) {
      throw new ArithmeticException(this + " does not fit a long");
    }
    return value;
  }

  /** m - 1, the largest element, as an unsigned long (all 64 bits set for m = 2^64). */
  public long maxElement() {
    return maxElement;
  }

  /** The width of one element in the wire encoding: ceil(bits() / 8) bytes, 1 to 8. */
  public int byteWidth() {
    return (bits + 7) >>> 3;
  }

  /** True iff {@code x}, read as an unsigned 64-bit integer, is an element of Z_m (x &lt; m). */
  public boolean contains(long x) {
    return Long.compareUnsigned(x, maxElement) <= 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Modulus && ((Modulus) o).maxElement == maxElement;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(maxElement);
  }

  /** {@code "2^b"} for a power of two, otherwise the decimal value; see {@link #parse}. */
  @Override
  public String toString() {
    return powerOfTwo ? "2^" + bits : Long.toString(value);
  }
}
