package io.secagg.core.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.protocol.AbortReason;
import io.secagg.core.protocol.AggregationResult;
import io.secagg.core.protocol.ClientMessage;
import io.secagg.core.protocol.Dropout;
import io.secagg.core.protocol.LeaveReason;
import io.secagg.core.protocol.Round;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.protocol.ServerMessage;
import io.secagg.core.protocol.client.ClientMachine;
import io.secagg.core.protocol.client.ClientCompleted;
import io.secagg.core.protocol.server.ServerMachine;
import io.secagg.core.session.RoundStats;
import io.secagg.core.session.SessionListener;
import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;
import io.secagg.core.wire.WireCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
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
      List<Future<ClientResult>> clients = new ArrayList<>();
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
      for (Future<ClientResult> f : clients) {
        ClientResult r = f.get(5, TimeUnit.MINUTES);
        assertTrue(r.completed(), r::toString);
        assertInstanceOf(ClientCompleted.class, r.finalState());
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
    ClientResult end =
        ClientDriver.builder(m, net.clientEndpoint(1)).idleTimeout(Duration.ofSeconds(1))
            .clock(() -> now[0] += 2_000_000_000L).build().run();
    assertFalse(end.completed());
    assertEquals(Optional.of(AbortReason.CANCELLED), end.abortReason());
    assertEquals(1, end.clientId());
  }

  /** Runs {@code id}'s machine until it receives a request of {@code crashAt}, then crashes. */
  private static Callable<Void> crashingClient(InMemoryNetwork net, ClientMachine m, Round crashAt) {
    return () -> {
      ClientTransport end = net.clientEndpoint(m.clientId());
      WireCodec codec = WireCodec.forConfig(m.config());
      while (true) {
        byte[] frame = end.receive(Duration.ofMinutes(10));
        if (frame == null) {
          return null;
        }
        ServerMessage msg = codec.decodeServerMessage(frame);
        if (msg.round() == crashAt) {
          net.disconnect(m.clientId()); // the process dies: its connection closes
          return null;
        }
        for (ClientMessage out : m.handle(msg).messages()) {
          end.send(codec.encode(out));
        }
      }
    };
  }

  /**
   * The case: a client that crashes after sharing its keys costs no round timeout. The
   * timeout is a day, so the session can only complete in time because the transport reported
   * the crash; the preemptive limit only keeps a broken build from hanging.
   */
  @Test
  void aCrashedClientCostsNoRoundTimeout() throws Exception {
    SecAggConfig c = config();
    InMemoryNetwork net = new InMemoryNetwork(5);
    ExecutorService pool = Executors.newFixedThreadPool(5);
    Recorder rec = new Recorder();
    try {
      List<Future<ClientResult>> clients = new ArrayList<>();
      for (int id = 1; id <= 4; id++) {
        ClientMachine m = ClientMachine.builder(c, id).input(input(c, id)).build();
        clients.add(pool.submit(ClientDriver.builder(m, net.clientEndpoint(id)).build()::run));
      }
      pool.submit(crashingClient(net, ClientMachine.builder(c, 5).input(input(c, 5)).build(),
          Round.MASKED_INPUT_COLLECTION));
      ServerDriver driver = ServerDriver.builder(ServerMachine.builder(c).build(), net.serverEndpoint())
          .roundTimeout(Duration.ofDays(1)).listener(rec).build();
      AggregationResult result = assertTimeoutPreemptively(Duration.ofMinutes(5), driver::run);
      assertEquals(List.of(1, 2, 3, 4), result.includedClients());
      ModVector expected = ModVector.zeros(c.modulus(), c.vectorLength());
      for (int id = 1; id <= 4; id++) {
        expected.addInPlace(input(c, id));
      }
      assertEquals(expected, result.sum());
      Dropout crash = Dropout.disconnected(5, Round.MASKED_INPUT_COLLECTION, LeaveReason.CONNECTION_CLOSED);
      assertEquals(List.of(crash), result.dropouts());
      for (Future<ClientResult> f : clients) {
        assertTrue(f.get().completed(), f.get()::toString);
      }
      // The listener saw every round open and close, the departure, and the end.
      assertEquals(List.of(Round.ADVERTISE_KEYS, Round.SHARE_KEYS, Round.MASKED_INPUT_COLLECTION,
          Round.UNMASKING), rec.started);
      assertEquals(rec.started, rec.ended.stream().map(RoundStats::round).toList());
      assertEquals(List.of(5, 5, 5, 4), rec.ended.stream().map(RoundStats::recipients).toList());
      assertEquals(List.of(5, 5, 4, 4), rec.ended.stream().map(RoundStats::answers).toList());
      assertEquals(List.of(crash), rec.ended.get(2).dropouts());
      assertEquals(List.of("MASKED_INPUT_COLLECTION 5 CONNECTION_CLOSED"), rec.left);
      assertEquals(result, rec.completed);
      long received = rec.ended.stream().mapToLong(RoundStats::bytesReceived).sum();
      assertEquals(net.serverBytesReceived(), received);
      assertEquals(net.serverBytesSent(), rec.ended.stream().mapToLong(RoundStats::bytesSent).sum());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aSilentlyVanishedClientIsWaitedForUntilTheDeadline() throws Exception {
    SecAggConfig c = config();
    InMemoryNetwork net = new InMemoryNetwork(5);
    net.disconnectSilently(3);
    // A logical clock: every reading advances a minute, so each round's 10-minute deadline passes
    // after a few reads whatever the machine's speed; the transport answers at once.
    long[] now = {0};
    ServerTransport instant = new ServerTransport() {
      @Override
      public void send(int clientId, byte[] frame) throws java.io.IOException {
        net.serverEndpoint().send(clientId, frame);
      }

      @Override
      public InboundFrame receive(Duration timeout) throws java.io.IOException, InterruptedException {
        return net.serverEndpoint().receive(Duration.ZERO);
      }
    };
    ServerMachine server = ServerMachine.builder(c).build();
    ServerDriver d = ServerDriver.builder(server, instant).roundTimeout(Duration.ofMinutes(10))
        .clock(() -> now[0] += 60_000_000_000L).build();
    assertThrows(SessionAbortedException.class, d::run);
    assertTrue(server.dropouts().stream().allMatch(x -> x.cause() == Dropout.Cause.NO_RESPONSE),
        server.dropouts()::toString);
  }

  @Test
  void aThrowingListenerDoesNotDisturbTheSession() throws Exception {
    SecAggConfig c = config();
    InMemoryNetwork net = new InMemoryNetwork(5);
    ServerMachine server = ServerMachine.builder(c).build();
    SessionListener throwing = new SessionListener() {
      @Override
      public void roundStarted(Round round, int recipients) {
        throw new IllegalStateException("listener bug");
      }
    };
    ServerDriver d = ServerDriver.builder(server, net.serverEndpoint()).roundTimeout(Duration.ZERO)
        .listener(throwing).build();
    try (LogCapture log = LogCapture.of(ServerDriver.class.getName())) {
      SessionAbortedException e = assertThrows(SessionAbortedException.class, d::run);
      assertEquals(AbortReason.TOO_FEW_SURVIVORS, e.reason());
      assertTrue(log.records().stream().anyMatch(r -> r.getLevel() == java.util.logging.Level.WARNING
          && r.getThrown() instanceof IllegalStateException), "the listener's failure is logged");
    }
    assertThrows(NullPointerException.class, () -> ServerDriver.builder(server, net.serverEndpoint()).listener(null));
  }

  /** Records the listener's events. */
  private static final class Recorder implements SessionListener {
    final List<Round> started = new ArrayList<>();
    final List<RoundStats> ended = new ArrayList<>();
    final List<String> left = new ArrayList<>();
    AggregationResult completed;

    @Override
    public void roundStarted(Round round, int recipients) {
      started.add(round);
    }

    @Override
    public void clientLeft(Round round, int clientId, LeaveReason reason) {
      left.add(round + " " + clientId + " " + reason);
    }

    @Override
    public void roundEnded(RoundStats stats) {
      ended.add(stats);
    }

    @Override
    public void sessionCompleted(AggregationResult result) {
      completed = result;
    }
  }
}
