package io.secagg.he.internal;

/** Argument checks shared by the builders and factories of secagg-he. */
public final class Args {
  private Args() {}

  /**
   * Returns {@code value} if it lies in {@code [min, max]}.
   *
   * @param name the parameter's name, as the exception message states it
   * @throws IllegalArgumentException {@code "<name> must be <min>..<max>, got <value>"} otherwise
   */
  public static int inRange(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", got " + value);
    }
    return value;
  }
}
