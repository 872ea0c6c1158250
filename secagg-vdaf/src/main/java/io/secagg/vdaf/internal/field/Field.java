package io.secagg.vdaf.internal.field;

import java.math.BigInteger;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An NTT-friendly prime field of the VDAF draft ("Finite Fields"), operating on elements stored
 * in {@code long[]} arrays: {@link #words()} longs per element, little-endian words, always in
 * canonical form {@code [0, p)}.
 *
 * <p>Methods address elements by element index (not word index). Every arithmetic operation is
 * free of secret-dependent branches and memory accesses: carries, borrows and the final
 * conditional subtraction are computed with masks. Exponents (inversion, powers) are public.
 *
 * <p><b>Multiplier form.</b> {@link #toMultiplier} prepares a constant so that
 * {@link #mulByMultiplier} multiplies by it in one reduction: for {@link Field128} this is the
 * Montgomery form {@code cR}, for {@link Field64} the identity. The product of a value in
 * multiplier form with another value in multiplier form stays in multiplier form; the product
 * of a canonical value with a value in multiplier form is canonical. Linear maps (sums, NTTs with
 * multiplier-form twiddles) preserve either form.
 *
 * <p>Instances are immutable and thread-safe.
 */
public abstract class Field {
  private final ConcurrentHashMap<Integer, NttTables> tables = new ConcurrentHashMap<>();

  Field() {}

  /** Number of {@code long}s per element (1 or 2). */
  public abstract int words();

  /** Bytes of one encoded element (8 or 16). */
  public abstract int encodedSize();

  /** The prime modulus. */
  public abstract BigInteger modulus();

  /** {@code log2(GEN_ORDER)}: the field has a multiplicative subgroup of order {@code 2^k}. */
  public abstract int twoAdicity();

  /** A new zero vector of {@code n} elements. */
  public final long[] newVector(int n) {
    return new long[Math.multiplyExact(n, words())];
  }

  /** Number of elements stored in {@code v}. */
  public final int length(long[] v) {
    return v.length / words();
  }

  // ---------------------------------------------------------------------------------------------
  // Scalar operations: r[ri] = f(a[ai], b[bi]). Aliasing of r with an operand is allowed.

  /** {@code r[ri] = a[ai] + b[bi]}. */
  public abstract void add(long[] r, int ri, long[] a, int ai, long[] b, int bi);

  /** {@code r[ri] = a[ai] - b[bi]}. */
  public abstract void sub(long[] r, int ri, long[] a, int ai, long[] b, int bi);

  /** {@code r[ri] = a[ai] * b[bi]} for canonical operands. */
  public abstract void mul(long[] r, int ri, long[] a, int ai, long[] b, int bi);

  /** {@code r[ri] = a[ai] * m[mi] * R^-1}: multiplies by a multiplier-form value. */
  public abstract void mulByMultiplier(long[] r, int ri, long[] a, int ai, long[] m, int mi);

  /** {@code r[ri] = } the multiplier form of canonical {@code a[ai]}. */
  public abstract void toMultiplier(long[] r, int ri, long[] a, int ai);

  /** {@code r[ri] = value mod p}; negative values are negations. */
  public abstract void set(long[] r, int ri, long value);

  /** {@code r[ri] = value}, which must be in {@code [0, p)}. */
  public final void set(long[] r, int ri, BigInteger value) {
    if (value.signum() < 0 || value.compareTo(modulus()) >= 0) {
      throw new IllegalArgumentException("value not in [0, p)");
    }
    int w = words();
    for (int i = 0; i < w; i++) {
      r[ri * w + i] = value.shiftRight(64 * i).longValue();
    }
  }

  /** The element {@code a[ai]} as a non-negative integer. */
  public final BigInteger toBigInteger(long[] a, int ai) {
    int w = words();
    BigInteger x = BigInteger.ZERO;
    for (int i = w - 1; i >= 0; i--) {
      x = x.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(a[ai * w + i])));
    }
    return x;
  }

  /** True iff {@code a[ai] == b[bi]}; reads every word (no early exit). */
  public final boolean equal(long[] a, int ai, long[] b, int bi) {
    int w = words();
    long diff = 0;
    for (int i = 0; i < w; i++) {
      diff |= a[ai * w + i] ^ b[bi * w + i];
    }
    return diff == 0;
  }

  /** True iff {@code a[ai] == 0}. */
  public final boolean isZero(long[] a, int ai) {
    int w = words();
    long bits = 0;
    for (int i = 0; i < w; i++) {
      bits |= a[ai * w + i];
    }
    return bits == 0;
  }

  /** Copies element {@code a[ai]} to {@code r[ri]}. */
  public final void copy(long[] r, int ri, long[] a, int ai) {
    int w = words();
    System.arraycopy(a, ai * w, r, ri * w, w);
  }

  /** {@code r[ri] = a[ai]^e} for a public exponent {@code e >= 0}. */
  public final void pow(long[] r, int ri, long[] a, int ai, BigInteger e) {
    long[] base = newVector(1);
    toMultiplier(base, 0, a, ai);
    long[] acc = newVector(1);
    set(acc, 0, 1);
    toMultiplier(acc, 0, acc, 0);
    for (int i = e.bitLength() - 1; i >= 0; i--) {
      mulByMultiplier(acc, 0, acc, 0, acc, 0);
      if (e.testBit(i)) {
        mulByMultiplier(acc, 0, acc, 0, base, 0);
      }
    }
    long[] one = newVector(1);
    set(one, 0, 1);
    // acc is in multiplier form; multiplying the canonical 1 by it yields the canonical value.
    mulByMultiplier(r, ri, one, 0, acc, 0);
  }

  /** {@code r[ri] = a[ai]^-1} (Fermat); {@code 0^-1} yields 0. */
  public final void inv(long[] r, int ri, long[] a, int ai) {
    pow(r, ri, a, ai, modulus().subtract(BigInteger.TWO));
  }

  // ---------------------------------------------------------------------------------------------
  // Vector operations on whole arrays of equal length.

  /** {@code acc[i] += b[i]} for every element. */
  public void addInPlace(long[] acc, long[] b) {
    requireSameLength(acc, b);
    int n = length(acc);
    for (int i = 0; i < n; i++) {
      add(acc, i, acc, i, b, i);
    }
  }

  /** {@code acc[i] -= b[i]} for every element. */
  public void subInPlace(long[] acc, long[] b) {
    requireSameLength(acc, b);
    int n = length(acc);
    for (int i = 0; i < n; i++) {
      sub(acc, i, acc, i, b, i);
    }
  }

  private static void requireSameLength(long[] a, long[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("mismatched vector sizes");
    }
  }

  /**
   * Writes elements {@code [from, from + n)} of {@code v} as {@code encodedSize()}-byte
   * little-endian integers into {@code out} at {@code off}.
   */
  public abstract void encode(long[] v, int from, int n, byte[] out, int off);

  /** The encoding of the whole vector {@code v}. */
  public final byte[] encode(long[] v) {
    int n = length(v);
    byte[] out = new byte[Math.multiplyExact(n, encodedSize())];
    encode(v, 0, n, out, 0);
    return out;
  }

  /** True iff element {@code i} of {@code v} (any words) is below p. */
  public abstract boolean isCanonical(long[] v, int i);

  /**
   * True iff the first {@code n} elements of {@code v} are below p; reads every element (no early
   * exit).
   */
  public abstract boolean allCanonical(long[] v, int n);

  /**
   * Decodes {@code n} elements from {@code in} at {@code off} into {@code out} starting at element
   * {@code to}. Every element is read, canonical or not (no early exit, so the time does not
   * depend on which element is out of range).
   *
   * @return true iff every element was canonical ({@code < p}); if false the output must be
   *     discarded
   */
  public abstract boolean decode(byte[] in, int off, int n, long[] out, int to);

  // ---------------------------------------------------------------------------------------------
  // Roots of unity and NTT.

  /** {@code r[ri] = } the principal {@code 2^logN}-th root of unity, {@code gen^(GEN_ORDER/2^logN)}. */
  public abstract void rootOfUnity(long[] r, int ri, int logN);

  /** The precomputed tables for transforms of size {@code n} (a power of two). */
  public final NttTables tables(int n) {
    if (n < 1 || Integer.bitCount(n) != 1) {
      throw new IllegalArgumentException("NTT size must be a power of two: " + n);
    }
    if (Integer.numberOfTrailingZeros(n) > twoAdicity()) {
      throw new IllegalArgumentException("NTT size exceeds the field's 2-adic subgroup: " + n);
    }
    return tables.computeIfAbsent(n, size -> new NttTables(this, size));
  }

  /**
   * In-place decimation-in-frequency butterflies with the table's <em>inverse</em> roots:
   * natural-order values in, bit-reversed coefficients times {@code n} out.
   */
  public abstract void inverseDif(long[] a, NttTables t);

  /**
   * In-place decimation-in-time butterflies: bit-reversed coefficients in, natural-order values
   * {@code p(w^i)} out.
   */
  public abstract void forwardDit(long[] a, NttTables t);

  /** {@code a[i] = a[i] * m[i] * R^-1} for the first {@code n} elements. */
  public abstract void mulByMultipliers(long[] a, long[] m, int n);

  /** {@code acc[i] += a[i] * b[i] * R^-1} for the first {@code n} elements. */
  public abstract void mulAccumulate(long[] acc, long[] a, long[] b, int n);
}
