package io.secagg.core.vector;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik generators of moduli of both families and of vectors over them, for property tests. */
public final class Moduli {
  private Moduli() {}

  /** Powers of two 2^1 .. 2^64. */
  public static Arbitrary<Modulus> powersOfTwo() {
    return Arbitraries.integers().between(1, 64).map(Modulus::powerOfTwo);
  }

  /**
   * General moduli in 2..2^62 (a power of two, if drawn, is normalised), weighted towards small
   * moduli, the representation boundaries 2^31 and 2^32 and the top of the range.
   */
  public static Arbitrary<Modulus> general() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(2, 1L << 62).map(Modulus::of),
        Arbitraries.longs().between(2, 1 << 16).map(Modulus::of),
        Arbitraries.longs().between((1L << 31) - 3, (1L << 31) + 3).map(Modulus::of),
        Arbitraries.longs().between((1L << 32) - 3, (1L << 32) + 3).map(Modulus::of),
        Arbitraries.longs().between((1L << 62) - 100, 1L << 62).map(Modulus::of),
        Arbitraries.longs().between((1L << 61) + 1, (1L << 61) + 100).map(Modulus::of));
  }

  /** Either family. */
  public static Arbitrary<Modulus> any() {
    return Arbitraries.oneOf(powersOfTwo(), general());
  }

  /** An element of Z_m from an arbitrary 64-bit value. */
  public static long reduce(long x, Modulus m) {
    long max = m.maxElement();
    return max == -1L ? x : Long.remainderUnsigned(x, max + 1);
  }

  /** A vector over {@code m} of exactly {@code length} arbitrary elements. */
  public static Arbitrary<ModVector> vectors(Modulus m, int length) {
    return Arbitraries.longs()
        .array(long[].class)
        .ofSize(length)
        .map(
            raw -> {
              long[] e = new long[raw.length];
              for (int i = 0; i < raw.length; i++) {
                e[i] = reduce(raw[i], m);
              }
              return ModVector.of(m, e);
            });
  }

  /** A vector over a random modulus with 0..maxLength elements. */
  public static Arbitrary<ModVector> vectors(int maxLength) {
    return Combinators.combine(any(), Arbitraries.integers().between(0, maxLength))
        .flatAs(Moduli::vectors);
  }

  /** Two vectors of the same random modulus and of the same length 0..maxLength. */
  public static Arbitrary<ModVector[]> pairs(int maxLength) {
    return Combinators.combine(any(), Arbitraries.integers().between(0, maxLength))
        .flatAs(
            (m, n) ->
                Combinators.combine(vectors(m, n), vectors(m, n)).as((a, b) -> new ModVector[] {a, b}));
  }
}
