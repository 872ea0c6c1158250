package io.secagg.core.shamir;

import io.secagg.core.internal.Gf61;
import java.util.Objects;

/**
 * One Shamir share: the index x and the values y_0, ..., y_4 of the five chunk polynomials at x,
 * each a canonical element of GF(2^61 - 1).
 *
 * <p>Invariants, enforced by every way to obtain a share: 1 &lt;= x &lt;= {@link
 * ShamirScheme#MAX_SHARE_COUNT}, exactly {@link #CHUNK_COUNT} y values, each 0 &lt;= y &lt; {@link
 * #FIELD_MODULUS}. Whether x is at most a particular scheme's n is checked by that scheme.
 *
 * <p>A share is secret (t of them reveal the secret): {@link #toString()} shows only x, {@link
 * #equals} compares the y values in time independent of their content and {@link #hashCode()}
 * depends only on x. Instances are immutable and thread-safe.
 *
 * <p>Wire encoding ({@link #encode()}, {@link #decode}), {@value #ENCODED_LENGTH} bytes: x as a
 * 2-byte big-endian unsigned integer, then y_0, ..., y_4 each as an 8-byte big-endian unsigned
 * integer.
 */
public final class Share {
  /** The number of chunks, hence of y values, in every share. */
  public static final int CHUNK_COUNT = 5;
  /** The field modulus p = 2^61 - 1: every y value is below it. */
  public static final long FIELD_MODULUS = Gf61.P;
  /** The length of {@link #encode()}: 2 + 5 * 8 = 42 bytes. */
  public static final int ENCODED_LENGTH = 2 + 8 * CHUNK_COUNT;

  private final int x;
  private final long[] y;

  private Share(int x, long[] y) {
    this.x = x;
    this.y = y;
  }

  /**
   * A share from its values, e.g. as carried by the caller's own wire format.
   *
   * @param x the index, 1..{@link ShamirScheme#MAX_SHARE_COUNT}
   * @param y exactly {@link #CHUNK_COUNT} values, each in [0, 2^61 - 1); copied
   * @throws NullPointerException if {@code y} is null
   * @throws InvalidShareException with reason {@code INDEX_OUT_OF_RANGE}, {@code
   *     WRONG_CHUNK_COUNT} or {@code VALUE_OUT_OF_RANGE}, checked in that order
   */
  public static Share of(int x, long[] y) throws InvalidShareException {
    Objects.requireNonNull(y, "y");
    checkIndex(x);
    if (y.length != CHUNK_COUNT) {
      throw new InvalidShareException(
          InvalidShareException.Reason.WRONG_CHUNK_COUNT,
          "share x=" + x + " has " + y.length + " y values; exactly " + CHUNK_COUNT + " required");
    }
    long[] copy = y.clone();
    checkValues(x, copy);
    return new Share(x, copy);
  }

  /** For {@link ShamirScheme}: takes ownership of {@code y}, already valid. */
  static Share trusted(int x, long[] y) {
    return new Share(x, y);
  }

  /**
   * Parses the {@value #ENCODED_LENGTH}-byte encoding produced by {@link #encode()}. Strict: every
   * byte string accepted is the encoding of exactly one share and re-encodes to itself.
   *
   * @throws NullPointerException if {@code encoded} is null
   * @throws InvalidShareException with reason {@code MALFORMED_ENCODING} if the length is not
   *     {@value #ENCODED_LENGTH}, then {@code INDEX_OUT_OF_RANGE} if x is 0, then {@code
   *     VALUE_OUT_OF_RANGE} if some y is at least 2^61 - 1 (that includes any y with one of its
   *     top three bits set)
   */
  public static Share decode(byte[] encoded) throws InvalidShareException {
    Objects.requireNonNull(encoded, "encoded");
    if (encoded.length != ENCODED_LENGTH) {
      throw new InvalidShareException(
          InvalidShareException.Reason.MALFORMED_ENCODING,
          "share encoding has " + encoded.length + " bytes; exactly " + ENCODED_LENGTH
              + " required");
    }
    int x = ((encoded[0] & 0xff) << 8) | (encoded[1] & 0xff);
    checkIndex(x);
    long[] y = new long[CHUNK_COUNT];
    for (int k = 0; k < CHUNK_COUNT; k++) {
      y[k] = SecretChunks.readLong(encoded, 2 + 8 * k);
    }
    checkValues(x, y);
    return new Share(x, y);
  }

  private static void checkIndex(int x) throws InvalidShareException {
    if (x < 1 || x > ShamirScheme.MAX_SHARE_COUNT) {
      throw new InvalidShareException(
          InvalidShareException.Reason.INDEX_OUT_OF_RANGE,
          "share index " + x + " is outside 1.." + ShamirScheme.MAX_SHARE_COUNT);
    }
  }

  private static void checkValues(int x, long[] y) throws InvalidShareException {
    for (int k = 0; k < CHUNK_COUNT; k++) {
      if (!Gf61.isCanonical(y[k])) {
        throw new InvalidShareException(
            InvalidShareException.Reason.VALUE_OUT_OF_RANGE,
            "share x=" + x + ": y value of chunk " + k + " is not below 2^61 - 1");
      }
    }
  }

  /** The index x, 1..{@link ShamirScheme#MAX_SHARE_COUNT}. */
  public int x() {
    return x;
  }

  /**
   * The value of chunk polynomial {@code chunk} at x, in [0, 2^61 - 1).
   *
   * @throws IndexOutOfBoundsException unless 0 &lt;= chunk &lt; {@link #CHUNK_COUNT}
   */
  public long y(int chunk) {
    Objects.checkIndex(chunk, CHUNK_COUNT);
    return y[chunk];
  }

  /** A fresh copy of the {@link #CHUNK_COUNT} y values; the caller is responsible for it. */
  public long[] yValues() {
    return y.clone();
  }

  /** Package-private view without a copy, for the reconstruction loops. */
  long[] values() {
    return y;
  }

  /**
   * The {@value #ENCODED_LENGTH}-byte wire encoding (see the class comment); a fresh array the
   * caller is responsible for, since it carries the secret y values.
   */
  public byte[] encode() {
    byte[] out = new byte[ENCODED_LENGTH];
    out[0] = (byte) (x >>> 8);
    out[1] = (byte) x;
    for (int k = 0; k < CHUNK_COUNT; k++) {
      SecretChunks.writeLong(out, 2 + 8 * k, y[k]);
    }
    return out;
  }

  /**
   * True iff {@code o} is a share with the same x and the same y values. The y values are
   * compared in time independent of their content.
   */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Share)) {
      return false;
    }
    Share other = (Share) o;
    long diff = x ^ other.x;
    for (int k = 0; k < CHUNK_COUNT; k++) {
      diff |= y[k] ^ other.y[k];
    }
    return diff == 0;
  }

  /** Depends only on x, so that hashing a share reveals nothing about its values. */
  @Override
  public int hashCode() {
    return x;
  }

  /** Shows x only, never a y value. */
  @Override
  public String toString() {
    return "Share[x=" + x + "]";
  }
}
