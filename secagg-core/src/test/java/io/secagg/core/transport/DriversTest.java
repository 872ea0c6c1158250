package io.secagg.core.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.secagg.core.protocol.AbortReason;
import io.secagg.core.protocol.AggregationResult;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.protocol.client.ClientAborted;
import io.secagg.core.protocol.client.ClientCompleted;
import io.secagg.core.protocol.client.ClientMachine;
import io.secagg.core.protocol.client.ClientState;
import io.secagg.core.protocol.server.ServerMachine;
import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The drivers on real threads over the in-memory network (no timing assertions). */
class DriversTest {
  private static SecAggConfig config() {
    return SecAggConfig.builder().clientCount(5).threshold(3).vectorLength(6)
        .modulus(Modulus.powerOfTwo(16)).completeGraph().build();
  }

  private static ModVector input(SecAggConfig c, int id) {
    long[] e = new long[c.vectorLength()];
    for (int i = 0; i < e.length; i++) {
      e[i] = (id * 1000L + i) & 0xffff;
    }
    return ModVector.of(c.modulus(), e);
  }

  /**
   * The server's end of {@code net}, with a logical clock: time stands still until {@code
   * expireAfter} frames have been received, then jumps far past any deadline. A session whose
   * first round must end without a client thus ends it right after the last expected answer,
   * however slow the machine (a real 300 ms deadline would drop slow clients too).
   */
  private static final class ExpiringEndpoint implements ServerTransport {
    private final ServerTransport inner;
    private final int expireAfter;
    private final AtomicLong now = new AtomicLong();
    private int received;

    ExpiringEndpoint(ServerTransport inner, int expireAfter) {
      this.inner = inner;
      this.expireAfter = expireAfter;
    }

    long nanoTime() {
      return now.get();
    }

    @Override
    public void send(int clientId, byte[] frame) throws java.io.IOException {
      inner.send(clientId, frame);
    }

    @Override
    public InboundFrame receive(Duration timeout) throws java.io.IOException, InterruptedException {
      InboundFrame f = inner.receive(timeout);
      if (f != null && ++received == expireAfter) {
        now.addAndGet(Duration.ofDays(1).toNanos());
      }
      return f;
    }
  }

  @Test
  void aSessionCompletesOverThreadsWithOneClientNeverStarted() throws Exception {
    SecAggConfig c = config();
    InMemoryNetwork net = new InMemoryNetwork(5);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<ClientState>> clients = new ArrayList<>();
      for (int id = 1; id <= 4; id++) {
        ClientMachine m = ClientMachine.builder(c, id).input(input(c, id)).build();
        ClientDriver d = ClientDriver.builder(m, net.clientEndpoint(id)).idleTimeout(Duration.ofMinutes(5)).build();
        clients.add(pool.submit(d::run));
      }
      ServerMachine server = ServerMachine.builder(c).build();
      // The first round ends once the four running clients have advertised their keys; every
      // later one has all its (four) answers long before its deadline.
      ExpiringEndpoint endpoint = new ExpiringEndpoint(net.serverEndpoint(), 4);
      AggregationResult result =
          ServerDriver.builder(server, endpoint)
              .roundTimeout(Duration.ofMinutes(5))
              .clock(endpoint::nanoTime)
              .build().run();
      assertEquals(List.of(1, 2, 3, 4), result.includedClients());
      ModVector expected = ModVector.zeros(c.modulus(), c.vectorLength());
      for (int id = 1; id <= 4; id++) {
        expected.addInPlace(input(c, id));
      }
      assertEquals(expected, result.sum());
      for (Future<ClientState> f : clients) {
        assertInstanceOf(ClientCompleted.class, f.get(5, TimeUnit.MINUTES));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theServerDriverThrowsWhenTooFewClientsShowUp() {
    SecAggConfig c = config();
    InMemoryNetwork net = new InMemoryNetwork(5);
    ServerMachine server = ServerMachine.builder(c).build();
    // Every deadline has passed at once: no client ever answers.
    ServerDriver d = ServerDriver.builder(server, net.serverEndpoint()).roundTimeout(Duration.ZERO).build();
    SessionAbortedException e = assertThrows(SessionAbortedException.class, d::run);
    assertEquals(AbortReason.TOO_FEW_SURVIVORS, e.reason());
  }

  @Test
  void aClientDriverGivesUpAfterTheIdleTimeout() throws Exception {
    SecAggConfig c = config();
    InMemoryNetwork net = new InMemoryNetwork(5);
    ClientMachine m = ClientMachine.builder(c, 1).input(input(c, 1)).build();
    long[] now = {0};
    ClientState end =
        ClientDriver.builder(m, net.clientEndpoint(1)).idleTimeout(Duration.ofSeconds(1))
            .clock(() -> now[0] += 2_000_000_000L).build().run();
    assertEquals(AbortReason.CANCELLED, ((ClientAborted) end).reason());
  }
}
