package io.secagg.core.testing;

/**
 * How long one {@code @FuzzTest} fuzzes when run in fuzzing mode ({@code docs/fuzzing.md}):
 * until stopped (Ctrl-C, or {@code timeout} around the command) or until a finding, with a week
 * as the formal limit. Regression runs, the default in every build, ignore it.
 */
public final class FuzzBudget {
  /** A week, in Jazzer's duration syntax. */
  public static final String UNTIL_STOPPED = "168h";

  private FuzzBudget() {}
}
