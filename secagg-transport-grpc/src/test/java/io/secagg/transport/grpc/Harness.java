package io.secagg.transport.grpc;

import io.secagg.core.vector.ModVector;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** A started TLS server on loopback plus a pool for client threads. */
final class Harness implements AutoCloseable {
  final TestPki pki;
  final GroupPlan plan;
  final boolean mutual;
  final SecAggGrpcServer server;
  final List<ModVector> inputs;
  final ExecutorService pool;

  Harness(TestPki pki, GroupPlan plan, boolean mutual, Duration join, Duration round) throws Exception {
    this(pki, plan, mutual, SecAggGrpcServer.builder(plan, pki.serverTls(mutual)).host("127.0.0.1")
        .joinTimeout(join).roundTimeout(round).helloTimeout(Duration.ofSeconds(2)));
  }

  Harness(TestPki pki, GroupPlan plan, boolean mutual, SecAggGrpcServer.Builder builder) throws Exception {
    this.pki = pki;
    this.plan = plan;
    this.mutual = mutual;
    this.server = builder.build().start();
    this.inputs = TestPki.inputs(plan.participantCount(), plan.vectorLength(), plan.participantCount());
    this.pool = TestPki.threads(plan.participantCount() + 4);
  }

  SecAggGrpcClient.Builder client(int id) throws Exception {
    ClientTls tls = mutual ? pki.clientTls(id) : pki.clientTls();
    return SecAggGrpcClient.builder("127.0.0.1", server.port(), tls).participantId(id)
        .connectWindow(Duration.ofSeconds(10)).idleTimeout(Duration.ofSeconds(30));
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

  <T> Future<T> submit(Callable<T> task) {
    return pool.submit(task);
  }

  GroupedResult run() throws Exception {
    return server.runRound();
  }

  ModVector sumOf(List<Integer> participants) {
    return TestPki.plainSum(inputs, participants);
  }

  @Override
  public void close() throws InterruptedException {
    server.close();
    pool.shutdownNow();
    pool.awaitTermination(5, TimeUnit.SECONDS);
  }
}
