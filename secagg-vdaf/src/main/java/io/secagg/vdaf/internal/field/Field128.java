package io.secagg.vdaf.internal.field;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;

/**
 * Field128 of the VDAF draft: {@code p = 2^66 * 4611686018427387897 + 1 = 2^128 - 28 * 2^64 + 1},
 * two {@code long}s per element (low word first), generator {@code 7^4611686018427387897} of
 * order {@code 2^66}.
 *
 * <p>Products use Montgomery multiplication with {@code R = 2^128} on two 64-bit words. The low
 * word of {@code p} is 1, so {@code -p^-1 mod 2^64 = -1} and each reduction step takes
 * {@code m = -t0}. Vectors hold canonical values; constants such as twiddles are kept in
 * Montgomery form ({@code cR mod p}), which is the multiplier form of {@link Field}, so that a
 * canonical value times a constant costs one Montgomery multiplication.
 */
public final class Field128 extends Field {
  static final long P0 = 1L;
  static final long P1 = 0xFFFFFFFFFFFFFFE4L;
  private static final BigInteger MODULUS =
      BigInteger.ONE.shiftLeft(128).subtract(BigInteger.valueOf(28).shiftLeft(64)).add(BigInteger.ONE);
  /** R^2 mod p, for conversion into Montgomery form. */
  private static final long R2_LO;
  private static final long R2_HI;
  private static final long GEN_LO = 0x1f9b2759c5109f06L;
  private static final long GEN_HI = 0x6d278fbf4f60228bL;
  private static final VarHandle LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  static {
    BigInteger r2 = BigInteger.ONE.shiftLeft(256).mod(MODULUS);
    R2_LO = r2.longValue();
    R2_HI = r2.shiftRight(64).longValue();
  }

  /** The single instance. */
  public static final Field128 INSTANCE = new Field128();

  private Field128() {}

  @Override
  public int words() {
    return 2;
  }

  @Override
  public int encodedSize() {
    return 16;
  }

  @Override
  public BigInteger modulus() {
    return MODULUS;
  }

  @Override
  public int twoAdicity() {
    return 66;
  }

  // ---------------------------------------------------------------------------------------------
  // Core arithmetic. Each writes the low word to r[o] and the high word to r[o + 1].

  /** {@code (a + b) mod p}. */
  static void add(long a0, long a1, long b0, long b1, long[] r, int o) {
    long s0 = a0 + b0;
    long c = Words.carry(a0, b0, s0);
    long s1 = a1 + b1;
    long c1 = Words.carry(a1, b1, s1);
    long s1c = s1 + c;
    c1 |= Words.carry(s1, c, s1c);
    // Subtract p; keep the difference unless the 129-bit sum was below p.
    long d0 = s0 - P0;
    long bo = Words.borrow(s0, P0, d0);
    long d1 = s1c - P1;
    long bo1 = Words.borrow(s1c, P1, d1);
    long d1b = d1 - bo;
    bo1 |= Words.borrow(d1, bo, d1b);
    long keepDiff = -(c1 | (bo1 ^ 1));
    r[o] = s0 ^ ((s0 ^ d0) & keepDiff);
    r[o + 1] = s1c ^ ((s1c ^ d1b) & keepDiff);
  }

  /** {@code (a - b) mod p}. */
  static void sub(long a0, long a1, long b0, long b1, long[] r, int o) {
    long d0 = a0 - b0;
    long bo = Words.borrow(a0, b0, d0);
    long d1 = a1 - b1;
    long bo1 = Words.borrow(a1, b1, d1);
    long d1b = d1 - bo;
    bo1 |= Words.borrow(d1, bo, d1b);
    // On borrow add p back (mod 2^128).
    long mask = -bo1;
    long q0 = P0 & mask;
    long q1 = P1 & mask;
    long e0 = d0 + q0;
    long c = Words.carry(d0, q0, e0);
    r[o] = e0;
    r[o + 1] = d1b + q1 + c;
  }

