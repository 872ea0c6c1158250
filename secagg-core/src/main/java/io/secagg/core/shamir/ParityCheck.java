package io.secagg.core.shamir;

import io.secagg.core.internal.Gf61;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.Objects;

/**
 * A randomized test, for one fixed set of m share indices, of whether m shares lie on one
 * polynomial of degree below t in every chunk: O(m) field multiplications per share set instead
 * of the O(m t) of {@link Reconstructor#reconstructVerified}, for a server that must check many
 * secrets held by the same shareholders.
 *
 * <p>How: the values of polynomials of degree below t at the points x_1..x_m form a Reed-Solomon
 * code whose dual is spanned by the vectors (w_i g(x_i))_i with w_i = 1 / prod_{j != i} (x_i -
 * x_j) and g any polynomial of degree below m - t. The check draws one such g with uniform
 * coefficients and accepts a chunk iff sum_i w_i g(x_i) y_i = 0.
 *
 * <p><b>Guarantee.</b> Consistent shares always pass. For shares chosen without knowledge of the
 * check's randomness, every inconsistent chunk passes with probability exactly 1/p = 2^-61
 * (the sum is a non-zero linear form in the coefficients of g). A check therefore must be built
 * from a secure random source after the shares are fixed, and must not be revealed to the
 * shareholders. With m = t there is no redundancy and every share set passes.
 *
 * <p>Building costs about m^2 + m (m - t) field multiplications. Immutable and thread-safe; it
 * holds no secret of the shared values.
 */
public final class ParityCheck {
  private final ShamirScheme scheme;
  private final int[] indices;
  private final int[] position;
  private final long[] weights;

  ParityCheck(ShamirScheme scheme, int[] sortedIndices, SecureRandom random) {
    this.scheme = scheme;
    this.indices = sortedIndices;
    this.position = Reconstructor.positions(sortedIndices);
    int m = sortedIndices.length;
    int checks = m - scheme.threshold();
    long[] g = FieldSampler.draw(random, checks);
    long[] w = GaoDecoder.interpolationWeights(sortedIndices);
    this.weights = new long[m];
    for (int i = 0; i < m; i++) {
      weights[i] = Gf61.mul(w[i], GaoDecoder.evaluate(g, sortedIndices[i]));
    }
  }

  /** The index set, ascending; a fresh copy. */
  public int[] indices() {
    return indices.clone();
  }

  /**
   * True iff the shares pass the check (always, if they lie on one polynomial per chunk).
   *
   * @param shares one share per index of the set, in any order; not modified
   * @throws NullPointerException if {@code shares} or an element is null
   * @throws InvalidShareException {@code INDEX_OUT_OF_RANGE}, {@code DUPLICATE_INDEX} or {@code
   *     INDEX_SET_MISMATCH} as {@link Reconstructor#reconstruct}
   */
  public boolean passes(Collection<Share> shares) throws InvalidShareException {
    Objects.requireNonNull(shares, "shares");
    Share[] ordered = Reconstructor.order(scheme, indices, position, shares);
    long diff = 0;
    for (int k = 0; k < Share.CHUNK_COUNT; k++) {
      long acc = 0;
      for (int i = 0; i < ordered.length; i++) {
        acc = Gf61.add(acc, Gf61.mul(weights[i], ordered[i].values()[k]));
      }
      diff |= acc;
    }
    return diff == 0;
  }

  @Override
  public String toString() {
    return "ParityCheck[" + scheme + ", " + indices.length + " indices]";
  }
}
