package io.secagg.dp.sampling;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * An exact positive rational number {@code numerator / denominator} in lowest terms: the
 * parameter type of the exact samplers (e.g. a discrete Gaussian's sigma^2).
 *
 * <p>Immutable. Text form {@code "n/d"} (or {@code "n"} when d = 1), decimal digits only.
 */
public final class Rational implements Comparable<Rational> {
  private static final int MAX_BITS = 4096;
  private final BigInteger num;
  private final BigInteger den;

  private Rational(BigInteger num, BigInteger den) {
    this.num = num;
    this.den = den;
  }

  /**
   * {@code num / den}, reduced.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code num <= 0}, {@code den <= 0}, or either exceeds
   *     4096 bits
   */
  public static Rational of(BigInteger num, BigInteger den) {
    Objects.requireNonNull(num, "num");
    Objects.requireNonNull(den, "den");
    if (num.signum() <= 0 || den.signum() <= 0) {
      throw new IllegalArgumentException("Invalid rational " + num + "/" + den + "; both parts must be positive");
    }
    if (num.bitLength() > MAX_BITS || den.bitLength() > MAX_BITS) {
      throw new IllegalArgumentException("Invalid rational: parts larger than " + MAX_BITS + " bits");
    }
    BigInteger g = num.gcd(den);
    return new Rational(num.divide(g), den.divide(g));
  }

  /**
   * {@code num / den}, reduced.
   *
   * @throws IllegalArgumentException if {@code num <= 0} or {@code den <= 0}
   */
  public static Rational of(long num, long den) {
    return of(BigInteger.valueOf(num), BigInteger.valueOf(den));
  }

  /**
   * The exact value of a finite positive double (every double is a dyadic rational).
   *
   * @throws IllegalArgumentException if {@code x} is not finite and positive
   */
  public static Rational exactly(double x) {
    if (!(x > 0) || Double.isInfinite(x)) {
      throw new IllegalArgumentException("Invalid value " + x + "; must be finite and positive");
    }
    BigDecimal d = new BigDecimal(x);
    BigInteger unscaled = d.unscaledValue();
    int scale = d.scale();
    return scale >= 0
        ? of(unscaled, BigInteger.TEN.pow(scale))
        : of(unscaled.multiply(BigInteger.TEN.pow(-scale)), BigInteger.ONE);
  }

  /**
   * The smallest multiple of {@code 2^-fractionBits} that is {@code >= x}: a short rational that
   * never understates {@code x} (use it to round a noise variance up, never down).
   *
   * @throws IllegalArgumentException if {@code x} is not finite and positive, or
   *     {@code fractionBits} is outside 0..64
   */
  public static Rational ceilDyadic(double x, int fractionBits) {
    if (fractionBits < 0 || fractionBits > 64) {
      throw new IllegalArgumentException("Invalid fractionBits " + fractionBits + "; must be 0..64");
    }
    Rational exact = exactly(x);
    BigInteger scaled = exact.num.shiftLeft(fractionBits);
    BigInteger[] qr = scaled.divideAndRemainder(exact.den);
    BigInteger n = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    return of(n, BigInteger.ONE.shiftLeft(fractionBits));
  }

  /**
   * Parses {@code "n/d"} or {@code "n"} (decimal, positive).
   *
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if the text is not of that form or the value is not positive
   */
  public static Rational parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text.length() > 2 * 1300 || !text.matches("[0-9]+(/[0-9]+)?")) {
      throw new IllegalArgumentException("Invalid rational text; expected decimal \"n/d\" or \"n\"");
    }
    int slash = text.indexOf('/');
    return slash < 0
        ? of(new BigInteger(text), BigInteger.ONE)
        : of(new BigInteger(text.substring(0, slash)), new BigInteger(text.substring(slash + 1)));
  }

  /** The numerator (positive, coprime with the denominator). */
  public BigInteger numerator() {
    return num;
  }

  /** The denominator (positive). */
  public BigInteger denominator() {
    return den;
  }

  /** The nearest double (for reporting and accounting only, never for sampling decisions). */
  public double doubleValue() {
    return new BigDecimal(num).divide(new BigDecimal(den), java.math.MathContext.DECIMAL64).doubleValue();
  }

  /** {@code this * other}. */
  public Rational multiply(Rational other) {
    return of(num.multiply(other.num), den.multiply(other.den));
  }

  /** {@code this / other}. */
  public Rational divide(Rational other) {
    return of(num.multiply(other.den), den.multiply(other.num));
  }

  @Override
  public int compareTo(Rational o) {
    return num.multiply(o.den).compareTo(o.num.multiply(den));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Rational && ((Rational) o).num.equals(num) && ((Rational) o).den.equals(den);
  }

  @Override
  public int hashCode() {
    return 31 * num.hashCode() + den.hashCode();
  }

  @Override
  public String toString() {
    return den.equals(BigInteger.ONE) ? num.toString() : num + "/" + den;
  }
}
