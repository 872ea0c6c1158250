package io.secagg.core.internal;

import io.secagg.core.vector.ModVector;
import java.util.Objects;

/**
 * Hands the primitive storage of a {@link ModVector} to other secagg-core packages (the mask
 * generator adds keystream straight into it), without making the arrays part of the public API.
 *
 * <p>{@code ModVector} registers the only {@link Accessor} from its static initialiser; this
 * package is not exported, so code outside the module cannot reach it on the module path.
 */
public final class VectorStorage {
  /** Read-write access to a vector's backing array. */
  public interface Accessor {
    /** The backing {@code int[]} of {@code v}, or null if {@code v} is backed by longs. */
    int[] ints(ModVector v);

    /** The backing {@code long[]} of {@code v}, or null if {@code v} is backed by ints. */
    long[] longs(ModVector v);
  }

  private static volatile Accessor accessor;

  private VectorStorage() {}

  /**
   * Installs the accessor; called once by {@code ModVector}.
   *
   * @throws IllegalStateException if an accessor is already installed
   */
  public static synchronized void install(Accessor a) {
    Objects.requireNonNull(a, "accessor");
    if (accessor != null) {
      throw new IllegalStateException("vector storage accessor already installed");
    }
    accessor = a;
  }

  /** The installed accessor, initialising {@code ModVector} first if nobody has yet. */
  public static Accessor get() {
    Accessor a = accessor;
    if (a == null) {
      try {
        Class.forName(ModVector.class.getName(), true, ModVector.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      a = accessor;
      if (a == null) {
        throw new IllegalStateException("ModVector did not install its storage accessor");
      }
    }
    return a;
  }
}
