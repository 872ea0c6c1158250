package io.secagg.he.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.IntConsumer;

/** Runs an index range in chunks over an {@link Executor} and waits for all of them. */
public final class Parallel {
  private Parallel() {}

  /**
   * Calls {@code body.accept(i)} for every {@code i} in {@code [0, count)}, in about
   * {@code chunks} contiguous tasks on {@code executor}, and returns when all are done. A
   * runtime exception thrown by a task is rethrown unwrapped on the caller's thread.
   */
  public static void forEach(int count, int chunks, Executor executor, IntConsumer body) {
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
                  body.accept(i);
                }
              },
              executor));
    }
    try {
      CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
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
