package io.secagg.vectors;

import java.util.List;
import java.util.Objects;

/**
 * The verdict on one known-answer file.
 *
 * @param file the file's path relative to the folder that was verified, with {@code /} as the
 *     separator (for example {@code v1/x25519_test.json})
 * @param algorithm the file's {@code algorithm} field, empty if the file could not be read
 * @param cases the number of test cases found in the file
 * @param passed the number of cases that passed
 * @param failures every failure, file-level ones ({@code tcId} 0) first, then by case in file order
 * @param skipped empty, or why this verifier does not run the file (it names the module whose
 *     own tests check it); a skipped file has no cases and no failures
 */
public record FileReport(
    String file, String algorithm, int cases, int passed, List<CaseFailure> failures,
    String skipped) {
  /**
   * Validates the components and copies the list.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the counts are negative or {@code passed > cases}
   */
  public FileReport {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(skipped, "skipped");
    failures = List.copyOf(failures);
    if (!skipped.isEmpty() && (cases != 0 || !failures.isEmpty())) {
      throw new IllegalArgumentException("a skipped file has no cases and no failures");
    }
    if (cases < 0 || passed < 0 || passed > cases) {
      throw new IllegalArgumentException(
          "Invalid counts: " + passed + " passed of " + cases + " cases");
    }
  }

  /** The number of cases that failed: {@code cases - passed}. */
  public int failed() {
    return cases - passed;
  }

  /**
   * True iff the file is skipped, or it has at least one case, every case passed and there is no
   * file-level failure.
   */
  public boolean ok() {
    return isSkipped() || (cases > 0 && failures.isEmpty());
  }

  /** True if this verifier did not run the file ({@link #skipped()} says why). */
  public boolean isSkipped() {
    return !skipped.isEmpty();
  }
}
