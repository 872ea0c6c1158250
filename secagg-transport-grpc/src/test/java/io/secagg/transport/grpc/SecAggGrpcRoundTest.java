package io.secagg.transport.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.session.GroupPlan;
import io.secagg.core.session.GroupedResult;
import io.secagg.core.vector.ModVector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Whole rounds over TLS on loopback, server and clients in threads of this JVM. */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class SecAggGrpcRoundTest {
  @TempDir Path dir;

  @Test
  void completesRoundOverTlsWithSumOfAllInputs() throws Exception {
    TestPki pki = TestPki.create(dir);
    int n = 5;
    int length = 100;
    List<ModVector> inputs = TestPki.inputs(n, length, 1);
    GroupPlan plan = GroupPlan.single(TestPki.config(n, length));
    ExecutorService pool = TestPki.threads(n);
    try (SecAggGrpcServer server =
        Harness.server(pki, plan, false).build().start()) {
      List<Callable<Participation>> tasks = new ArrayList<>();
      for (int p = 1; p <= n; p++) {
        int id = p;
        tasks.add(() -> {
          try (SecAggGrpcClient c =
              SecAggGrpcClient.builder("127.0.0.1", server.port(), pki.clientTls()).participantId(id)
                  .connectWindow(Harness.GENEROUS).build()) {
            return c.participate(inputs.get(id - 1));
          }
        });
      }
      List<Future<Participation>> futures = TestPki.submitAll(pool, tasks);
      GroupedResult result = server.runRound();
      assertTrue(result.allGroupsCompleted());
      List<Integer> all = IntStream.rangeClosed(1, n).boxed().collect(Collectors.toList());
      assertEquals(all, result.includedParticipants());
      assertEquals(TestPki.plainSum(inputs, all), result.sum());
      for (Future<Participation> f : futures) {
        Participation p = Harness.due(f);
        assertTrue(p.completed(), p.toString());
        assertEquals(0, p.reconnects());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
