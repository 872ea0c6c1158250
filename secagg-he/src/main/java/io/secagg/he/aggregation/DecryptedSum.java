package io.secagg.he.aggregation;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The committee's decryption of an aggregated vector: the decoded sums and the members whose
 * partial decryptions were found invalid (and therefore not used). Immutable.
 */
public final class DecryptedSum {
  private final long[] values;
  private final SortedMap<Integer, String> rejectedMembers;

  DecryptedSum(long[] values, SortedMap<Integer, String> rejectedMembers) {
    this.values = values;
    this.rejectedMembers = Collections.unmodifiableSortedMap(new TreeMap<>(rejectedMembers));
  }

  /** The decoded sum vector (a copy), one signed value per input coordinate. */
  public long[] values() {
    return values.clone();
  }

  /**
   * Committee members (party indices) that sent at least one invalid partial decryption, or a
   * response of the wrong shape, each with the first rule it broke. Empty in an honest run.
   */
  public SortedMap<Integer, String> rejectedMembers() {
    return rejectedMembers;
  }

  @Override
  public String toString() {
    return "DecryptedSum[" + values.length + " values, rejected members " + rejectedMembers.keySet() + "]";
  }
}
