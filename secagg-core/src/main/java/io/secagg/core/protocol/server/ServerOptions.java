package io.secagg.core.protocol.server;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * How the server may use the caller's threads. The machine creates no threads: unmasking (mask
 * regeneration for survivors and dropped clients) runs on the calling thread, plus, if an
 * {@link Executor} is given, on {@code parallelism - 1} tasks submitted to it, each with its own
 * accumulator, summed at the end. Memory is then {@code parallelism} vectors during unmasking
 * and one otherwise.
 *
 * @param executor the executor, or null to use only the calling thread
 * @param parallelism the number of parts unmasking is split into (1 without an executor)
 */
public record ServerOptions(Executor executor, int parallelism) {
  /** The largest parallelism accepted. */
  public static final int MAX_PARALLELISM = 256;

  private static final ServerOptions DEFAULT = new ServerOptions(null, 1);

  /**
   * @throws IllegalArgumentException if {@code parallelism} is outside 1..{@value
   *     #MAX_PARALLELISM}, or above 1 without an executor
   */
  public ServerOptions {
    if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
      throw new IllegalArgumentException(
          "Invalid parallelism " + parallelism + "; must be 1.." + MAX_PARALLELISM);
    }
    if (executor == null && parallelism != 1) {
      throw new IllegalArgumentException("parallelism " + parallelism + " needs an executor");
    }
  }

  /** Everything on the calling thread. */
  public static ServerOptions defaults() {
    return DEFAULT;
  }

  /**
   * Unmasking split into {@code parallelism} parts, {@code parallelism - 1} of them run on
   * {@code executor}.
   *
   * @throws NullPointerException if {@code executor} is null
   * @throws IllegalArgumentException if {@code parallelism} is outside 1..{@value
   *     #MAX_PARALLELISM}
   */
  public static ServerOptions withExecutor(Executor executor, int parallelism) {
    Objects.requireNonNull(executor, "executor");
    return new ServerOptions(executor, parallelism);
  }

  @Override
  public String toString() {
    return "ServerOptions[parallelism=" + parallelism + "]";
  }
}
