package io.secagg.federated;

import io.secagg.core.transport.InMemoryNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one averaging round in this JVM: the server on the calling thread, each client on its own
 * thread over an {@link InMemoryNetwork}. Clients whose update is null do not take part.
 */
final class InMemoryRound {
  /** What the server returned, or what it threw, and each client's outcome. */
  static final class Outcome {
    AveragingRound result;
    Exception serverFailure;
    final List<Contribution> contributions = new ArrayList<>();
    final List<Exception> clientFailures = new ArrayList<>();
  }

  private InMemoryRound() {}

  static Outcome run(AveragingServer server, AveragingClient[] clients, long round,
      double[][] updates) throws InterruptedException {
    int n = server.parameters().clients();
    InMemoryNetwork network = new InMemoryNetwork(n);
    ExecutorService pool = Executors.newFixedThreadPool(n);
    List<Future<Contribution>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        if (updates[i] == null) {
          continue;
        }
        AveragingClient c = clients[i];
        double[] u = updates[i];
        futures.add(pool.submit(() -> c.submit(round, u, network.clientEndpoint(c.clientId()))));
      }
      Outcome out = new Outcome();
      try {
        out.result = server.aggregate(round, network.serverEndpoint());
      } catch (Exception e) {
        out.serverFailure = e;
      }
      for (Future<Contribution> f : futures) {
        try {
          out.contributions.add(f.get());
        } catch (java.util.concurrent.ExecutionException e) {
          out.clientFailures.add((Exception) e.getCause());
        }
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
