package io.secagg.core.quant;

import io.secagg.core.vector.Modulus;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Validated, immutable quantization parameters: the clip bound c, the modulus m, the largest
 * number of clients n_max whose values are summed, and the scale 2^e.
 *
 * <p><b>Mapping.</b> A client value v is clipped to [-c, c], scaled to x = v * 2^e (exact: the
 * scale is a power of two), stochastically rounded to an integer r with |r| &lt;= B, and sent as r +
 * B, where the offset B = ceil(c * 2^e). Every client value lies in [0, 2B], so the sum of at most
 * n_max of them lies in [0, n_max * 2B]; the configuration guarantees n_max * 2B &lt;= m - 1, so the
 * sum never wraps modulo m. The server decodes a sum S of n clients as (S - n * B) * 2^-e, which
 * is within n * 2^-e of the sum of the clipped inputs (strictly less, before binary64 rounding of
 * the result).
 *
 * <p><b>Why powers of two only.</b> With scale 2^e the product v * 2^e and the decoded sum are
 * exact, so stochastic rounding is exactly unbiased with respect to the clipped input; an
 * arbitrary scale would round v * scale first. Choosing the largest power of two instead of the
 * largest real scale costs less than one bit of resolution.
 *
 * <p><b>Modulus.</b> Any {@link Modulus}: m = 2^b with 1 &lt;= b &lt;= 64, or a general 2 &lt;= m &lt;=
 * 2^62, the same type the protocol's {@code SecAggConfig} takes, so a quantized vector is a
 * protocol input as it is. Quantized values and sums are elements of [0, m) (read as
 * <em>unsigned</em> 64-bit integers, which matters only for m &gt; 2^63).
 *
 * <p><b>Scale.</b> By default (or after {@link Builder#largestSafeScale()}) e is the largest
 * exponent with c * 2^e &lt;= floor((m - 1) / (2 n_max)); {@link Builder#scaleExponent} sets it
 * explicitly, and {@link Builder#build()} rejects an explicit exponent that could wrap.
 */
public final class QuantizerConfig {
  /** The smallest accepted scale exponent (2^-1074 is the smallest positive double). */
  public static final int MIN_SCALE_EXPONENT = -1074;
  /** The largest accepted scale exponent. */
  public static final int MAX_SCALE_EXPONENT = 1023;
  private final double clipBound;
  private final Modulus modulus;
  private final int maxClients;
  private final int scaleExponent;
  private final long offset;

  private QuantizerConfig(
      double clipBound, Modulus modulus, int maxClients, int scaleExponent, long offset) {
    this.clipBound = clipBound;
    this.modulus = modulus;
    this.maxClients = maxClients;
    this.scaleExponent = scaleExponent;
    this.offset = offset;
  }

  /** A new builder with no fields set. */
  public static Builder builder() {
    return new Builder();
  }

  /** The clip bound c &gt; 0: inputs are clipped to [-c, c]. */
  public double clipBound() {
    return clipBound;
  }

  /** The modulus m of the quantized values and of their sums. */
  public Modulus modulus() {
    return modulus;
  }

  /** n_max: the largest number of client values whose sum is guaranteed not to wrap. */
  public int maxClients() {
    return maxClients;
  }

  /** The scale exponent e: values are multiplied by 2^e. */
  public int scaleExponent() {
    return scaleExponent;
  }

  /** The scale 2^e as a double (exact; subnormal when e &lt; -1022). */
  public double scale() {
    return Math.scalb(1.0, scaleExponent);
  }

  /**
   * The offset B = ceil(c * 2^e) added to every rounded value; each quantized value lies in [0,
   * 2B] (unsigned). Always 1 &lt;= B &lt; 2^63.
   */
  public long offset() {
    return offset;
  }

  /**
   * A bound on the decoding error of a sum of {@code clients} values: |decoded - sum of clipped
   * inputs| &lt; clients * 2^-e, before the final binary64 rounding of the decoded value.
   *
   * @throws IllegalArgumentException if {@code clients} is outside 1..n_max
   */
  public double errorBound(int clients) {
    if (clients < 1 || clients > maxClients) {
      throw new IllegalArgumentException("client count " + clients + " is outside 1.." + maxClients);
    }
    return Math.scalb((double) clients, -scaleExponent);
  }

  @Override
  public String toString() {
    return "QuantizerConfig[clip=" + clipBound + ", m=" + modulus + ", maxClients=" + maxClients + ", scale=2^" + scaleExponent + ", offset=" + offset + "]";
  }

  /** Equal iff every parameter is equal. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof QuantizerConfig)) {
      return false;
    }
    QuantizerConfig c = (QuantizerConfig) o;
    return Double.compare(c.clipBound, clipBound) == 0 && c.modulus.equals(modulus)
        && c.maxClients == maxClients && c.scaleExponent == scaleExponent;
  }

  @Override
  public int hashCode() {
    return ((Double.hashCode(clipBound) * 31 + modulus.hashCode()) * 31 + maxClients) * 31
        + scaleExponent;
  }

  /**
   * Builds a {@link QuantizerConfig}. Each setter validates its argument at once; {@link #build()}
   * checks the combination.
   */
  public static final class Builder {
    private double clipBound = Double.NaN;
    private Modulus modulus;
    private int maxClients;
    private boolean scaleSet;
    private int scaleExponent;

    private Builder() {}

    /**
     * The clip bound c: inputs outside [-c, c] are clipped (and counted).
     *
     * @throws IllegalArgumentException unless c is finite and c &gt; 0
     */
    public Builder clipBound(double c) {
      if (!(c > 0.0) || Double.isInfinite(c)) {
        throw new IllegalArgumentException("Invalid clip bound " + c + "; must be finite and > 0");
      }
      this.clipBound = c;
      return this;
    }

    /**
     * The modulus m, for example {@code Modulus.powerOfTwo(32)}: use the modulus of the
     * protocol's {@code SecAggConfig}, so that quantized vectors are its inputs as they are.
     *
     * @throws NullPointerException if {@code m} is null
     */
    public Builder modulus(Modulus m) {
      this.modulus = Objects.requireNonNull(m, "modulus");
      return this;
    }

    /**
     * n_max, the largest number of client values that will be summed.
     *
     * @throws IllegalArgumentException if {@code n} &lt; 1
     */
    public Builder maxClients(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("Invalid maximum client count " + n + "; must be >= 1");
      }
      this.maxClients = n;
      return this;
    }

    /**
     * An explicit scale 2^e. {@link #build()} rejects it if n_max * 2 * ceil(c * 2^e) &gt; m - 1.
     *
     * @throws IllegalArgumentException if {@code e} is outside {@value
     *     QuantizerConfig#MIN_SCALE_EXPONENT}..{@value QuantizerConfig#MAX_SCALE_EXPONENT}
     */
    public Builder scaleExponent(int e) {
      if (e < MIN_SCALE_EXPONENT || e > MAX_SCALE_EXPONENT) {
        throw new IllegalArgumentException(
            "Invalid scale exponent " + e + "; must be " + MIN_SCALE_EXPONENT + ".." + MAX_SCALE_EXPONENT);
      }
      this.scaleSet = true;
      this.scaleExponent = e;
      return this;
    }

    /**
     * Chooses the largest e with c * 2^e &lt;= floor((m - 1) / (2 n_max)) (the default when no
     * explicit exponent is set).
     */
    public Builder largestSafeScale() {
      this.scaleSet = false;
      return this;
    }

    /**
     * Checks the combination and builds the configuration.
     *
     * @throws IllegalStateException if the clip bound, the modulus or n_max was not set
     * @throws IllegalArgumentException if m &lt;= 2 n_max (no scale avoids wrapping), if an explicit
     *     scale could wrap (n_max * 2 * ceil(c * 2^e) &gt; m - 1), or if the largest decodable sum
     *     n_max * B * 2^-e would not be below 2^1023 (binary64 overflow)
     */
    public QuantizerConfig build() {
      if (Double.isNaN(clipBound)) {
        throw new IllegalStateException("clip bound not set");
      }
      if (modulus == null) {
        throw new IllegalStateException("modulus not set");
      }
      if (maxClients == 0) {
        throw new IllegalStateException("maximum client count not set");
      }
      BigInteger mMinus1 = modulus.value().subtract(BigInteger.ONE);
      BigInteger perClientHalf = mMinus1.divide(BigInteger.valueOf(2L * maxClients));
      if (perClientHalf.signum() == 0) {
        throw new IllegalArgumentException(
            "Modulus " + modulus + " is too small for " + maxClients + " clients: every client needs"
                + " a range of at least 2, so m > 2 * n_max is required");
      }
      BigDecimal c = new BigDecimal(clipBound);
      int e = scaleSet ? scaleExponent : largestExponent(c, new BigDecimal(perClientHalf));
      BigInteger b = times2(c, e).setScale(0, RoundingMode.CEILING).toBigIntegerExact();
      BigInteger worst = b.shiftLeft(1).multiply(BigInteger.valueOf(maxClients));
      if (worst.compareTo(mMinus1) > 0) {
        throw new IllegalArgumentException(
            "Scale 2^" + e + " can wrap: " + maxClients + " clients * 2 * ceil(" + clipBound
                + " * 2^" + e + ") = " + worst + " exceeds m - 1 = " + mMinus1
                + "; use a smaller scale or the largest safe scale");
      }
      BigInteger maxDecoded = b.multiply(BigInteger.valueOf(maxClients));
      if (maxDecoded.bitLength() - e > 1023) {
        throw new IllegalArgumentException(
            "Clip bound " + clipBound + " with scale 2^" + e + " and " + maxClients
                + " clients can decode to sums beyond the binary64 range");
      }
      return new QuantizerConfig(clipBound, modulus, maxClients, e, b.longValueExact());
    }

    /** The largest e in range with c * 2^e &lt;= limit (limit &gt;= 1). */
    private static int largestExponent(BigDecimal c, BigDecimal limit) {
      // Start from the binary exponents and correct by at most a few steps.
      int e = limit.toBigInteger().bitLength() - 1 - Math.getExponent(c.doubleValue());
      e = Math.max(MIN_SCALE_EXPONENT, Math.min(MAX_SCALE_EXPONENT, e));
      while (e < MAX_SCALE_EXPONENT && times2(c, e + 1).compareTo(limit) <= 0) {
        e++;
      }
      while (e > MIN_SCALE_EXPONENT && times2(c, e).compareTo(limit) > 0) {
        e--;
      }
      return e;
    }

    private static BigDecimal times2(BigDecimal c, int e) {
      return e >= 0
          ? c.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(e)))
          : c.divide(new BigDecimal(BigInteger.ONE.shiftLeft(-e)));
    }
  }
}
