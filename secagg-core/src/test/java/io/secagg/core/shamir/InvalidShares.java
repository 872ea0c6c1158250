package io.secagg.core.shamir;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.function.Executable;

/** Assertions on {@link InvalidShareException} shared by the shamir tests. */
final class InvalidShares {
  private InvalidShares() {}

  /** The reason of the {@link InvalidShareException} {@code call} must throw. */
  static InvalidShareException.Reason reasonOf(Executable call) {
    return assertThrows(InvalidShareException.class, call).reason();
  }
}