  /**
   * Montgomery product {@code a * b * 2^-128 mod p} for {@code a, b < p} (one operand may be any
   * value below {@code 2^128} as long as the other is below {@code p}).
   */
  static void montMul(long a0, long a1, long b0, long b1, long[] r, int o) {
    // t = a * b0 (three words).
    long t0 = a0 * b0;
    long h00 = Words.mulHigh(a0, b0);
    long l10 = a1 * b0;
    long h10 = Words.mulHigh(a1, b0);
    long t1 = h00 + l10;
    long c = Words.carry(h00, l10, t1);
    long t2 = h10 + c;
    // First reduction: m = -t0 makes the low word vanish; (t + m p) / 2^64.
    long m = -t0;
    long cz = (t0 | m) >>> 63;
    long ml = m * P1;
    long mh = Words.mulHigh(m, P1);
    long u0 = t1 + ml;
    c = Words.carry(t1, ml, u0);
    long u0c = u0 + cz;
    c += Words.carry(u0, cz, u0c);
    long u1 = t2 + mh;
    long c2 = Words.carry(t2, mh, u1);
    long u1c = u1 + c;
    c2 += Words.carry(u1, c, u1c);
    // Add a * b1: value below 2^192, so three words suffice.
    long l01 = a0 * b1;
    long h01 = Words.mulHigh(a0, b1);
    long l11 = a1 * b1;
    long h11 = Words.mulHigh(a1, b1);
    long v0 = u0c + l01;
    c = Words.carry(u0c, l01, v0);
    long v1 = u1c + h01;
    long c3 = Words.carry(u1c, h01, v1);
    long v1b = v1 + l11;
    c3 += Words.carry(v1, l11, v1b);
    long v1c = v1b + c;
    c3 += Words.carry(v1b, c, v1c);
    long v2 = c2 + h11 + c3;
    // Second reduction.
    m = -v0;
    cz = (v0 | m) >>> 63;
    ml = m * P1;
    mh = Words.mulHigh(m, P1);
    long w0 = v1c + ml;
    c = Words.carry(v1c, ml, w0);
    long w0c = w0 + cz;
    c += Words.carry(w0, cz, w0c);
    long w1 = v2 + mh;
    long top = Words.carry(v2, mh, w1);
    long w1c = w1 + c;
    top += Words.carry(w1, c, w1c);
    // Result < 2p: subtract p once unless it is already below p.
    long d0 = w0c - P0;
    long bo = Words.borrow(w0c, P0, d0);
    long d1 = w1c - P1;
    long bo1 = Words.borrow(w1c, P1, d1);
    long d1b = d1 - bo;
    bo1 |= Words.borrow(d1, bo, d1b);
    long keepDiff = -(top | (bo1 ^ 1));
    r[o] = w0c ^ ((w0c ^ d0) & keepDiff);
    r[o + 1] = w1c ^ ((w1c ^ d1b) & keepDiff);
  }

  @Override
  public void add(long[] r, int ri, long[] a, int ai, long[] b, int bi) {
    add(a[2 * ai], a[2 * ai + 1], b[2 * bi], b[2 * bi + 1], r, 2 * ri);
  }

  @Override
  public void sub(long[] r, int ri, long[] a, int ai, long[] b, int bi) {
    sub(a[2 * ai], a[2 * ai + 1], b[2 * bi], b[2 * bi + 1], r, 2 * ri);
  }

  @Override
  public void mul(long[] r, int ri, long[] a, int ai, long[] b, int bi) {
    // (a b R^-1) R^2 R^-1 = a b.
    montMul(a[2 * ai], a[2 * ai + 1], b[2 * bi], b[2 * bi + 1], r, 2 * ri);
    montMul(r[2 * ri], r[2 * ri + 1], R2_LO, R2_HI, r, 2 * ri);
  }

  @Override
  public void mulByMultiplier(long[] r, int ri, long[] a, int ai, long[] m, int mi) {
    montMul(a[2 * ai], a[2 * ai + 1], m[2 * mi], m[2 * mi + 1], r, 2 * ri);
  }

  @Override
  public void toMultiplier(long[] r, int ri, long[] a, int ai) {
    montMul(a[2 * ai], a[2 * ai + 1], R2_LO, R2_HI, r, 2 * ri);
  }

  @Override
  public void set(long[] r, int ri, long value) {
    // A non-negative long is below p; a negative one is p - |value| = 0 - |value| (mod p).
    long neg = value >> 63;
    long magnitude = (value ^ neg) - neg;
    sub(0, 0, magnitude, 0, r, 2 * ri);
    r[2 * ri] = (r[2 * ri] & neg) | (magnitude & ~neg);
    r[2 * ri + 1] &= neg;
  }

  @Override
  public void addInPlace(long[] acc, long[] b) {
    if (acc.length != b.length) {
      throw new IllegalArgumentException("mismatched vector sizes");
    }
    for (int i = 0; i < acc.length; i += 2) {
      add(acc[i], acc[i + 1], b[i], b[i + 1], acc, i);
    }
  }

  @Override
  public void subInPlace(long[] acc, long[] b) {
    if (acc.length != b.length) {
      throw new IllegalArgumentException("mismatched vector sizes");
    }
    for (int i = 0; i < acc.length; i += 2) {
      sub(acc[i], acc[i + 1], b[i], b[i + 1], acc, i);
    }
  }

