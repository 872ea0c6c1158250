package io.secagg.core.protocol.server;

import io.secagg.core.crypto.SecretBytes;
import io.secagg.core.protocol.AbortReason;
import io.secagg.core.protocol.internal.Derivations;
import io.secagg.core.protocol.internal.Masking;
import io.secagg.core.protocol.internal.ProtocolViolation;
import io.secagg.core.vector.ModVector;
import java.security.InvalidKeyException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Removes every remaining mask from the accumulator: the self mask of each survivor and, for
 * each dropped client v, the pairwise mask each surviving neighbour u applied for v (seed from
 * X25519(s_v^SK, s_u^PK)).
 *
 * <p>The work is a flat list of mask regenerations. With parallelism P there are P workers:
 * worker 0 runs on the calling thread straight into the accumulator, workers 1..P-1 run on the
 * caller's executor, each into its own zero vector, added at the end. Workers take the next task
 * from a shared counter rather than a fixed slice, so a worker that gets less CPU (a shared
 * machine, an unequal executor) does not leave the others idle at the end. Addition mod m is
 * commutative, so the result does not depend on scheduling.
 */
final class Unmasker {
  private final ServerContext ctx;

  Unmasker(ServerContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Removes every mask of {@code tasks} from the accumulator.
   *
   * @throws ProtocolViolation {@code KEY_AGREEMENT_FAILED} if a pairwise key agreement yields the
   *     all-zero secret
   */
  void unmask(List<UnmaskTask> tasks) throws ProtocolViolation {
    int parts = ctx.options.executor() == null ? 1 : Math.min(ctx.options.parallelism(), Math.max(1, tasks.size()));
    AtomicInteger next = new AtomicInteger();
    List<ModVector> locals = new ArrayList<>();
    List<CompletableFuture<Void>> futures = new ArrayList<>();
    for (int p = 1; p < parts; p++) {
      ModVector local = ctx.newVector();
      locals.add(local);
      try {
        futures.add(
            CompletableFuture.runAsync(
                () -> runPart(tasks, next, local), ctx.options.executor()));
      } catch (RejectedExecutionException e) {
        // A saturated or shut-down executor: the calling thread's worker takes the tasks instead.
      }
    }
    RuntimeException failure = null;
    try {
      runPart(tasks, next, ctx.accumulator);
    } catch (RuntimeException e) {
      failure = e;
    }
    for (CompletableFuture<Void> f : futures) {
      try {
        f.join();
      } catch (CompletionException | java.util.concurrent.CancellationException e) {
        if (failure == null) {
          failure = e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : e;
        }
      }
    }
    if (failure != null) {
      for (int i = 0; i < locals.size(); i++) {
        ctx.vectorReleased();
      }
      if (failure.getCause() instanceof InvalidKeyException || failure instanceof KeyAgreementFailure) {
        throw new ProtocolViolation(
            AbortReason.KEY_AGREEMENT_FAILED, "a pairwise key agreement failed during unmasking");
      }
      throw failure;
    }
    for (ModVector local : locals) {
      ctx.accumulator.addInPlace(local);
      ctx.vectorReleased();
    }
  }

  private void runPart(List<UnmaskTask> tasks, AtomicInteger next, ModVector acc) {
    Masking masking = ctx.masking;
    byte[] sessionId = ctx.sessionId;
    for (int i = next.getAndIncrement(); i < tasks.size(); i = next.getAndIncrement()) {
      UnmaskTask task = tasks.get(i);
      if (task instanceof UnmaskTask.SelfMask) {
        UnmaskTask.SelfMask self = (UnmaskTask.SelfMask) task;
        masking.subtractSelfMask(acc, self.seed(), sessionId, self.client());
        continue;
      }
      UnmaskTask.PairwiseMask pair = (UnmaskTask.PairwiseMask) task;
      int u = pair.survivor();
      int v = pair.dropped();
      SecretBytes shared;
      try {
        shared = ctx.x25519.agree(pair.droppedKey(), ctx.keys(u).maskingPublicKey());
      } catch (InvalidKeyException e) {
        throw new KeyAgreementFailure();
      }
      SecretBytes seed = Derivations.pairwiseSeed(shared, sessionId, u, v);
      shared.destroy();
      try {
        masking.removePairwiseMaskOf(acc, seed, sessionId, u, v);
      } finally {
        seed.destroy();
      }
    }
  }

  /** A key agreement produced the all-zero secret; carried out of worker tasks unchecked. */
  private static final class KeyAgreementFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    KeyAgreementFailure() {
      super("key agreement failed", null, false, false);
    }
  }
}
