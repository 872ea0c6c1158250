package io.secagg.vectors;

import java.util.List;
import java.util.Objects;

/**
 * The verdict on a set of known-answer files.
 *
 * @param source where the files came from: {@code "bundled"} or the folder that was verified
 * @param files one report per file, in path order
 */
public record VerificationReport(String source, List<FileReport> files) {
  /**
   * Copies the list.
   *
   * @throws NullPointerException if an argument is null
   */
  public VerificationReport {
    Objects.requireNonNull(source, "source");
    files = List.copyOf(files);
  }

  /** True iff there is at least one file and every file is {@link FileReport#ok()}. */
  public boolean ok() {
    return !files.isEmpty() && files.stream().allMatch(FileReport::ok);
  }

  /** The number of cases over all files. */
  public int cases() {
    return files.stream().mapToInt(FileReport::cases).sum();
  }

  /** The number of passing cases over all files. */
  public int passed() {
    return files.stream().mapToInt(FileReport::passed).sum();
  }
}
