package io.secagg.he.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/** Runs an index range in chunks over an {@link Executor} and waits for all of them. */
public final class Parallel {
  private Parallel() {}

  /**
   * The work for one index; it may throw one checked exception type.
   *
   * @param <E> the checked exception the body may throw
   */
  @FunctionalInterface
  public interface Body<E extends Exception> {
    /** Does the work for index {@code i}. */
    void accept(int i) throws E;
  }

  /** Carries a body's checked exception across the executor; never escapes this class. */
  private static final class Carrier extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Carrier(Exception cause) {
      super(cause);
    }
  }

  /**
   * Calls {@code body.accept(i)} for every {@code i} in {@code [0, count)}, in about
   * {@code chunks} contiguous tasks on {@code executor}, and returns when all are done. An
   * exception thrown by a task (checked or not) is rethrown unwrapped on the caller's thread.
   */
  public static <E extends Exception> void forEach(int count, int chunks, Executor executor, Body<E> body)
      throws E {
    if (count == 0) {
      return;
    }
    int tasks = Math.max(1, Math.min(chunks, count));
    int per = (count + tasks - 1) / tasks;
    List<CompletableFuture<Void>> futures = new ArrayList<>(tasks);
    for (int start = 0; start < count; start += per) {
      int from = start;
      int to = Math.min(count, start + per);
      futures.add(
          CompletableFuture.runAsync(
              () -> {
                for (int i = from; i < to; i++) {
                  try {
                    body.accept(i);
                  } catch (RuntimeException e) {
                    throw e;
                  } catch (Exception e) {
                    throw new Carrier(e);
                  }
                }
              },
              executor));
    }
    try {
      CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Carrier) {
        @SuppressWarnings("unchecked") // only a body of type Body<E> can have thrown it
        E checked = (E) cause.getCause();
        throw checked;
      }
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw e;
    }
  }
}
