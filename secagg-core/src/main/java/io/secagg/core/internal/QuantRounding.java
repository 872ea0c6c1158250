package io.secagg.core.internal;

import io.secagg.core.crypto.Keystream;

/**
 * The quantization hot loop: clip, scale by 2^e exactly, stochastically round with an exact
 * Bernoulli draw, shift by the offset. Specified in {@code spec/secagg.md, section 4}.
 *
 * <p>Scaling by a power of two is done on the binary64 encoding (integer mantissa and exponent),
 * so x = v * 2^e is never rounded, even when it would be subnormal. The fraction f of |x| is a
 * finite binary fraction; rounding up when a uniform U in [0, 1) is below f is decided by
 * comparing the 64-bit words of U (the random words) with the 64-bit words of f, stopping at the
 * first difference. This has probability exactly f. The first word of every coordinate is drawn
 * up front; the rare coordinates whose first word equals f's first word while f has further bits
 * (probability at most 2^-64 each) draw their extension words afterwards, in coordinate order.
 */
public final class QuantRounding {
  private static final int BLOCK = 512;
  private static final long MANTISSA_MASK = (1L << 52) - 1;

  private QuantRounding() {}

  /**
   * The outcome of {@link #quantize}.
   *
   * @param clipped how many coordinates were outside [-clip, clip] and were clipped
   * @param extensionWords how many words were drawn after the one-per-coordinate primary words
   */
  public record Outcome(int clipped, int extensionWords) {}

  /**
   * Quantizes {@code in} into {@code out}: out[i] = offset + SR(clip(in[i]) * 2^e), where SR is
   * unbiased stochastic rounding. The caller has checked that every input is finite, that {@code
   * out} has the input's length and that {@code clip * 2^e <= offset < 2^63}.
   */
  public static Outcome quantize(
      double[] in, double clip, int e, long offset, Keystream words, long[] out) {
    int n = in.length;
    long[] primary = new long[Math.min(BLOCK, Math.max(n, 1))];
    int clipped = 0;
    int[] pending = new int[4];
    int pendingCount = 0;
    for (int start = 0; start < n; start += BLOCK) {
      int len = Math.min(BLOCK, n - start);
      words.nextLongs(primary, 0, len);
      for (int i = 0; i < len; i++) {
        int idx = start + i;
        // Branch-free clipping and counting: outliers arrive at random positions, and a
        // mispredicted branch per outlier costs more than the min/max.
        double raw = in[idx];
        double v = Math.max(-clip, Math.min(clip, raw));
        clipped += v != raw ? 1 : 0;
        // One decomposition per coordinate: |v| * 2^e = mantissa * 2^sh exactly.
        long bits = Double.doubleToRawLongBits(v);
        int field = (int) (bits >>> 52) & 0x7ff;
        long mantissa = field == 0 ? bits & MANTISSA_MASK : (bits & MANTISSA_MASK) | (1L << 52);
        int sh = Math.max(field, 1) - 1075 + e;
        long magnitude;
        if (sh >= 0) {
          magnitude = mantissa << sh; // an integer: never rounds
        } else {
          int fractionLength = -sh;
          long firstWord; // the fraction's bits 1..64 after the binary point
          long rest; // its bits after the 64th, as an integer; non-zero iff there are any
          if (fractionLength < 64) {
            magnitude = mantissa >>> fractionLength;
            firstWord = (mantissa & ((1L << fractionLength) - 1)) << (64 - fractionLength);
            rest = 0;
          } else {
            magnitude = 0;
            int below = fractionLength - 64;
            firstWord = below >= 64 ? 0 : mantissa >>> below;
            rest = below >= 64 ? mantissa : mantissa & ((1L << below) - 1);
          }
          long r = primary[i];
          // Round up iff r < firstWord (unsigned): the borrow out of r - firstWord. Computed
          // without a branch because the outcome is a coin flip by design.
          magnitude += ((~r & firstWord) | (~(r ^ firstWord) & (r - firstWord))) >>> 63;
          if (r == firstWord && rest != 0) {
            if (pendingCount == pending.length) {
              pending = java.util.Arrays.copyOf(pending, pendingCount * 2);
            }
            pending[pendingCount++] = idx;
          }
        }
        out[idx] = offset + (bits < 0 ? -magnitude : magnitude);
      }
    }
    int extension = 0;
    for (int p = 0; p < pendingCount; p++) {
      int idx = pending[p];
      double v = Math.max(-clip, Math.min(clip, in[idx]));
      long bits = Double.doubleToRawLongBits(v);
      long fracBits = fractionBits(bits, e);
      int s = fractionLength(bits, e);
      boolean up = false;
      for (int j = 1; ; j++) {
        long r = words.nextLong();
        extension++;
        long w = fractionWord(fracBits, s, j);
        if (r != w) {
          up = Long.compareUnsigned(r, w) < 0;
          break;
        }
        if (remainingBelow(fracBits, s, j) == 0) {
          break;
        }
      }
      if (up) {
        out[idx] += bits < 0 ? -1 : 1;
      }
    }
    return new Outcome(clipped, extension);
  }

