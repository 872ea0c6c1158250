package io.secagg.he;

import java.math.BigInteger;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A bounded pool of randomizers precomputed by another {@link RandomizerSource}, so that
 * encryption itself costs one modular multiplication. Thread-safe.
 *
 * <p>Each randomizer is removed from the pool when handed out, so none is ever used twice. When
 * the pool is empty the caller's thread computes a fresh one: encryption never blocks on the
 * pool and never proceeds without a fresh randomizer. With {@link #fillInBackground}, a task on
 * the given executor tops the pool up whenever it falls below half its capacity. The pool holds
 * secret values (a randomizer reveals the plaintext of the ciphertext it is used in): keep it
 * in process memory only.
 */
public final class RandomizerPool extends RandomizerSource implements AutoCloseable {
  private final RandomizerSource inner;
  private final ArrayBlockingQueue<BigInteger> queue;
  private final int capacity;
  private final AtomicBoolean filling = new AtomicBoolean();
  private volatile Executor background;
  private volatile boolean closed;

  private RandomizerPool(RandomizerSource inner, int capacity) {
    this.inner = inner;
    this.capacity = capacity;
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  /**
   * An empty pool over {@code inner}.
   *
   * @param capacity 1 to 2^20 randomizers
   * @throws IllegalArgumentException if {@code capacity} is out of range
   * @throws NullPointerException if {@code inner} is null
   */
  public static RandomizerPool over(RandomizerSource inner, int capacity) {
    Objects.requireNonNull(inner, "inner");
    if (capacity < 1 || capacity > (1 << 20)) {
      throw new IllegalArgumentException("capacity must be 1..2^20, got " + capacity);
    }
    return new RandomizerPool(inner, capacity);
  }

  @Override
  public PaillierPublicKey publicKey() {
    return inner.publicKey();
  }

  /** The pool's capacity. */
  public int capacity() {
    return capacity;
  }

  /** The number of randomizers ready now. */
  public int available() {
    return queue.size();
  }

  /**
   * Computes randomizers on the caller's thread until the pool holds
   * {@code min(count, capacity)} or more.
   *
   * @throws IllegalStateException if the pool is closed
   */
  public void prefill(int count) {
    checkOpen();
    int target = Math.min(Math.max(count, 0), capacity);
    while (!closed && queue.size() < target) {
      if (!queue.offer(inner.next())) {
        break;
      }
    }
  }

  /**
   * Starts keeping the pool topped up by tasks on {@code executor}; fills it now.
   *
   * @throws IllegalStateException if the pool is closed
   * @throws NullPointerException if {@code executor} is null
   */
  public void fillInBackground(Executor executor) {
    checkOpen();
    this.background = Objects.requireNonNull(executor, "executor");
    scheduleRefill();
  }

  private void scheduleRefill() {
    Executor ex = background;
    if (ex != null && !closed && filling.compareAndSet(false, true)) {
      ex.execute(
          () -> {
            try {
              while (!closed && queue.remainingCapacity() > 0) {
                queue.offer(inner.next());
              }
            } finally {
              filling.set(false);
            }
          });
    }
  }

  @Override
  BigInteger next() {
    checkOpen();
    BigInteger r = queue.poll();
    if (queue.size() < capacity / 2) {
      scheduleRefill();
    }
    return r != null ? r : inner.next();
  }

  /** Stops background filling and drops every pooled randomizer. Idempotent. */
  @Override
  public void close() {
    closed = true;
    background = null;
    queue.clear();
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("randomizer pool is closed");
    }
  }

  @Override
  public String toString() {
    return "RandomizerPool[" + queue.size() + "/" + capacity + " over " + inner + "]";
  }
}
