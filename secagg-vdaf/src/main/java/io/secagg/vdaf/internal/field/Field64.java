package io.secagg.vdaf.internal.field;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;

/**
 * Field64 of the VDAF draft: {@code p = 2^32 * 4294967295 + 1 = 2^64 - 2^32 + 1}, one {@code long}
 * per element (an unsigned value in {@code [0, p)}), generator {@code 7^4294967295} of order
 * {@code 2^32}.
 *
 * <p>Reduction uses the special form: {@code 2^64 = 2^32 - 1 (mod p)} and {@code 2^96 = -1}, so a
 * 128-bit product {@code hi * 2^64 + lo} with {@code hi = hh * 2^32 + hl} reduces to
 * {@code lo - hh + hl * (2^32 - 1)}. Multiplier form is the canonical form.
 */
public final class Field64 extends Field {
  /** The modulus as an unsigned long. */
  public static final long P = 0xFFFFFFFF00000001L;
  /** {@code 2^64 - p = 2^32 - 1}. */
  private static final long EPS = 0xFFFFFFFFL;
  private static final BigInteger MODULUS = new BigInteger("18446744069414584321");
  private static final long GENERATOR = 0x185629dcda58878cL;
  private static final VarHandle LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** The single instance. */
  public static final Field64 INSTANCE = new Field64();

  private Field64() {}

  @Override
  public int words() {
    return 1;
  }

  @Override
  public int encodedSize() {
    return 8;
  }

  @Override
  public BigInteger modulus() {
    return MODULUS;
  }

  @Override
  public int twoAdicity() {
    return 32;
  }

  // ---------------------------------------------------------------------------------------------
  // Branch-free primitives on canonical values.

  /** {@code x mod p} for any 64-bit {@code x}: subtracts p once if {@code x >= p}. */
  static long canonical(long x) {
    long r = x + EPS; // x - p (mod 2^64)
    long c = Words.carry(x, EPS, r); // x + EPS overflows exactly when x >= p
    return x ^ ((x ^ r) & -c);
  }

  /** {@code (a + b) mod p}. */
  public static long add(long a, long b) {
    long s = a + b;
    long c = Words.carry(a, b, s);
    // 2^64 = EPS (mod p); a + b < 2p, so after folding the carry s < 2^64 and one subtraction
    // of p at most remains.
    s += EPS & -c;
    return canonical(s);
  }

  /** {@code (a - b) mod p}. */
  public static long sub(long a, long b) {
    long d = a - b;
    long bo = Words.borrow(a, b, d);
    // On borrow d = a - b + 2^64; subtracting EPS gives a - b + p, in (0, p).
    return d - (EPS & -bo);
  }

  /** {@code (a * b) mod p}. */
  public static long mul(long a, long b) {
    return reduce(a * b, Words.mulHigh(a, b));
  }

  /** Reduces the 128-bit value {@code hi * 2^64 + lo}. */
  static long reduce(long lo, long hi) {
    long hh = hi >>> 32;
    long hl = hi & EPS;
    long t0 = lo - hh;
    long bo = Words.borrow(lo, hh, t0);
    t0 -= EPS & -bo;
    long t1 = (hl << 32) - hl; // hl * EPS < 2^64
    long t2 = t0 + t1;
    long c = Words.carry(t0, t1, t2);
    t2 += EPS & -c;
    return canonical(t2);
  }

  @Override
  public void add(long[] r, int ri, long[] a, int ai, long[] b, int bi) {
    r[ri] = add(a[ai], b[bi]);
  }

  @Override
  public void sub(long[] r, int ri, long[] a, int ai, long[] b, int bi) {
    r[ri] = sub(a[ai], b[bi]);
  }

  @Override
  public void mul(long[] r, int ri, long[] a, int ai, long[] b, int bi) {
    r[ri] = mul(a[ai], b[bi]);
  }

