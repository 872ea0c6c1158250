package io.secagg.core.protocol.server;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * How the server may use the caller's threads. The machine creates no threads: unmasking (mask
 * regeneration for survivors and dropped clients) runs on the calling thread, plus, if an
 * {@link Executor} is given, on {@code parallelism - 1} tasks submitted to it, each with its own
 * accumulator, summed at the end. Memory is then {@code parallelism} vectors during unmasking
 * and one otherwise.
 */
public final class ServerOptions {
  private static final ServerOptions DEFAULT = new ServerOptions(null, 1);
  /** The largest parallelism accepted. */
  public static final int MAX_PARALLELISM = 256;

  private final Executor executor;
  private final int parallelism;

  private ServerOptions(Executor executor, int parallelism) {
    this.executor = executor;
    this.parallelism = parallelism;
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
    if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
      throw new IllegalArgumentException(
          "Invalid parallelism " + parallelism + "; must be 1.." + MAX_PARALLELISM);
    }
    return new ServerOptions(executor, parallelism);
  }

  /** The executor, or null to use only the calling thread. */
  public Executor executor() {
    return executor;
  }

  /** The number of parts unmasking is split into (1 without an executor). */
  public int parallelism() {
    return parallelism;
  }

  @Override
  public String toString() {
    return "ServerOptions[parallelism=" + parallelism + "]";
  }
}
