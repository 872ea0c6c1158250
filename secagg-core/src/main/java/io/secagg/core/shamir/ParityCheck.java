package io.secagg.core.shamir;

import io.secagg.core.internal.Gf61;
import java.security.SecureRandom;
import java.util.BitSet;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A randomized test of whether shares lie on one polynomial of degree below t in every chunk,
 * for share sets drawn from one fixed universe of indices: O(m) field multiplications per set
 * when the set is the universe or nearly so, instead of the O(m t) of {@link
 * Reconstructor#reconstructVerified}, for a server that must check many secrets held by nearly
 * the same shareholders.
 *
 * <p>How: the values at points x_i (i in a set T of m indices) of the polynomials of degree below
 * t form a Reed-Solomon code whose dual is spanned by the vectors (w_i g(x_i))_i, with w_i = 1 /
 * prod_{j in T, j != i} (x_i - x_j) and g any polynomial of degree below m - t. The check holds
 * random field elements r_0, r_1, ... (one per degree of freedom of the universe), takes g =
 * r_0 + r_1 X + ... + r_{m-t-1} X^{m-t-1}, and accepts a chunk iff sum_i w_i g(x_i) y_i = 0. The
 * universe's weights and g's values are computed once (and once more for each other size of
 * share set, cached); a set of m shares missing e indices of the universe then costs about m (e +
 * 7) field multiplications.
 *
 * <p><b>Guarantee.</b> Consistent shares always pass. For shares chosen without knowledge of the
 * check's randomness, every inconsistent chunk passes with probability exactly 1/p = 2^-61 (the
 * sum is a non-zero linear form in r_0..r_{m-t-1}). A check must therefore be built from a secure
 * random source after the shares are fixed, and its randomness must stay unknown to the
 * shareholders. With m = t there is no redundancy and every share set passes.
 *
 * <p>Building costs about 2 u^2 field multiplications for a universe of u indices, and each new
 * size of share set about u (u - m + 90) more. Thread-safe (its only mutable state is that cache);
 * it holds nothing about the shared values.
 */
public final class ParityCheck {
  private final ShamirScheme scheme;
  private final int[] universe;
  private final int[] position;
  /** r_0 .. r_{u-t-1}. */
  private final long[] coefficients;
  /** w_i^U for the whole universe. */
  private final long[] weights;
  /** g(x_i) at the universe's full degree u - t. */
  private final long[] fullValues;
  /**
   * g truncated below degree d at every universe point, by d: share sets of the same size reuse
   * one array (in the complete graph there are two sizes: all responders, and all but one).
   */
  private final Map<Integer, long[]> truncatedValues = new ConcurrentHashMap<>();

  ParityCheck(ShamirScheme scheme, int[] sortedUniverse, SecureRandom random) {
    this.scheme = scheme;
    this.universe = sortedUniverse;
    this.position = Reconstructor.positions(sortedUniverse);
    this.coefficients = FieldSampler.draw(random, sortedUniverse.length - scheme.threshold());
    this.weights = GaoDecoder.interpolationWeights(sortedUniverse);
    this.fullValues = new long[sortedUniverse.length];
    for (int i = 0; i < sortedUniverse.length; i++) {
      fullValues[i] = GaoDecoder.evaluate(coefficients, sortedUniverse[i]);
    }
  }

  /** The universe of indices, ascending; a fresh copy. */
  public int[] indices() {
    return universe.clone();
  }

  /**
   * True iff the shares pass the check (always, if they lie on one polynomial per chunk).
   *
   * @param shares at least t shares with distinct indices from the universe, in any order; not
   *     modified
   * @throws NullPointerException if {@code shares} or an element is null
   * @throws InvalidShareException with the reason of the first rule violated, in this order:
   *     {@code INDEX_OUT_OF_RANGE} (x &gt; n), {@code DUPLICATE_INDEX}, {@code INDEX_SET_MISMATCH}
   *     (an index outside the universe), {@code TOO_FEW_SHARES}
   */
  public boolean passes(Collection<Share> shares) throws InvalidShareException {
    Objects.requireNonNull(shares, "shares");
    Share[] given = shares.toArray(new Share[0]);
    BitSet present = new BitSet(universe.length);
    for (Share s : given) {
      Objects.requireNonNull(s, "share");
      scheme.checkInRange(s.x());
    }
    for (Share s : given) {
      int x = s.x();
      int slot = x < position.length ? position[x] : -1;
      if (slot >= 0 && present.get(slot)) {
        throw ShamirScheme.duplicate(x);
      }
      if (slot >= 0) {
        present.set(slot);
      }
    }
    for (Share s : given) {
      int x = s.x();
      if (x >= position.length || position[x] < 0) {
        throw new InvalidShareException(
            InvalidShareException.Reason.INDEX_SET_MISMATCH,
            "share index " + x + " is not in the parity check's universe");
      }
    }
    scheme.checkCount(given.length);
    int checks = given.length - scheme.threshold();
    if (checks == 0) {
      return true;
    }
    int[] missing = new int[universe.length - given.length];
    for (int i = present.nextClearBit(0), j = 0; i < universe.length; i = present.nextClearBit(i + 1)) {
      missing[j++] = universe[i];
    }
    long diff = 0;
    long[] acc = new long[Share.CHUNK_COUNT];
    long[] g = checks == coefficients.length ? fullValues : truncatedValues.computeIfAbsent(checks, this::truncated);
    for (Share s : given) {
      int slot = position[s.x()];
      long x = s.x();
      long z = Gf61.mul(weights[slot], g[slot]);
      // The weights of the set are the universe's times prod over the missing indices.
      for (int e : missing) {
        z = Gf61.mul(z, Gf61.fromSigned(x - e));
      }
      long[] y = s.values();
      for (int k = 0; k < Share.CHUNK_COUNT; k++) {
        acc[k] = Gf61.add(acc[k], Gf61.mul(z, y[k]));
      }
    }
    for (long a : acc) {
      diff |= a;
    }
    return diff == 0;
  }

  /** g truncated below {@code degree} at every universe point: the full g minus its top terms. */
  private long[] truncated(int degree) {
    int top = coefficients.length;
    long[] out = new long[universe.length];
    for (int slot = 0; slot < universe.length; slot++) {
      long x = universe[slot];
      long tail = 0;
      for (int j = top - 1; j >= degree; j--) {
        tail = Gf61.add(Gf61.mul(tail, x), coefficients[j]);
      }
      out[slot] = Gf61.sub(fullValues[slot], Gf61.mul(tail, Gf61.pow(x, degree)));
    }
    return out;
  }

  @Override
  public String toString() {
    return "ParityCheck[" + scheme + ", " + universe.length + " indices]";
  }
}
