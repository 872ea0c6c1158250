package io.secagg.he.encoding;

import io.secagg.he.PaillierPublicKey;
import io.secagg.he.PlaintextOverflowException;
import io.secagg.he.internal.Args;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Encodes signed fixed-point numbers {@code x} as plaintexts {@code round(x * 2^f) mod n} with
 * a fixed, public number {@code f} of fractional bits. Immutable and thread-safe.
 *
 * <p>Ranges: let {@code B = floor(n / 3)}. Encoding accepts scaled values in {@code [-B, B]}.
 * Decoding maps {@code [0, B]} to itself and {@code [n - B, n)} to negatives; the band
 * {@code (B, n - B)} in between means the value wrapped (for example a sum whose magnitude
 * exceeded {@code B}) and throws {@link PlaintextOverflowException}. Any sum or scaled product
 * whose true magnitude is below {@code 2n/3} is therefore either decoded exactly or rejected,
 * never decoded wrongly.
 *
 * <p>Because {@code f} is the same for every value of the context, adding encodings needs no
 * rescaling and nothing about a value's magnitude leaks through an exponent (javallier's
 * per-number exponent does leak it). Multiplying an encoding by an integer plaintext keeps the
 * scale; multiplying by another fixed-point encoding doubles it (decode with
 * {@link #decode(BigInteger, int)} and {@code scaleMultiplier = 2}).
 */
public final class FixedPointEncoder {
  /** The largest number of fractional bits accepted. */
  public static final int MAX_FRACTIONAL_BITS = 1024;

  private final BigInteger n;
  private final int fractionalBits;
  private final BigInteger bound;

  private FixedPointEncoder(BigInteger n, int fractionalBits) {
    this.n = n;
    this.fractionalBits = fractionalBits;
    this.bound = n.divide(BigInteger.valueOf(3));
  }

  /**
   * An encoder for {@code publicKey}'s plaintext space with {@code fractionalBits} bits after the
   * binary point.
   *
   * @param fractionalBits 0 to {@value #MAX_FRACTIONAL_BITS}
   * @throws IllegalArgumentException if {@code fractionalBits} is out of range
   * @throws NullPointerException if {@code publicKey} is null
   */
  public static FixedPointEncoder create(PaillierPublicKey publicKey, int fractionalBits) {
    Objects.requireNonNull(publicKey, "publicKey");
    Args.inRange("fractionalBits", fractionalBits, 0, MAX_FRACTIONAL_BITS);
    return new FixedPointEncoder(publicKey.modulus(), fractionalBits);
  }

  /** The public scale exponent {@code f}: values are multiplied by {@code 2^f}. */
  public int fractionalBits() {
    return fractionalBits;
  }

  /** {@code B = floor(n/3)}: the largest scaled magnitude encoded or decoded. */
  public BigInteger maxScaledMagnitude() {
    return bound;
  }

  /**
   * Encodes {@code x}, rounding {@code x * 2^f} half-even to an integer.
   *
   * @throws IllegalArgumentException if the scaled value exceeds {@code B} in magnitude
   * @throws NullPointerException if {@code x} is null
   */
  public BigInteger encode(BigDecimal x) {
    Objects.requireNonNull(x, "x");
    BigInteger scaled =
        x.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(fractionalBits)))
            .setScale(0, RoundingMode.HALF_EVEN)
            .toBigIntegerExact();
    return encodeScaled(scaled);
  }

  /**
   * Encodes a finite double exactly as {@link #encode(BigDecimal)} of its exact binary value.
   *
   * @throws IllegalArgumentException if {@code x} is NaN or infinite
   * @throws IllegalArgumentException if the scaled value exceeds {@code B} in magnitude
   */
  public BigInteger encode(double x) {
    if (!Double.isFinite(x)) {
      throw new IllegalArgumentException("cannot encode " + x);
    }
    return encode(new BigDecimal(x));
  }

  /**
   * Encodes an integer {@code x} (scaled by {@code 2^f} like every other value).
   *
   * @throws IllegalArgumentException if {@code x * 2^f} exceeds {@code B} in magnitude
   */
  public BigInteger encode(long x) {
    return encodeScaled(BigInteger.valueOf(x).shiftLeft(fractionalBits));
  }

  /**
   * Encodes an already scaled integer {@code s} (the value {@code s / 2^f}).
   *
   * @throws IllegalArgumentException if {@code |s| > B}
   */
  public BigInteger encodeScaled(BigInteger s) {
    Objects.requireNonNull(s, "s");
    if (s.abs().compareTo(bound) > 0) {
      throw new IllegalArgumentException("scaled value exceeds the encodable range floor(n/3)");
    }
    return s.signum() < 0 ? s.add(n) : s;
  }

  /**
   * The scaled signed integer of a plaintext: {@code m} for {@code m <= B}, {@code m - n} for
   * {@code m >= n - B}.
   *
   * @param m a plaintext in {@code [0, n)}
   * @throws PlaintextOverflowException if {@code m} is in the overflow band {@code (B, n - B)}
   * @throws IllegalArgumentException if {@code m} is outside {@code [0, n)}
   */
  public BigInteger decodeScaled(BigInteger m) throws PlaintextOverflowException {
    Objects.requireNonNull(m, "m");
    if (m.signum() < 0 || m.compareTo(n) >= 0) {
      throw new IllegalArgumentException("plaintext must satisfy 0 <= m < n");
    }
    if (m.compareTo(bound) <= 0) {
      return m;
    }
    BigInteger negative = m.subtract(n);
    if (negative.negate().compareTo(bound) <= 0) {
      return negative;
    }
    throw new PlaintextOverflowException("decrypted value lies in the overflow band: the sum wrapped");
  }

  /**
   * The exact value {@code decodeScaled(m) / 2^f}.
   *
   * @throws PlaintextOverflowException if {@code m} is in the overflow band
   */
  public BigDecimal decode(BigInteger m) throws PlaintextOverflowException {
    return decode(m, 1);
  }

  /**
   * The exact value {@code decodeScaled(m) / 2^(f * scaleMultiplier)}: use
   * {@code scaleMultiplier = k} after multiplying {@code k} fixed-point encodings together.
   *
   * @param scaleMultiplier 1 to 64
   * @throws PlaintextOverflowException if {@code m} is in the overflow band
   */
  public BigDecimal decode(BigInteger m, int scaleMultiplier) throws PlaintextOverflowException {
    if (scaleMultiplier < 1 || scaleMultiplier > 64) {
      throw new IllegalArgumentException("scaleMultiplier must be 1..64");
    }
    BigDecimal s = new BigDecimal(decodeScaled(m));
    int shift = fractionalBits * scaleMultiplier;
    // 2^-k is exact in decimal with k digits after the point.
    return s.divide(new BigDecimal(BigInteger.ONE.shiftLeft(shift))).stripTrailingZeros();
  }

  /**
   * The nearest double to {@link #decode(BigInteger)}.
   *
   * @throws PlaintextOverflowException if {@code m} is in the overflow band
   */
  public double decodeDouble(BigInteger m) throws PlaintextOverflowException {
    return decode(m).doubleValue();
  }

  @Override
  public String toString() {
    return "FixedPointEncoder[" + n.bitLength() + "-bit n, f = " + fractionalBits + "]";
  }
}
