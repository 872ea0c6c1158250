package io.secagg.transport.grpc;

import io.secagg.core.session.GroupPlan;
import io.secagg.core.session.GroupedResult;
import io.secagg.core.vector.ModVector;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A started TLS server on loopback plus a pool for client threads.
 *
 * <p>No verdict of these tests may depend on the machine's speed. So every real deadline is
 * {@link #GENEROUS}, far beyond what any step takes even on a loaded machine; a test that needs a
 * participant to miss a round ends that round through {@link ServerHooks} once the others'
 * answers are queued ({@link #expireWhenQueued}); and waits for something that must happen use
 * {@link #PATIENCE_SECONDS}, a safety net against hangs rather than a measurement.
 */
final class Harness implements AutoCloseable {
  /** Every real deadline of the server and the clients: never reached by a passing test. */
  static final Duration GENEROUS = Duration.ofMinutes(5);

  /** How long a test waits for a result that is due (a hang guard, not a timing check). */
  static final long PATIENCE_SECONDS = 120;

  final TestPki pki;
  final GroupPlan plan;
  final boolean mutual;
  final SecAggGrpcServer server;
  final List<ModVector> inputs;
  final ExecutorService pool;

  /** A server of {@code plan} with generous deadlines and no hooks. */
  Harness(TestPki pki, GroupPlan plan, boolean mutual) throws Exception {
    this(pki, plan, mutual, ServerHooks.NONE);
  }

  /** A server of {@code plan} with generous deadlines and {@code hooks}. */
  Harness(TestPki pki, GroupPlan plan, boolean mutual, ServerHooks hooks) throws Exception {
    this(pki, plan, mutual, server(pki, plan, mutual).hooks(hooks));
  }

  Harness(TestPki pki, GroupPlan plan, boolean mutual, SecAggGrpcServer.Builder builder) throws Exception {
    this.pki = pki;
    this.plan = plan;
    this.mutual = mutual;
    this.server = builder.build().start();
    this.inputs = TestPki.inputs(plan.participantCount(), plan.vectorLength(), plan.participantCount());
    this.pool = TestPki.threads(plan.participantCount() + 4);
  }

  /**
   * A server builder on loopback with every deadline {@link #GENEROUS}, the resume grace included:
   * a broken stream that a loaded machine resumes late must still count as resumed, never as gone.
   */
  static SecAggGrpcServer.Builder server(TestPki pki, GroupPlan plan, boolean mutual) throws Exception {
    return SecAggGrpcServer.builder(plan, pki.serverTls(mutual)).host("127.0.0.1")
        .joinTimeout(GENEROUS).roundTimeout(GENEROUS).helloTimeout(GENEROUS).resumeGrace(GENEROUS);
  }

  /**
   * Hooks that end a group's current round once every one of {@code participants} has had its
   * frame {@code seq} queued: frame 1 answers ADVERTISE_KEYS (the join), 2 SHARE_KEYS, 3
   * MASKED_INPUT_COLLECTION, then CONSISTENCY_CHECK (malicious mode) and UNMASKING. The
   * participants must be in one group.
   */
  static ServerHooks expireWhenQueued(long seq, Integer... participants) {
    Set<Integer> waiting = ConcurrentHashMap.newKeySet();
    waiting.addAll(List.of(participants));
    AtomicBoolean fired = new AtomicBoolean();
    return new ServerHooks() {
      @Override
      public boolean expireRoundAfterQueued(int participant, long frame) {
        if (frame != seq || !waiting.remove(participant)) {
          return false;
        }
        return waiting.isEmpty() && fired.compareAndSet(false, true);
      }
    };
  }

  SecAggGrpcClient.Builder client(int id) throws Exception {
    ClientTls tls = mutual ? pki.clientTls(id) : pki.clientTls();
    return SecAggGrpcClient.builder("127.0.0.1", server.port(), tls).participantId(id)
        .connectWindow(GENEROUS).idleTimeout(GENEROUS);
  }

  Future<Participation> join(int id) throws Exception {
    return join(client(id), id);
  }

  Future<Participation> join(SecAggGrpcClient.Builder builder, int id) {
    return pool.submit(() -> {
      try (SecAggGrpcClient c = builder.build()) {
        return c.participate(inputs.get(id - 1));
      }
    });
  }

  /** Joins {@code id} with a client whose channel shuts down for good right after frame {@code seq}. */
  Future<Participation> joinDyingAfter(int id, long seq) throws Exception {
    return join(client(id).hooks(new ClientHooks() {
      @Override
      public boolean dieAfterSend(long sent) {
        return sent == seq;
      }
    }), id);
  }

  <T> Future<T> submit(Callable<T> task) {
    return pool.submit(task);
  }

  GroupedResult run() throws Exception {
    return server.runRound();
  }

  ModVector sumOf(List<Integer> participants) {
    return TestPki.plainSum(inputs, participants);
  }

  /** The result of a participation that is due, waiting at most {@link #PATIENCE_SECONDS}. */
  static <T> T due(Future<T> f) throws Exception {
    return f.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    server.close();
    pool.shutdownNow();
    try {
      pool.awaitTermination(PATIENCE_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