  @Override
  public void mulByMultiplier(long[] r, int ri, long[] a, int ai, long[] m, int mi) {
    r[ri] = mul(a[ai], m[mi]);
  }

  @Override
  public void toMultiplier(long[] r, int ri, long[] a, int ai) {
    r[ri] = a[ai];
  }

  @Override
  public void set(long[] r, int ri, long value) {
    long neg = value >> 63;
    long magnitude = canonical((value ^ neg) - neg);
    long negated = sub(0, magnitude);
    r[ri] = (negated & neg) | (magnitude & ~neg);
  }

  @Override
  public void addInPlace(long[] acc, long[] b) {
    if (acc.length != b.length) {
      throw new IllegalArgumentException("mismatched vector sizes");
    }
    for (int i = 0; i < acc.length; i++) {
      acc[i] = add(acc[i], b[i]);
    }
  }

  @Override
  public void subInPlace(long[] acc, long[] b) {
    if (acc.length != b.length) {
      throw new IllegalArgumentException("mismatched vector sizes");
    }
    for (int i = 0; i < acc.length; i++) {
      acc[i] = sub(acc[i], b[i]);
    }
  }

  @Override
  public void encode(long[] v, int from, int n, byte[] out, int off) {
    for (int i = 0; i < n; i++) {
      LE.set(out, off + 8 * i, v[from + i]);
    }
  }

  @Override
  public boolean isCanonical(long[] v, int i) {
    long x = v[i];
    return Words.carry(x, EPS, x + EPS) == 0;
  }

  @Override
  public boolean allCanonical(long[] v, int n) {
    long bad = 0;
    for (int i = 0; i < n; i++) {
      long x = v[i];
      bad |= Words.carry(x, EPS, x + EPS);
    }
    return bad == 0;
  }

  @Override
  public boolean decode(byte[] in, int off, int n, long[] out, int to) {
    long bad = 0;
    for (int i = 0; i < n; i++) {
      long x = (long) LE.get(in, off + 8 * i);
      // x >= p iff x + EPS overflows.
      bad |= Words.carry(x, EPS, x + EPS);
      out[to + i] = x;
    }
    return bad == 0;
  }

  @Override
  public void rootOfUnity(long[] r, int ri, int logN) {
    if (logN < 0 || logN > 32) {
      throw new IllegalArgumentException("no root of unity of order 2^" + logN);
    }
    long x = GENERATOR;
    for (int i = logN; i < 32; i++) {
      x = mul(x, x);
    }
    r[ri] = x;
  }

  @Override
  public void inverseDif(long[] a, NttTables t) {
    long[] tw = t.inverse;
    int n = t.n;
    for (int h = n >>> 1; h >= 1; h >>>= 1) {
      for (int start = 0; start < n; start += 2 * h) {
        // i = 0: the twiddle is 1, no multiplication.
        long u = a[start];
        long v = a[start + h];
        a[start] = add(u, v);
        a[start + h] = sub(u, v);
        for (int i = 1; i < h; i++) {
          int x = start + i;
          u = a[x];
          v = a[x + h];
          a[x] = add(u, v);
          a[x + h] = mul(sub(u, v), tw[h + i]);
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
        long u = a[start];
        long v = a[start + h];
        a[start] = add(u, v);
        a[start + h] = sub(u, v);
        for (int i = 1; i < h; i++) {
          int x = start + i;
          u = a[x];
          v = mul(a[x + h], tw[h + i]);
          a[x] = add(u, v);
          a[x + h] = sub(u, v);
        }
      }
    }
  }

  @Override
  public void mulByMultipliers(long[] a, long[] m, int n) {
    for (int i = 0; i < n; i++) {
      a[i] = mul(a[i], m[i]);
    }
  }

  @Override
  public void mulAccumulate(long[] acc, long[] a, long[] b, int n) {
    for (int i = 0; i < n; i++) {
      acc[i] = add(acc[i], mul(a[i], b[i]));
    }
  }
}
