package io.secagg.dp.internal;

import io.secagg.dp.sampling.BitSource;
import java.math.BigInteger;

/**
 * Fast exact Bernoulli(e^(-x)) trials: a rigorous fixed-point enclosure of {@code e^(-x)} decides
 * the comparison {@code U < e^(-x)} from the first 64-bit word of {@code U} in all but about
 * 2^-23 of the cases; the rest go to {@link LazyUniform}, which reads the same words and decides
 * exactly.
 *
 * <p>Tables (built once with {@link ExactExp}, so every entry is a proven bound): for
 * {@code G = x * 2^24} split as {@code i.j.k.l} (integer part {@code i < 64} and three bytes of
 * fraction), {@code e^(-x) = e^(-i) e^(-j/2^8) e^(-k/2^16) e^(-l/2^24)}. Each factor is stored as a
 * lower and an upper bound at scale 2^63 and multiplied with floor (lower) or ceiling (upper).
 */
public final class ExpTables {
  /** Fixed-point scale of the tables: 1.0 is 2^63 (the unsigned value of Long.MIN_VALUE). */
  static final int SCALE = 63;
  /** The argument {@code x * 2^24} at and above which the lower bound is taken as 0. */
  public static final long G_CAP = 63L << 24;

  private static final long[] I_LO = new long[64];
  private static final long[] I_HI = new long[64];
  private static final long[] J_LO = new long[256];
  private static final long[] J_HI = new long[256];
  private static final long[] K_LO = new long[256];
  private static final long[] K_HI = new long[256];
  private static final long[] L_LO = new long[256];
  private static final long[] L_HI = new long[256];
  /** {@code floor(e^(-k) * 2^64)} for k = 0..63 (entry 0 unused). */
  private static final long[] NEG_INT_64 = new long[64];

  static {
    fill(I_LO, I_HI, 1);
    fill(J_LO, J_HI, 256);
    fill(K_LO, K_HI, 65536);
    fill(L_LO, L_HI, 1 << 24);
    java.util.List<BigInteger> f = ExactExp.floorsOfPowers(1, 1, 64, 64, false);
    for (int k = 1; k < 64; k++) {
      NEG_INT_64[k] = f.get(k).longValue();
    }
  }

  private ExpTables() {}

  private static void fill(long[] lo, long[] hi, long denominator) {
    java.util.List<BigInteger> f = ExactExp.floorsOfPowers(1, denominator, SCALE, lo.length, false);
    for (int i = 0; i < lo.length; i++) {
      lo[i] = f.get(i).longValue();
      // e^(-x) is irrational for x > 0, so floor + 1 is an upper bound; x = 0 is exactly 1.
      hi[i] = i == 0 ? lo[i] : lo[i] + 1;
    }
  }

  /** {@code floor(a * b / 2^63)} for unsigned a, b <= 2^63. */
  private static long mulFloor(long a, long b) {
    long hi = Words.unsignedMultiplyHigh(a, b);
    long lo = a * b;
    return (hi << 1) | (lo >>> 63);
  }

  /** {@code ceil(a * b / 2^63)} for unsigned a, b <= 2^63. */
  private static long mulCeil(long a, long b) {
    long hi = Words.unsignedMultiplyHigh(a, b);
    long lo = a * b;
    long f = (hi << 1) | (lo >>> 63);
    return (lo & Long.MAX_VALUE) != 0 ? f + 1 : f;
  }

  /**
   * A lower bound of {@code e^(-G / 2^24) * 2^63} for {@code G >= 0}; 0 when {@code G >=} {@link
   * #G_CAP}.
   */
  static long lower(long g) {
    if (g >= G_CAP) {
      return 0;
    }
    int i = (int) (g >>> 24);
    int j = (int) (g >>> 16) & 255;
    int k = (int) (g >>> 8) & 255;
    int l = (int) g & 255;
    return mulFloor(mulFloor(mulFloor(I_LO[i], J_LO[j]), K_LO[k]), L_LO[l]);
  }

  /** An upper bound of {@code e^(-G / 2^24) * 2^63} for {@code G >= 0} (G is clamped to the cap). */
  static long upper(long g) {
    if (g >= G_CAP) {
      g = G_CAP - 1;
    }
    int i = (int) (g >>> 24);
    int j = (int) (g >>> 16) & 255;
    int k = (int) (g >>> 8) & 255;
    int l = (int) g & 255;
    return mulCeil(mulCeil(mulCeil(I_HI[i], J_HI[j]), K_HI[k]), L_HI[l]);
  }

  /** {@link #decide} result: the word alone does not decide; use {@link LazyUniform}. */
  public static final int UNDECIDED = -1;

