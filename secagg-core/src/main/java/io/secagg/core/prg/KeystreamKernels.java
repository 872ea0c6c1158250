package io.secagg.core.prg;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Loops that turn one chunk of keystream into mask elements and add them to (or subtract them
 * from) an accumulator array in place.
 *
 * <p>Why the code looks like this (measured, see {@code docs/architecture.md}):
 *
 * <ul>
 *   <li>Each loop is its own small static method, reached from the generator only through {@link
 *       #chunkInts} / {@link #chunkLongs} called via a method handle that C2 cannot inline: the
 *       loops then compile without the JCE code of the chunk loop around them. On JDK 17, an add
 *       loop sharing a compiled method with {@code Cipher.update} lost its SIMD form (about 10x
 *       slower here).
 *   <li>Words are read with a little-endian {@link VarHandle} view of the byte array, which C2
 *       turns into plain (vectorizable) loads on little-endian hardware; assembling ints from
 *       bytes with shifts is about ten times slower.
 *   <li>Modular correction is branch-free ({@code t + (m & (t >> 63))}); an {@code if} is about
 *       three times slower.
 * </ul>
 *
 * <p>Word j of the chunk occupies bytes [4j, 4j+4) or [8j, 8j+8). A candidate is the word masked
 * to its low k bits ({@code kMask = 2^k - 1}). The "all" kernels assume every candidate of the
 * chunk is accepted (always true for m = 2^b, checked first for other m); otherwise the "accept"
 * kernels compact the accepted candidates before a plain array add.
 */
final class KeystreamKernels {
  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** Path of a long accumulator: m = 2^b with 8-byte words. */
  static final int MASKED8 = 0;
  /** Path of a long accumulator: general m with 4-byte words (2^31 &lt; m &lt; 2^32). */
  static final int MOD4 = 1;
  /** Path of a long accumulator: general m with 8-byte words (m &gt; 2^32). */
  static final int MOD8 = 2;

  private KeystreamKernels() {}

  /**
   * Applies one chunk of {@code n} words to an int accumulator from position {@code pos}, where
   * {@code n <= acc.length - pos}.
   *
   * @param rejecting false for m = 2^b (every candidate accepted, {@code kMask = m - 1}), true for
   *     a general m &lt; 2^31
   * @param accepted scratch of at least {@code n} ints for a chunk with rejected candidates (unused
   *     when {@code rejecting} is false)
   * @return the position after the last element written
   */
  static int chunkInts(
      boolean subtract, boolean rejecting, int[] acc, int pos, byte[] ks, int n, int kMask, int m,
      int[] accepted) {
    if (!rejecting) {
      if (subtract) {
        subtractAllMasked(acc, pos, ks, n, kMask);
      } else {
        addAllMasked(acc, pos, ks, n, kMask);
      }
      return pos + n;
    }
    if (!allAccepted4(ks, n, kMask, m)) {
      int count = accept4(ks, n, kMask, m, accepted);
      if (subtract) {
        subtractMod(acc, pos, accepted, count, m);
      } else {
        addMod(acc, pos, accepted, count, m);
      }
      return pos + count;
    }
    if (subtract) {
      subtractAllMod(acc, pos, ks, n, kMask, m);
    } else {
      addAllMod(acc, pos, ks, n, kMask, m);
    }
    return pos + n;
  }

  /**
   * Applies one chunk of {@code n} words to a long accumulator from position {@code pos}, where
   * {@code n <= acc.length - pos}.
   *
   * @param path {@link #MASKED8} ({@code kMask = m - 1}, m unused), {@link #MOD4} or {@link #MOD8}
   * @param accepted scratch of at least {@code n} longs for a chunk with rejected candidates
   *     (unused on the {@link #MASKED8} path)
   * @return the position after the last element written
   */
  static int chunkLongs(
      boolean subtract, int path, long[] acc, int pos, byte[] ks, int n, long kMask, long m,
      long[] accepted) {
    if (path == MASKED8) {
      if (subtract) {
        subtractAllMasked(acc, pos, ks, n, kMask);
      } else {
        addAllMasked(acc, pos, ks, n, kMask);
      }
      return pos + n;
    }
    if (path == MOD4) {
      if (!allAccepted4(ks, n, m)) {
        return applyAccepted(subtract, acc, pos, accepted, accept4(ks, n, m, accepted), m);
      }
      if (subtract) {
        subtractAllMod4(acc, pos, ks, n, m);
      } else {
        addAllMod4(acc, pos, ks, n, m);
      }
      return pos + n;
    }
    if (!allAccepted8(ks, n, kMask, m)) {
      return applyAccepted(subtract, acc, pos, accepted, accept8(ks, n, kMask, m, accepted), m);
    }
    if (subtract) {
      subtractAllMod8(acc, pos, ks, n, kMask, m);
    } else {
      addAllMod8(acc, pos, ks, n, kMask, m);
    }
    return pos + n;
  }

  private static int applyAccepted(
      boolean subtract, long[] acc, int pos, long[] accepted, int count, long m) {
    if (subtract) {
      subtractMod(acc, pos, accepted, count, m);
    } else {
      addMod(acc, pos, accepted, count, m);
    }
    return pos + count;
  }

  // ---- Chunks with rejected candidates: first compact the accepted candidates, in order, into a
  // scratch array (branch-free: every candidate is written at the current count, which advances
  // only on acceptance), then add them with a plain vectorizable loop. Updating the accumulator
  // in the compaction loop itself measured ~2 ns per candidate: a rejected candidate re-reads the
  // slot it has just stored, a store-to-load chain in every iteration.

  static int accept4(byte[] ks, int n, int kMask, int m, int[] out) {
    int count = 0;
    for (int j = 0; j < n; j++) {
      int c = (int) INT_LE.get(ks, j << 2) & kMask;
      out[count] = c;
      count += (c - m) >>> 31;
    }
    return count;
  }

  static int accept4(byte[] ks, int n, long m, long[] out) {
    int count = 0;
    for (int j = 0; j < n; j++) {
      long c = Integer.toUnsignedLong((int) INT_LE.get(ks, j << 2));
      out[count] = c;
      count += (int) ((c - m) >>> 63);
    }
    return count;
  }

  static int accept8(byte[] ks, int n, long kMask, long m, long[] out) {
    int count = 0;
    for (int j = 0; j < n; j++) {
      long c = (long) LONG_LE.get(ks, j << 3) & kMask;
      out[count] = c;
      count += (int) ((c - m) >>> 63);
    }
    return count;
  }

  static void addMod(int[] acc, int off, int[] src, int n, int m) {
    for (int j = 0; j < n; j++) {
      int t = acc[off + j] + src[j] - m;
      acc[off + j] = t + (m & (t >> 31));
    }
  }

  static void subtractMod(int[] acc, int off, int[] src, int n, int m) {
    for (int j = 0; j < n; j++) {
      int t = acc[off + j] - src[j];
      acc[off + j] = t + (m & (t >> 31));
    }
  }

  static void addMod(long[] acc, int off, long[] src, int n, long m) {
    for (int j = 0; j < n; j++) {
      long t = acc[off + j] + src[j] - m;
      acc[off + j] = t + (m & (t >> 63));
    }
  }

  static void subtractMod(long[] acc, int off, long[] src, int n, long m) {
    for (int j = 0; j < n; j++) {
      long t = acc[off + j] - src[j];
      acc[off + j] = t + (m & (t >> 63));
    }
  }

  // ---- m = 2^b, b <= 32: int accumulator, 4-byte words. The word's bits above b vanish in the
  // final mask, so the word needs no masking of its own.

  static void addAllMasked(int[] acc, int off, byte[] ks, int n, int mask) {
    for (int j = 0; j < n; j++) {
      acc[off + j] = (acc[off + j] + (int) INT_LE.get(ks, j << 2)) & mask;
    }
  }

  static void subtractAllMasked(int[] acc, int off, byte[] ks, int n, int mask) {
    for (int j = 0; j < n; j++) {
      acc[off + j] = (acc[off + j] - (int) INT_LE.get(ks, j << 2)) & mask;
    }
  }

  // ---- m = 2^b, 32 < b <= 64: long accumulator, 8-byte words.

  static void addAllMasked(long[] acc, int off, byte[] ks, int n, long mask) {
    for (int j = 0; j < n; j++) {
      acc[off + j] = (acc[off + j] + (long) LONG_LE.get(ks, j << 3)) & mask;
    }
  }

  static void subtractAllMasked(long[] acc, int off, byte[] ks, int n, long mask) {
    for (int j = 0; j < n; j++) {
      acc[off + j] = (acc[off + j] - (long) LONG_LE.get(ks, j << 3)) & mask;
    }
  }

  // ---- general m < 2^31: int accumulator, 4-byte words, candidates of k <= 31 bits.

  /**
   * True iff no candidate of the chunk is rejected: every (word &amp; kMask) &lt; m. An early-exit
   * loop: C2 on JDK 17 does not vectorize an OR-reduction here, and the exit branch is almost
   * never taken, so this measured about 1.6x faster than {@code bad |= ...} over the chunk.
   */
  static boolean allAccepted4(byte[] ks, int n, int kMask, int m) {
    for (int j = 0; j < n; j++) {
      if (((int) INT_LE.get(ks, j << 2) & kMask) >= m) {
        return false;
      }
    }
    return true;
  }

  static void addAllMod(int[] acc, int off, byte[] ks, int n, int kMask, int m) {
    for (int j = 0; j < n; j++) {
      int t = acc[off + j] + ((int) INT_LE.get(ks, j << 2) & kMask) - m;
      acc[off + j] = t + (m & (t >> 31));
    }
  }

  static void subtractAllMod(int[] acc, int off, byte[] ks, int n, int kMask, int m) {
    for (int j = 0; j < n; j++) {
      int t = acc[off + j] - ((int) INT_LE.get(ks, j << 2) & kMask);
      acc[off + j] = t + (m & (t >> 31));
    }
  }

  // ---- general 2^31 < m < 2^32: long accumulator, 4-byte words, candidates of k = 32 bits.

  static boolean allAccepted4(byte[] ks, int n, long m) {
    for (int j = 0; j < n; j++) {
      if (Integer.toUnsignedLong((int) INT_LE.get(ks, j << 2)) >= m) {
        return false;
      }
    }
    return true;
  }

  static void addAllMod4(long[] acc, int off, byte[] ks, int n, long m) {
    for (int j = 0; j < n; j++) {
      long t = acc[off + j] + Integer.toUnsignedLong((int) INT_LE.get(ks, j << 2)) - m;
      acc[off + j] = t + (m & (t >> 63));
    }
  }

  static void subtractAllMod4(long[] acc, int off, byte[] ks, int n, long m) {
    for (int j = 0; j < n; j++) {
      long t = acc[off + j] - Integer.toUnsignedLong((int) INT_LE.get(ks, j << 2));
      acc[off + j] = t + (m & (t >> 63));
    }
  }

  // ---- general 2^32 < m < 2^62: long accumulator, 8-byte words, candidates of 33..62 bits.

  static boolean allAccepted8(byte[] ks, int n, long kMask, long m) {
    for (int j = 0; j < n; j++) {
      // Candidates are below 2^62, so the signed comparison is exact.
      if (((long) LONG_LE.get(ks, j << 3) & kMask) >= m) {
        return false;
      }
    }
    return true;
  }

  static void addAllMod8(long[] acc, int off, byte[] ks, int n, long kMask, long m) {
    for (int j = 0; j < n; j++) {
      long t = acc[off + j] + ((long) LONG_LE.get(ks, j << 3) & kMask) - m;
      acc[off + j] = t + (m & (t >> 63));
    }
  }

  static void subtractAllMod8(long[] acc, int off, byte[] ks, int n, long kMask, long m) {
    for (int j = 0; j < n; j++) {
      long t = acc[off + j] - ((long) LONG_LE.get(ks, j << 3) & kMask);
      acc[off + j] = t + (m & (t >> 63));
    }
  }
}
