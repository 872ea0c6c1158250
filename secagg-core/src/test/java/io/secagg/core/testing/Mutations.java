package io.secagg.core.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic malformations of a well-formed input, for the tests that feed every decoder the
 * kinds of damage a hostile peer can do without a fuzzer: every byte of short inputs (and a
 * fixed sample of positions in long ones) flipped in its low bit, its high bit, or set to 0x00
 * and 0xff; the input truncated at several points; a byte appended; the input doubled; and a
 * few random byte strings of its length.
 */
public final class Mutations {
  /** Inputs up to this length get every position mutated. */
  static final int EXHAUSTIVE_BELOW = 128;
  /** Positions sampled in longer inputs. */
  static final int SAMPLED_POSITIONS = 96;

  private Mutations() {}

  /** The malformations of {@code seed}, reproducible for a given {@code seed}. */
  public static List<byte[]> of(byte[] seed) {
    List<byte[]> out = new ArrayList<>();
    SplittableRandom r = new SplittableRandom(Arrays.hashCode(seed));
    int n = seed.length;
    List<Integer> positions = new ArrayList<>();
    if (n <= EXHAUSTIVE_BELOW) {
      for (int i = 0; i < n; i++) {
        positions.add(i);
      }
    } else {
      for (int i = 0; i < 16; i++) {
        positions.add(i); // headers: version, type, tags and lengths live here
      }
      for (int i = 0; i < SAMPLED_POSITIONS; i++) {
        positions.add(r.nextInt(n));
      }
    }
    for (int i : positions) {
      for (int v : new int[] {seed[i] ^ 0x01, seed[i] ^ 0x80, 0x00, 0xff}) {
        byte[] m = seed.clone();
        m[i] = (byte) v;
        out.add(m);
      }
    }
    for (int cut : new int[] {0, 1, 2, n / 2, n - 1}) {
      if (cut >= 0 && cut < n) {
        out.add(Arrays.copyOf(seed, cut));
      }
    }
    out.add(Arrays.copyOf(seed, n + 1));
    byte[] twice = Arrays.copyOf(seed, 2 * n);
    System.arraycopy(seed, 0, twice, n, n);
    out.add(twice);
    for (int i = 0; i < 4; i++) {
      byte[] random = new byte[n];
      for (int j = 0; j < n; j++) {
        random[j] = (byte) r.nextInt(256);
      }
      out.add(random);
    }
    return out;
  }
}
