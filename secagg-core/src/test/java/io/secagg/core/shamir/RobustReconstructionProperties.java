package io.secagg.core.shamir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.core.crypto.SecretBytes;
import io.secagg.core.internal.Gf61;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Error correction of {@link ShamirScheme#reconstructRobust} and the {@link ParityCheck}: random
 * parameters, random shares, random alterations, compared with what decoding must give.
 */
class RobustReconstructionProperties {

  /** A t-of-n scheme and m of its shares of a secret, from raw draws in range. */
  private static final class Draw {
    final ShamirScheme scheme;
    final int t;
    final List<Share> shares;
    final Random random;

    private Draw(ShamirScheme scheme, List<Share> shares, Random random) {
      this.scheme = scheme;
      this.t = scheme.threshold();
      this.shares = shares;
      this.random = random;
    }

    /** t = 1 + (tRaw - 1) mod n, m = t + mRaw mod (n - t + 1). */
    static Draw of(int n, int tRaw, int mRaw, byte[] secret, long seed) {
      int t = 1 + (tRaw - 1) % n;
      ShamirScheme scheme = ShamirScheme.create(t, n);
      int m = t + mRaw % (n - t + 1);
      Random random = new Random(seed);
      return new Draw(scheme, someShares(scheme, secret, m, random, seed), random);
    }
  }

  /** {@code m} shares of {@code secret} under a t-of-n scheme, in random order. */
  private static List<Share> someShares(ShamirScheme scheme, byte[] secret, int m, Random random, long seed) {
    List<Share> all =
        new ArrayList<>(scheme.split(SecretBytes.copyOf(secret), DeterministicRandom.forTestVectorsOnly(seed)));
    Collections.shuffle(all, random);
    return new ArrayList<>(all.subList(0, m));
  }

  /**
   * Alters {@code count} of the shares (chosen at random) in a random non-empty set of chunks,
   * each by a random non-zero amount; returns the x of the altered shares.
   */
  private static TreeSet<Integer> alter(List<Share> shares, int count, Random random) throws InvalidShareException {
    TreeSet<Integer> altered = new TreeSet<>();
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < shares.size(); i++) {
      positions.add(i);
    }
    Collections.shuffle(positions, random);
    for (int i : positions.subList(0, count)) {
      Share s = shares.get(i);
      long[] y = s.yValues();
      int mask = 1 + random.nextInt((1 << Share.CHUNK_COUNT) - 1);
      for (int k = 0; k < Share.CHUNK_COUNT; k++) {
        if ((mask & (1 << k)) != 0) {
          y[k] = Gf61.add(y[k], 1 + Math.floorMod(random.nextLong(), Gf61.P - 1));
        }
      }
      shares.set(i, Share.of(s.x(), y));
      altered.add(s.x());
    }
    return altered;
  }

  private static TreeSet<Integer> asSet(int[] xs) {
    TreeSet<Integer> s = new TreeSet<>();
    Arrays.stream(xs).forEach(s::add);
    return s;
  }

  @Property(tries = 300)
  void correctsUpToHalfTheRedundancyAndNamesExactlyTheAlteredShares(
      @ForAll @IntRange(min = 1, max = 40) int n,
      @ForAll @IntRange(min = 1, max = 40) int tRaw,
      @ForAll @IntRange(min = 0, max = 40) int mRaw,
      @ForAll @Size(32) byte[] secret,
      @ForAll long seed)
      throws Exception {
    Draw d = Draw.of(n, tRaw, mRaw, secret, seed);
    ShamirScheme scheme = d.scheme;
    int t = d.t;
    int m = d.shares.size();
    Random random = d.random;
    List<Share> shares = d.shares;
    int errors = random.nextInt((m - t) / 2 + 1);
    TreeSet<Integer> altered = alter(shares, errors, random);
    RobustReconstruction r = scheme.reconstructRobust(shares);
    assertArrayEquals(secret, r.secret().toByteArray());
    assertEquals(altered, asSet(r.rejectedIndices()));
  }

  /**
   * Beyond the correction radius the decoder either refuses or returns the secret of
   * polynomials that agree with all shares it did not reject, rejecting no more than the radius
   * allows; and on small sets that outcome is exactly what exhaustive search over every
   * polynomial through t of the shares finds, chunk by chunk.
   */
  @Property(tries = 300)
  void agreesWithExhaustiveDecodingWhateverTheNumberOfAlteredShares(
      @ForAll @IntRange(min = 1, max = 9) int n,
      @ForAll @IntRange(min = 1, max = 9) int tRaw,
      @ForAll @IntRange(min = 0, max = 9) int mRaw,
      @ForAll @IntRange(min = 0, max = 9) int errorsRaw,
      @ForAll @Size(32) byte[] secret,
      @ForAll long seed)
      throws Exception {
    Draw d = Draw.of(n, tRaw, mRaw, secret, seed);
    ShamirScheme scheme = d.scheme;
    int t = d.t;
    int m = d.shares.size();
    List<Share> shares = d.shares;
    alter(shares, errorsRaw % (m + 1), d.random);
    long[] expectedChunks = exhaustive(shares, t);
    RobustReconstruction r;
    try {
      r = scheme.reconstructRobust(shares);
    } catch (InvalidShareException e) {
      if (e.reason() == InvalidShareException.Reason.UNCORRECTABLE_SHARES) {
        assertNull(expectedChunks, "exhaustive search decodes what Gao's algorithm refused");
      } else {
        assertEquals(InvalidShareException.Reason.CHUNK_OUT_OF_RANGE, e.reason());
      }
      return;
    }
    assertTrue(expectedChunks != null, "Gao's algorithm decoded what exhaustive search cannot");
    assertArrayEquals(Reference.secret(expectedChunks), r.secret().toByteArray());
    assertTrue(r.rejectedIndices().length <= (m - t) / 2 * Share.CHUNK_COUNT);
  }

  /**
   * Per chunk, the unique polynomial of degree below t that agrees with at least m - e shares (e =
   * floor((m - t) / 2)), found by trying every t-subset; its constant terms, or null if some chunk
   * has none (or the chunk tuple encodes no secret).
   */
  private static long[] exhaustive(List<Share> shares, int t) {
    int m = shares.size();
    int e = (m - t) / 2;
    long[] xs = shares.stream().mapToLong(Share::x).toArray();
    long[] chunks = new long[Share.CHUNK_COUNT];
    for (int k = 0; k < Share.CHUNK_COUNT; k++) {
      long[] ys = new long[m];
      for (int i = 0; i < m; i++) {
        ys[i] = shares.get(i).y(k);
      }
      Long found = null;
      for (int[] subset : subsets(m, t)) {
        long[] sx = new long[t];
        long[] sy = new long[t];
        for (int j = 0; j < t; j++) {
          sx[j] = xs[subset[j]];
          sy[j] = ys[subset[j]];
        }
        int agree = 0;
        for (int i = 0; i < m; i++) {
          agree += Reference.interpolateAt(sx, sy, xs[i]) == ys[i] ? 1 : 0;
        }
        if (agree >= m - e) {
          found = Reference.interpolateAt(sx, sy, 0);
          break;
        }
      }
      if (found == null) {
        return null;
      }
      chunks[k] = found;
    }
    for (int k = 0; k < Share.CHUNK_COUNT; k++) {
      if (chunks[k] >= 1L << Reference.WIDTHS[k]) {
        return null;
      }
    }
    return chunks;
  }

  private static List<int[]> subsets(int m, int size) {
    List<int[]> out = new ArrayList<>();
    collect(new int[size], 0, 0, m, out);
    return out;
  }

  private static void collect(int[] current, int depth, int from, int m, List<int[]> out) {
    if (depth == current.length) {
      out.add(current.clone());
      return;
    }
    for (int i = from; i < m; i++) {
      current[depth] = i;
      collect(current, depth + 1, i + 1, m, out);
    }
  }

  @Property(tries = 300)
  void theParityCheckPassesConsistentSharesAndCatchesAnyAlterationInAnySubsetOfItsUniverse(
      @ForAll @IntRange(min = 1, max = 40) int n,
      @ForAll @IntRange(min = 1, max = 40) int tRaw,
      @ForAll @IntRange(min = 0, max = 40) int uRaw,
      @ForAll @IntRange(min = 0, max = 40) int mRaw,
      @ForAll @Size(32) byte[] secret,
      @ForAll long seed)
      throws Exception {
    Draw d = Draw.of(n, tRaw, uRaw, secret, seed);
    ShamirScheme scheme = d.scheme;
    int t = d.t;
    List<Share> universe = d.shares;
    int m = t + mRaw % (universe.size() - t + 1);
    Random random = d.random;
    ParityCheck check =
        scheme.parityCheck(
            DeterministicRandom.forTestVectorsOnly(("parity " + seed).getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
            universe.stream().mapToInt(Share::x).toArray());
    List<Share> shares = new ArrayList<>(universe.subList(0, m));
    assertTrue(check.passes(shares));
    alter(shares, 1 + random.nextInt(m), random);
    // An alteration can only go unnoticed without redundancy (m = t), or with probability 2^-61
    // per chunk for a check drawn independently of it (here: a fixed seed, never observed).
    if (m > t) {
      assertFalse(check.passes(shares));
    } else {
      assertTrue(check.passes(shares));
    }
  }
}
