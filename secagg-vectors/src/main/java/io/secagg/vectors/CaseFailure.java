package io.secagg.vectors;

import java.util.Objects;

/**
 * One failure found in a vector file.
 *
 * @param tcId the failing case's {@code tcId} (1 or more), or 0 when the failure concerns the file
 *     or a test group as a whole (the file does not parse, no checker understands it, its
 *     {@code numberOfTests} is wrong, ...)
 * @param comment the case's {@code comment}, empty for a file-level failure
 * @param error what went wrong: the value that was not reproduced, or the error that was expected
 *     and what happened instead
 */
public record CaseFailure(int tcId, String comment, String error) {
  /**
   * Validates the components.
   *
   * @throws NullPointerException if {@code comment} or {@code error} is null
   * @throws IllegalArgumentException if {@code tcId} is negative
   */
  public CaseFailure {
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(error, "error");
    if (tcId < 0) {
      throw new IllegalArgumentException("Invalid tcId " + tcId + "; must be 0 (file) or positive");
    }
  }

  /** True if this failure concerns the file or a group rather than one case. */
  public boolean isFileLevel() {
    return tcId == 0;
  }

  /** {@code "tcId 7 (comment): error"}, or {@code "file: error"} for a file-level failure. */
  @Override
  public String toString() {
    return isFileLevel() ? "file: " + error : "tcId " + tcId + " (" + comment + "): " + error;
  }
}
