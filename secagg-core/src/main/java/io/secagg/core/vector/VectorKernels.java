package io.secagg.core.vector;

/**
 * The element-wise loops behind {@link ModVector}. Each loop is its own small static method over
 * primitive arrays so that C2 compiles and auto-vectorizes it in isolation (see {@code
 * docs/architecture.md}: a loop that shares a method with other work can lose SIMD).
 *
 * <p>Power-of-two moduli: wrap-around arithmetic then a mask ({@code mask = m - 1}). General
 * moduli: operands are in [0, m) with m &lt;= 2^31 (ints) or m &lt;= 2^62 (longs), so the true
 * values of {@code a + b - m} and {@code a - b} fit the type; a negative result is corrected by
 * adding {@code m & (t >> 63)}, which is m when t is negative and 0 otherwise, without a branch.
 */
final class VectorKernels {
  private VectorKernels() {}

  static void addMasked(int[] a, int[] b, int mask) {
    for (int i = 0; i < a.length; i++) {
      a[i] = (a[i] + b[i]) & mask;
    }
  }

  static void subtractMasked(int[] a, int[] b, int mask) {
    for (int i = 0; i < a.length; i++) {
      a[i] = (a[i] - b[i]) & mask;
    }
  }

  static void negateMasked(int[] a, int mask) {
    for (int i = 0; i < a.length; i++) {
      a[i] = -a[i] & mask;
    }
  }

  static void addMasked(long[] a, long[] b, long mask) {
    for (int i = 0; i < a.length; i++) {
      a[i] = (a[i] + b[i]) & mask;
    }
  }

  static void subtractMasked(long[] a, long[] b, long mask) {
    for (int i = 0; i < a.length; i++) {
      a[i] = (a[i] - b[i]) & mask;
    }
  }

  static void negateMasked(long[] a, long mask) {
    for (int i = 0; i < a.length; i++) {
      a[i] = -a[i] & mask;
    }
  }

  static void addMod(int[] a, int[] b, int m) {
    for (int i = 0; i < a.length; i++) {
      int t = a[i] + b[i] - m;
      a[i] = t + (m & (t >> 31));
    }
  }

  static void subtractMod(int[] a, int[] b, int m) {
    for (int i = 0; i < a.length; i++) {
      int t = a[i] - b[i];
      a[i] = t + (m & (t >> 31));
    }
  }

  static void negateMod(int[] a, int m) {
    for (int i = 0; i < a.length; i++) {
      int t = -a[i];
      a[i] = t + (m & (t >> 31));
    }
  }

  static void addMod(long[] a, long[] b, long m) {
    for (int i = 0; i < a.length; i++) {
      long t = a[i] + b[i] - m;
      a[i] = t + (m & (t >> 63));
    }
  }

  static void subtractMod(long[] a, long[] b, long m) {
    for (int i = 0; i < a.length; i++) {
      long t = a[i] - b[i];
      a[i] = t + (m & (t >> 63));
    }
  }

  static void negateMod(long[] a, long m) {
    for (int i = 0; i < a.length; i++) {
      long t = -a[i];
      a[i] = t + (m & (t >> 63));
    }
  }
}