  /** Marker returned by {@link #firstWordDecision} when further words are needed. */
  public static final int TIE = 2;

  /**
   * Compares the primary random word with the first 64-bit word of the fraction of |v| * 2^e:
   * 1 to round up, 0 to round down, {@link #TIE} when later words decide.
   */
  public static int firstWordDecision(long bits, int e, long word) {
    long fracBits = fractionBits(bits, e);
    if (fracBits == 0) {
      return 0;
    }
    int s = fractionLength(bits, e);
    long w = fractionWord(fracBits, s, 0);
    int cmp = Long.compareUnsigned(word, w);
    if (cmp != 0) {
      return cmp < 0 ? 1 : 0;
    }
    return remainingBelow(fracBits, s, 0) == 0 ? 0 : TIE;
  }

  /** The integer mantissa of |v| (53 bits for normal numbers). */
  private static long mantissa(long bits) {
    int field = (int) ((bits >>> 52) & 0x7ff);
    long m = bits & MANTISSA_MASK;
    return field == 0 ? m : m | (1L << 52);
  }

  /** sh such that |v| * 2^e = mantissa * 2^sh. */
  private static int shift(long bits, int e) {
    int field = (int) ((bits >>> 52) & 0x7ff);
    return (field == 0 ? -1074 : field - 1075) + e;
  }

  /** floor(|v| * 2^e); the caller guarantees it is below 2^63. */
  public static long floorOfScaled(long bits, int e) {
    long m = mantissa(bits);
    int sh = shift(bits, e);
    if (m == 0) {
      return 0;
    }
    if (sh >= 0) {
      return m << sh;
    }
    return -sh >= 64 ? 0 : m >>> -sh;
  }

  /**
   * The number s of fractional bits of |v| * 2^e (0 when it is an integer): the fraction is
   * {@link #fractionBits} / 2^s.
   */
  public static int fractionLength(long bits, int e) {
    int sh = shift(bits, e);
    return sh >= 0 ? 0 : -sh;
  }

  /** The fractional part of |v| * 2^e as an integer numerator over 2^{@link #fractionLength}. */
  public static long fractionBits(long bits, int e) {
    long m = mantissa(bits);
    int s = fractionLength(bits, e);
    if (s == 0) {
      return 0;
    }
    return s >= 64 ? m : m & ((1L << s) - 1);
  }

  /**
   * Word j (j = 0, 1, ...) of the binary expansion of fracBits / 2^s: the fraction's bits 64j + 1
   * to 64j + 64 after the binary point, as an unsigned 64-bit integer. Needs {@code fracBits < 2^53}.
   */
  public static long fractionWord(long fracBits, int s, int j) {
    long lo = (long) s - 64L * (j + 1);
    if (lo >= 64) {
      return 0;
    }
    if (lo >= 0) {
      return fracBits >>> lo;
    }
    return -lo >= 64 ? 0 : fracBits << -lo;
  }

  /** The bits of fracBits / 2^s after word j; zero iff words 0..j hold the whole fraction. */
  public static long remainingBelow(long fracBits, int s, int j) {
    long lo = (long) s - 64L * (j + 1);
    if (lo <= 0) {
      return 0;
    }
    return lo >= 64 ? fracBits : fracBits & ((1L << lo) - 1);
  }
}
