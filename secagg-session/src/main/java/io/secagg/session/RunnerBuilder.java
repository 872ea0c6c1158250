package io.secagg.session;

import java.util.Objects;

/**
 * The settings every round runner's builder shares: the seed of a simulation, the listener and
 * the worker threads. Package-private: each runner's public {@code Builder} extends it.
 *
 * @param <B> the concrete builder, returned by every setter for chaining
 */
abstract class RunnerBuilder<B extends RunnerBuilder<B>> {
  /** The largest number of worker threads a runner takes. */
  static final int MAX_THREADS = 64;

  Long seed;
  RoundListener listener = RoundListener.none();
  int threads = 1;

  RunnerBuilder() {}

  abstract B self();

  /**
   * Derives every random value of the run from {@code seed}, so that it repeats byte for byte
   * (timings aside): for simulations and tests only, since anyone who knows the seed knows every
   * secret. Without it every party draws from its own {@code SecureRandom}.
   *
   * @return this builder
   */
  public B seed(long seed) {
    this.seed = seed;
    return self();
  }

  /**
   * Observes the run's phases (default: none).
   *
   * @return this builder
   * @throws NullPointerException if {@code listener} is null
   */
  public B listener(RoundListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
    return self();
  }

  /**
   * Worker threads, the calling thread included (default 1): the server's unmasking threads of a
   * SecAgg round, the vector work of each Paillier operation.
   *
   * @return this builder
   * @throws IllegalArgumentException if {@code threads} is outside 1..{@value #MAX_THREADS}
   */
  public B threads(int threads) {
    if (threads < 1 || threads > MAX_THREADS) {
      throw new IllegalArgumentException("Invalid thread count " + threads + "; must be 1.." + MAX_THREADS);
    }
    this.threads = threads;
    return self();
  }

  /**
   * Checks a builder's client count against the runner's floor and the smaller of the
   * configuration's and the runner's ceilings, so every runner words the error alike.
   *
   * @return {@code n}
   * @throws IllegalArgumentException if {@code n} is outside {@code min..min(configMax, runnerMax)}
   */
  static int checkClientCount(int n, int min, int configMax, int runnerMax) {
    int max = Math.min(configMax, runnerMax);
    if (n < min || n > max) {
      throw new IllegalArgumentException("Invalid client count " + n + "; must be " + min + ".." + max);
    }
    return n;
  }

  /** The run's randomness: seeded, or a fresh {@code SecureRandom} per party. */
  Randomness randomness() {
    return seed != null ? Randomness.seeded(seed) : Randomness.secure();
  }
}
