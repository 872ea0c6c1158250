package io.secagg.vdaf.internal.flp;

import io.secagg.vdaf.internal.field.Field;

/**
 * The draft's modified bit decomposition of an integer in {@code [0, max]}
 * ({@code encode_range_checked_int} / {@code decode_range_checked_int}, section "Prio3Sum"):
 * {@code bits = bit_length(max)} elements, each 0 or 1, with weights {@code 1, 2, ...,
 * 2^(bits-2)} and a last weight {@code max - (2^(bits-1) - 1)}, so that exactly the integers of
 * {@code [0, max]} are representable.
 */
public final class RangeCheckedInt {
  private RangeCheckedInt() {}

  /** {@code bit_length(max)} for {@code max >= 1}. */
  public static int bits(long max) {
    if (max < 1) {
      throw new IllegalArgumentException("maximum must be positive");
    }
    return 64 - Long.numberOfLeadingZeros(max);
  }

  /**
   * Writes the encoding of {@code value} to {@code out[off..off+bits)}. The choice between the two
   * representations is made with masks, not a branch, as the draft's implementation note asks.
   *
   * @throws IllegalArgumentException if {@code value} is not in {@code [0, max]}
   */
  public static void encode(Field f, long value, long max, long[] out, int off) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException("measurement " + value + " not in [0, " + max + "]");
    }
    int bits = bits(max);
    long restAllOnes = (1L << (bits - 1)) - 1;
    long lastWeight = max - restAllOnes;
    // 1 iff value > restAllOnes (both are non-negative longs, so the difference's sign decides).
    long high = (restAllOnes - value) >>> 63;
    long rest = value - (lastWeight & -high);
    for (int l = 0; l < bits - 1; l++) {
      f.set(out, off + l, (rest >>> l) & 1);
    }
    f.set(out, off + bits - 1, high);
  }

  /**
   * Writes {@code sum_l 2^l e_l + lastWeight * e_last} for the {@code bits} elements at
   * {@code in[off..)} to {@code out[oi]}. Linear, so it maps shares to shares.
   *
   * @param lastWeight the multiplier form of the last weight, from {@link #lastWeight}
   */
  public static void decode(Field f, long[] in, int off, int bits, long[] lastWeight, long[] out, int oi) {
    long[] acc = f.newVector(1);
    // Horner with doublings: no multiplications for the powers of two.
    for (int l = bits - 2; l >= 0; l--) {
      f.add(acc, 0, acc, 0, acc, 0);
      f.add(acc, 0, acc, 0, in, off + l);
    }
    long[] last = f.newVector(1);
    f.mulByMultiplier(last, 0, in, off + bits - 1, lastWeight, 0);
    f.add(out, oi, acc, 0, last, 0);
  }

  /** The multiplier form of {@code max - (2^(bits-1) - 1)}. */
  public static long[] lastWeight(Field f, long max) {
    int bits = bits(max);
    long[] w = f.newVector(1);
    f.set(w, 0, max - ((1L << (bits - 1)) - 1));
    f.toMultiplier(w, 0, w, 0);
    return w;
  }
}
