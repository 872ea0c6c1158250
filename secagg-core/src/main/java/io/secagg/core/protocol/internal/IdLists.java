package io.secagg.core.protocol.internal;

import io.secagg.core.protocol.AbortReason;
import java.util.List;

/** Checks on the id lists peers send: range, strict order (hence no duplicates). */
public final class IdLists {
  private IdLists() {}

  /**
   * The list as an array, after checking that every id is in 1..n and the list is strictly
   * ascending (which rules out duplicates).
   *
   * @throws ProtocolViolation with {@code reason} naming {@code what} otherwise
   */
  public static int[] strictlyAscending(List<Integer> ids, int n, AbortReason reason, String what)
      throws ProtocolViolation {
    int[] out = new int[ids.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ids.get(i);
    }
    return strictlyAscending(out, n, reason, what);
  }

  /**
   * {@code ids} itself, after the checks of {@link #strictlyAscending(List, int, AbortReason,
   * String)}.
   *
   * @throws ProtocolViolation with {@code reason} naming {@code what} otherwise
   */
  public static int[] strictlyAscending(int[] ids, int n, AbortReason reason, String what)
      throws ProtocolViolation {
    if (ids.length > n) {
      throw new ProtocolViolation(reason, what + " lists " + ids.length + " ids for " + n + " clients");
    }
    int[] out = ids;
    int previous = 0;
    for (int i = 0; i < out.length; i++) {
      int id = out[i];
      if (id < 1 || id > n) {
        throw new ProtocolViolation(reason, what + " names client " + id + " outside 1.." + n);
      }
      if (id <= previous) {
        throw new ProtocolViolation(
            reason, what + (id == previous ? " lists client " + id + " twice" : " is not in ascending order"));
      }
      previous = id;
    }
    return out;
  }

  /** True iff the sorted array {@code ids} contains {@code id}. */
  public static boolean contains(int[] ids, int id) {
    return java.util.Arrays.binarySearch(ids, id) >= 0;
  }
}
