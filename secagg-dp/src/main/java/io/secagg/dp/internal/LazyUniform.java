package io.secagg.dp.internal;

import io.secagg.dp.sampling.BitSource;
import java.math.BigInteger;
import java.util.function.IntFunction;

/**
 * A uniform real {@code U} in {@code [0, 1)} whose binary expansion is read lazily, 64 bits at a
 * time: {@code U = w1 / 2^64 + w2 / 2^128 + ...} with each {@code wi} an unsigned word from the
 * bit source. Comparing {@code U} with an irrational constant {@code c} reads the fewest words that
 * decide it: with {@code j} words read, {@code U < c} if their value is below
 * {@code floor(c * 2^(64 j))}, {@code U > c} if above, and one more word is read on equality.
 *
 * <p>This is the exact, slow path behind the samplers' fast comparisons; both read exactly the
 * same words.
 */
public final class LazyUniform {
  private final BitSource bits;
  private long[] words = new long[2];
  private int count;

  /** A uniform whose first word is {@code first} and whose later words come from {@code bits}. */
  public LazyUniform(long first, BitSource bits) {
    this.bits = bits;
    words[0] = first;
    count = 1;
  }

  /** The value of the first {@code j} words, an integer in {@code [0, 2^(64 j))}. */
  private BigInteger prefix(int j) {
    while (count < j) {
      if (count == words.length) {
        words = java.util.Arrays.copyOf(words, 2 * count);
      }
      words[count++] = bits.nextLong();
    }
    BigInteger v = BigInteger.ZERO;
    for (int i = 0; i < j; i++) {
      v = v.shiftLeft(64).or(Words.unsigned(words[i]));
    }
    return v;
  }

  /**
   * True iff {@code U < c}, where {@code floorOfScaled.apply(bits)} returns
   * {@code floor(c * 2^bits)} for an irrational {@code c} in {@code (0, 1)}.
   */
  public boolean lessThan(IntFunction<BigInteger> floorOfScaled) {
    for (int j = 1; ; j++) {
      int cmp = prefix(j).compareTo(floorOfScaled.apply(64 * j));
      if (cmp != 0) {
        return cmp < 0;
      }
    }
  }

  /** True iff {@code U < e^(-p/q)}, for {@code p/q > 0}. */
  public boolean lessThanExpNeg(BigInteger p, BigInteger q) {
    return lessThan(b -> ExactExp.floorScaled(p, q, b));
  }
}