  @Override
  public void encode(long[] v, int from, int n, byte[] out, int off) {
    for (int i = 0; i < 2 * n; i++) {
      LE.set(out, off + 8 * i, v[2 * from + i]);
    }
  }

  @Override
  public boolean isCanonical(long[] v, int i) {
    return notBelowP(v[2 * i], v[2 * i + 1]) == 0;
  }

  @Override
  public boolean allCanonical(long[] v, int n) {
    long bad = 0;
    for (int i = 0; i < n; i++) {
      bad |= notBelowP(v[2 * i], v[2 * i + 1]);
    }
    return bad == 0;
  }

  @Override
  public boolean decode(byte[] in, int off, int n, long[] out, int to) {
    long bad = 0;
    for (int i = 0; i < n; i++) {
      long lo = (long) LE.get(in, off + 16 * i);
      long hi = (long) LE.get(in, off + 16 * i + 8);
      bad |= notBelowP(lo, hi);
      out[2 * (to + i)] = lo;
      out[2 * (to + i) + 1] = hi;
    }
    return bad == 0;
  }

  /** 1 if {@code hi * 2^64 + lo >= p}, else 0, without branches. */
  static long notBelowP(long lo, long hi) {
    long d0 = lo - P0;
    long bo = Words.borrow(lo, P0, d0);
    long d1 = hi - P1;
    long bo1 = Words.borrow(hi, P1, d1);
    bo1 |= Words.borrow(d1, bo, d1 - bo);
    return bo1 ^ 1;
  }

  @Override
  public void rootOfUnity(long[] r, int ri, int logN) {
    if (logN < 0 || logN > 66) {
      throw new IllegalArgumentException("no root of unity of order 2^" + logN);
    }
    long[] x = {GEN_LO, GEN_HI};
    for (int i = logN; i < 66; i++) {
      mul(x, 0, x, 0, x, 0);
    }
    r[2 * ri] = x[0];
    r[2 * ri + 1] = x[1];
  }

  @Override
  public void inverseDif(long[] a, NttTables t) {
    long[] tw = t.inverse;
    int n = t.n;
    for (int h = n >>> 1; h >= 1; h >>>= 1) {
      for (int start = 0; start < n; start += 2 * h) {
        // i = 0: the twiddle is 1, no multiplication (about a fifth of all butterflies).
        int x0 = 2 * start;
        int y0 = x0 + 2 * h;
        long s0 = a[x0];
        long s1 = a[x0 + 1];
        add(s0, s1, a[y0], a[y0 + 1], a, x0);
        sub(s0, s1, a[y0], a[y0 + 1], a, y0);
        for (int i = 1; i < h; i++) {
          int x = 2 * (start + i);
          int y = x + 2 * h;
          long u0 = a[x];
          long u1 = a[x + 1];
          long v0 = a[y];
          long v1 = a[y + 1];
          add(u0, u1, v0, v1, a, x);
          sub(u0, u1, v0, v1, a, y);
          montMul(a[y], a[y + 1], tw[2 * (h + i)], tw[2 * (h + i) + 1], a, y);
        }
      }
    }
  }

  @Override
  public void forwardDit(long[] a, NttTables t) {
    long[] tw = t.forward;
    int n = t.n;
    for (int h = 1; h < n; h <<= 1) {
      for (int start = 0; start < n; start += 2 * h) {
        int x0 = 2 * start;
        int y0 = x0 + 2 * h;
        long s0 = a[x0];
        long s1 = a[x0 + 1];
        add(s0, s1, a[y0], a[y0 + 1], a, x0);
        sub(s0, s1, a[y0], a[y0 + 1], a, y0);
        for (int i = 1; i < h; i++) {
          int x = 2 * (start + i);
          int y = x + 2 * h;
          montMul(a[y], a[y + 1], tw[2 * (h + i)], tw[2 * (h + i) + 1], a, y);
          long u0 = a[x];
          long u1 = a[x + 1];
          long v0 = a[y];
          long v1 = a[y + 1];
          add(u0, u1, v0, v1, a, x);
          sub(u0, u1, v0, v1, a, y);
        }
      }
    }
  }

  @Override
  public void mulByMultipliers(long[] a, long[] m, int n) {
    for (int i = 0; i < 2 * n; i += 2) {
      montMul(a[i], a[i + 1], m[i], m[i + 1], a, i);
    }
  }

  @Override
  public void mulAccumulate(long[] acc, long[] a, long[] b, int n) {
    long[] tmp = new long[2];
    for (int i = 0; i < 2 * n; i += 2) {
      montMul(a[i], a[i + 1], b[i], b[i + 1], tmp, 0);
      add(acc[i], acc[i + 1], tmp[0], tmp[1], acc, i);
    }
  }
}
