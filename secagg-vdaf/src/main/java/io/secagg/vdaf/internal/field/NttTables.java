package io.secagg.vdaf.internal.field;

/**
 * Precomputed roots of unity for transforms of one size {@code n}, all in multiplier form (see
 * {@link Field}).
 *
 * <p>The butterfly tables use the usual layout: entries {@code [h, 2h)} hold {@code w_{2h}^i}
 * for {@code i < h}, so stage {@code h} reads a contiguous run. {@link #cosetTwist} holds
 * {@code s^rev(q) / n} where {@code s} is the principal {@code 2n}-th root and {@code rev} the
 * bit reversal on {@code log2 n} bits: it turns the bit-reversed output of
 * {@link Field#inverseDif} into the input of {@link Field#forwardDit} that evaluates on the coset
 * {@code s * <w_n>}.
 */
public final class NttTables {
  final int n;
  final int logN;
  final long[] forward;
  final long[] inverse;
  final long[] cosetTwist;
  final long[] scaleInvN;
  /** Natural-order powers {@code w_n^i}, canonical. */
  final long[] powers;

  NttTables(Field f, int n) {
    this.n = n;
    this.logN = Integer.numberOfTrailingZeros(n);
    forward = f.newVector(Math.max(n, 1));
    inverse = f.newVector(Math.max(n, 1));
    long[] w = f.newVector(1);
    long[] wInv = f.newVector(1);
    long[] cur = f.newVector(1);
    long[] curInv = f.newVector(1);
    for (int h = 1; h < n; h <<= 1) {
      int log2h = Integer.numberOfTrailingZeros(h) + 1;
      f.rootOfUnity(w, 0, log2h);
      f.inv(wInv, 0, w, 0);
      f.set(cur, 0, 1);
      f.set(curInv, 0, 1);
      for (int i = 0; i < h; i++) {
        f.toMultiplier(forward, h + i, cur, 0);
        f.toMultiplier(inverse, h + i, curInv, 0);
        f.mul(cur, 0, cur, 0, w, 0);
        f.mul(curInv, 0, curInv, 0, wInv, 0);
      }
    }
    powers = f.newVector(n);
    f.rootOfUnity(w, 0, logN);
    f.set(cur, 0, 1);
    for (int i = 0; i < n; i++) {
      f.copy(powers, i, cur, 0);
      f.mul(cur, 0, cur, 0, w, 0);
    }
    // s^rev(q) / n, the twist between inverseDif and forwardDit for the coset s<w_n>.
    cosetTwist = f.newVector(n);
    long[] invN = f.newVector(1);
    f.set(invN, 0, n);
    f.inv(invN, 0, invN, 0);
    scaleInvN = f.newVector(1);
    f.toMultiplier(scaleInvN, 0, invN, 0);
    if (logN + 1 <= f.twoAdicity()) {
      long[] s = f.newVector(1);
      f.rootOfUnity(s, 0, logN + 1);
      long[] sPow = f.newVector(n);
      f.copy(sPow, 0, invN, 0);
      for (int i = 1; i < n; i++) {
        f.mul(sPow, i, sPow, i - 1, s, 0);
      }
      for (int q = 0; q < n; q++) {
        f.toMultiplier(cosetTwist, q, sPow, reverse(q, logN));
      }
    }
  }

  /** The transform size. */
  public int size() {
    return n;
  }

  static int reverse(int i, int bits) {
    return bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
  }
}
