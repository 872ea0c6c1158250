package io.secagg.core.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Round 4, client to server: the client's Shamir shares, aligned with the request's lists
 * ({@code selfMaskShares[i]} for {@code alive[i]}, {@code keyShares[i]} for {@code dropped[i]}),
 * each in the shamir package's share encoding.
 */
public final class UnmaskingResponse implements ClientMessage {
  private final List<byte[]> selfMaskShares;
  private final List<byte[]> keyShares;

  /**
   * @param selfMaskShares encoded shares of b_v, one per alive client (each copied)
   * @param keyShares encoded shares of s_v^SK, one per dropped client (each copied)
   * @throws NullPointerException if a list or an element is null
   */
  public UnmaskingResponse(List<byte[]> selfMaskShares, List<byte[]> keyShares) {
    this.selfMaskShares = copy(Objects.requireNonNull(selfMaskShares, "selfMaskShares"));
    this.keyShares = copy(Objects.requireNonNull(keyShares, "keyShares"));
  }

  private static List<byte[]> copy(List<byte[]> in) {
    List<byte[]> out = new ArrayList<>(in.size());
    for (byte[] b : in) {
      out.add(Objects.requireNonNull(b, "share").clone());
    }
    return Collections.unmodifiableList(out);
  }

  /** The number of self-mask seed shares. */
  public int selfMaskShareCount() {
    return selfMaskShares.size();
  }

  /** The number of masking-key shares. */
  public int keyShareCount() {
    return keyShares.size();
  }

  /**
   * A copy of the i-th self-mask seed share.
   *
   * @throws IndexOutOfBoundsException if {@code i} is not in 0..selfMaskShareCount()-1
   */
  public byte[] selfMaskShare(int i) {
    return selfMaskShares.get(i).clone();
  }

  /**
   * A copy of the i-th masking-key share.
   *
   * @throws IndexOutOfBoundsException if {@code i} is not in 0..keyShareCount()-1
   */
  public byte[] keyShare(int i) {
    return keyShares.get(i).clone();
  }

  @Override
  public Round round() {
    return Round.UNMASKING;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof UnmaskingResponse)) {
      return false;
    }
    UnmaskingResponse that = (UnmaskingResponse) o;
    return sameBytes(selfMaskShares, that.selfMaskShares) && sameBytes(keyShares, that.keyShares);
  }

  private static boolean sameBytes(List<byte[]> a, List<byte[]> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!java.util.Arrays.equals(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return selfMaskShares.size() * 31 + keyShares.size();
  }

  @Override
  public String toString() {
    // Counts only: the share bytes are secret-derived.
    return "UnmaskingResponse[selfMaskShares=" + selfMaskShares.size()
        + ", keyShares=" + keyShares.size() + "]";
  }
}
