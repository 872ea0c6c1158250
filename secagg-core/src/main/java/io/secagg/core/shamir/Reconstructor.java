package io.secagg.core.shamir;

import io.secagg.core.crypto.SecretBytes;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Objects;

/**
 * Reconstruction with precomputed Lagrange coefficients, for one fixed set of share indices:
 * the server-side fast path when many secrets (one per client) are reconstructed from shares
 * held by the same surviving parties.
 *
 * <p>Obtained from {@link ShamirScheme#reconstructor}. Building it costs what one {@link
 * ShamirScheme#reconstruct} costs (about t^2 / 3 field multiplications); each {@link #reconstruct}
 * afterwards costs about 5 t. The interpolation basis is the t smallest indices. Memory: a few
 * longs per index plus one int per value 0..max(index) (at most 256 KiB). Immutable and
 * thread-safe; it holds no secret.
 */
public final class Reconstructor {
  private final ShamirScheme scheme;
  private final int[] indices;
  /** position[x] = slot of index x in {@link #indices}, or -1; length max(indices) + 1. */
  private final int[] position;
  private final LagrangeBasis basis;

  Reconstructor(ShamirScheme scheme, int[] sortedIndices, LagrangeBasis basis) {
    this.scheme = scheme;
    this.indices = sortedIndices;
    this.basis = basis;
    this.position = positions(sortedIndices);
  }

  /** position[x] = slot of index x in {@code sortedIndices}, or -1; length max + 1. */
  static int[] positions(int[] sortedIndices) {
    int[] position = new int[sortedIndices[sortedIndices.length - 1] + 1];
    Arrays.fill(position, -1);
    for (int i = 0; i < sortedIndices.length; i++) {
      position[sortedIndices[i]] = i;
    }
    return position;
  }

  /** The scheme whose shares this reconstructor accepts. */
  public ShamirScheme scheme() {
    return scheme;
  }

  /** The index set, ascending; a fresh copy. */
  public int[] indices() {
    return indices.clone();
  }

  /**
   * Reconstructs a secret from shares whose indices are exactly this reconstructor's index set,
   * using the shares of the t smallest indices; the values of the other shares are not used (see
   * {@link #reconstructVerified}).
   *
   * @param shares one share per index of the set, in any order; not modified
   * @return the secret, {@value ShamirScheme#SECRET_LENGTH} bytes
   * @throws NullPointerException if {@code shares} or an element is null
   * @throws InvalidShareException with the reason of the first rule violated, in this order:
   *     {@code INDEX_OUT_OF_RANGE} (a share has x &gt; n), {@code DUPLICATE_INDEX}, {@code
   *     INDEX_SET_MISMATCH} (a share's index is not in the set, or an index of the set has no
   *     share), {@code CHUNK_OUT_OF_RANGE}
   */
  public SecretBytes reconstruct(Collection<Share> shares) throws InvalidShareException {
    return ShamirScheme.finish(basis, order(shares), false);
  }

  /**
   * Like {@link #reconstruct}, and also checks that every share lies on the same polynomials,
   * with the guarantee of {@link ShamirScheme#reconstructVerified}.
   *
   * @throws NullPointerException if {@code shares} or an element is null
   * @throws InvalidShareException as {@link #reconstruct}, with {@code INCONSISTENT_SHARES}
   *     checked just before {@code CHUNK_OUT_OF_RANGE}
   */
  public SecretBytes reconstructVerified(Collection<Share> shares) throws InvalidShareException {
    return ShamirScheme.finish(basis, order(shares), true);
  }

  /** The shares placed by index, ascending, after the range, duplicate and set rules. */
  private Share[] order(Collection<Share> shares) throws InvalidShareException {
    Objects.requireNonNull(shares, "shares");
    Share[] given = shares.toArray(new Share[0]);
    for (Share s : given) {
      Objects.requireNonNull(s, "share");
      scheme.checkInRange(s.x());
    }
    // Fast path: place every share in its slot; an occupied slot is a duplicate. A share outside
    // the set sends us to the slow path, which still reports a duplicate first if there is one.
    Share[] ordered = new Share[indices.length];
    for (Share s : given) {
      int x = s.x();
      int slot = x < position.length ? position[x] : -1;
      if (slot < 0) {
        throw outsideSet(given);
      }
      if (ordered[slot] != null) {
        throw ShamirScheme.duplicate(x);
      }
      ordered[slot] = s;
    }
    if (given.length != indices.length) {
      throw mismatch(
          given.length + " shares given for an index set of " + indices.length + " indices");
    }
    return ordered;
  }

  /** The exception for shares of which at least one is outside the index set. */
  private InvalidShareException outsideSet(Share[] given) {
    BitSet seen = new BitSet(scheme.shareCount() + 1);
    for (Share s : given) {
      if (seen.get(s.x())) {
        return ShamirScheme.duplicate(s.x());
      }
      seen.set(s.x());
    }
    for (Share s : given) {
      int x = s.x();
      if (x >= position.length || position[x] < 0) {
        return mismatch("share index " + x + " is not in the reconstructor's index set");
      }
    }
    throw new AssertionError("unreachable: some share is outside the index set");
  }

  private static InvalidShareException mismatch(String message) {
    return new InvalidShareException(InvalidShareException.Reason.INDEX_SET_MISMATCH, message);
  }

  @Override
  public String toString() {
    return "Reconstructor[" + scheme + ", " + indices.length + " indices]";
  }
}