  /**
   * Decides {@code U < e^(-x)} from {@code U}'s first word {@code w}, for an {@code x > 0} known
   * to lie in {@code [gLo, gHi] / 2^24}.
   *
   * @param w the first word of {@code U}
   * @param gLo a lower bound of {@code x * 2^24}, {@code >= 0}
   * @param gHi an upper bound of {@code x * 2^24}, {@code >= max(gLo, 1)}
   * @return 1 if {@code U < e^(-x)}, 0 if {@code U > e^(-x)}, {@link #UNDECIDED} otherwise (then
   *     {@code w} may equal {@code floor(e^(-x) 2^64)} and more words may be needed)
   */
  public static int decide(long w, long gLo, long gHi) {
    // Coarse pass at resolution 2^-8 (two table entries, one product per bound) decides all but
    // about 0.5% of the calls; the fine pass at 2^-24 decides all but about 2^-16 of the rest.
    long aHi = (gHi + 0xFFFF) >>> 16;
    long lo = aHi >= (63L << 8) ? 0 : mulFloor(I_LO[(int) (aHi >>> 8)], J_LO[(int) aHi & 255]);
    if (Long.compareUnsigned(w, lo << 1) < 0) {
      return 1;
    }
    long aLo = Math.min(gLo >>> 16, (63L << 8) - 1);
    long hi = mulCeil(I_HI[(int) (aLo >>> 8)], J_HI[(int) aLo & 255]);
    if (hi != Long.MIN_VALUE && Long.compareUnsigned(w, hi << 1) >= 0) {
      return 0;
    }
    lo = lower(gHi);
    // w < 2 lo <= floor(e^(-x) 2^64): accept without reading further.
    if (Long.compareUnsigned(w, lo << 1) < 0) {
      return 1;
    }
    hi = upper(gLo);
    // w >= 2 hi >= e^(-x) 2^64 > floor(...): reject. hi = 2^63 (x within 2^-24 of 0) never rejects.
    if (hi != Long.MIN_VALUE && Long.compareUnsigned(w, hi << 1) >= 0) {
      return 0;
    }
    return UNDECIDED;
  }

  /** Largest Laplace scale {@code t} sampled by the table inversion {@link #geometricByTable}. */
  public static final long SMALL_T = 64;

  /**
   * {@code floor(e^(-k/t) 2^64)} for {@code k = 0, 1, ...} up to and including the first zero
   * (entry 0 is unused), followed by 8 more zeros, for {@code 1 <= t <=} {@link #SMALL_T}.
   */
  public static long[] inversionTable(long t) {
    java.util.List<BigInteger> f = ExactExp.floorsOfPowers(1, t, 64, Integer.MAX_VALUE, true);
    long[] out = new long[f.size() + 8];
    for (int i = 1; i < f.size(); i++) {
      out[i] = f.get(i).longValue();
    }
    return out;
  }

  /**
   * A geometric count {@code X = #{k >= 1 : U < e^(-k/t)}} for one lazily read uniform {@code U},
   * so {@code P(X >= k) = e^(-k/t)}, using {@code table = inversionTable(t)}: one word and about
   * {@code t} comparisons.
   */
  public static long geometricByTable(BitSource bits, long[] table, long t) {
    long w = bits.nextLong();
    int k = 1;
    // The table decreases and ends with zeros, and no unsigned word is below 0: skip eight entries
    // at a time while U is surely below the eighth, then step.
    while (Long.compareUnsigned(w, table[k + 7]) < 0) {
      k += 8;
    }
    while (Long.compareUnsigned(w, table[k]) < 0) {
      k++;
    }
    if (w != table[k]) {
      return k - 1;
    }
    LazyUniform u = new LazyUniform(w, bits);
    long j = k;
    while (u.lessThanExpNeg(BigInteger.valueOf(j), BigInteger.valueOf(t))) {
      j++;
    }
    return j - 1;
  }

  /**
   * A geometric count {@code V = #{k >= 1 : U < e^(-k)}} for one lazily read uniform {@code U}, so
   * that {@code P(V >= k) = e^(-k)}: the number of heads before the first tail of Bernoulli(1/e)
   * trials, from a single word in all but 2^-58 of the cases.
   */
  public static long geometricExpMinusOne(BitSource bits) {
    long w = bits.nextLong();
    int k = 1;
    // NEG_INT_64 is decreasing and 0 from k = 45 on, so the loop stops by k = 45.
    while (Long.compareUnsigned(w, NEG_INT_64[k]) < 0) {
      k++;
    }
    if (w != NEG_INT_64[k]) {
      return k - 1;
    }
    LazyUniform u = new LazyUniform(w, bits);
    while (u.lessThanExpNeg(BigInteger.valueOf(k), BigInteger.ONE)) {
      k++;
    }
    return k - 1;
  }
}
