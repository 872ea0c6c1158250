package io.secagg.core.sim;

import io.secagg.core.protocol.AggregationResult;
import io.secagg.core.protocol.ClientMessage;
import io.secagg.core.protocol.Round;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.protocol.ServerMessage;
import io.secagg.core.protocol.client.ClientMachine;
import io.secagg.core.protocol.client.ClientOutcome;
import io.secagg.core.protocol.server.ServerAborted;
import io.secagg.core.protocol.server.AddressedMessage;
import io.secagg.core.protocol.server.ServerMachine;
import io.secagg.core.protocol.server.ServerOptions;
import io.secagg.core.protocol.server.ServerOutcome;
import io.secagg.core.transport.ClientTransport;
import io.secagg.core.transport.InMemoryNetwork;
import io.secagg.core.transport.InboundFrame;
import io.secagg.core.transport.ServerTransport;
import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;
import io.secagg.core.wire.WireCodec;
import io.secagg.core.wire.WireFormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs one simulated session: a server and n clients in the calling thread, connected by an
 * {@link InMemoryNetwork}, every message really encoded and decoded by the {@link WireCodec}.
 *
 * <p>Event loop: deliver every queued frame to the clients, then every queued frame to the
 * server; when nothing moves and the server is not done, its round deadline has passed and
 * {@link ServerMachine#advance()} is called. A client scheduled to drop at round r receives the
 * round-r request, is disconnected and never answers.
 *
 * <p>Usage (what {@code secagg simulate} does):
 *
 * <pre>{@code
 * SimulationReport report = Simulator.run(
 *     SimulationSpec.builder()
 *         .clientCount(1000).vectorLength(100_000).modulus(Modulus.powerOfTwo(32))
 *         .sparseGraph(0.1, 0.1)
 *         .dropouts(DropoutSchedule.perRound(0.1 / 4, 7))
 *         .unmaskingThreads(2)
 *         .seed(7)
 *         .build());
 * System.out.print(report.summary());
 * }</pre>
 */
public final class Simulator {
  private Simulator() {}

  /**
   * Runs the simulation described by {@code spec}.
   *
   * @return the report; an aborted session is a normal outcome, reported, not thrown
   * @throws NullPointerException if {@code spec} is null
   * @throws IllegalArgumentException if a caller-supplied input has the wrong modulus or length
   */
  public static SimulationReport run(SimulationSpec spec) {
    return run(spec, SimulationListener.none());
  }

  /**
   * Runs the simulation described by {@code spec}, telling {@code listener} about each round's
   * progress as it happens (on this thread; see {@link SimulationListener}).
   *
   * @return the report; an aborted session is a normal outcome, reported, not thrown
   * @throws NullPointerException if an argument is null, or an input supplier returns null
   * @throws IllegalArgumentException if a caller-supplied input has the wrong modulus or length
   */
  public static SimulationReport run(SimulationSpec spec, SimulationListener listener) {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(listener, "listener");
    ExecutorService pool =
        spec.unmaskingThreads() > 1
            ? Executors.newFixedThreadPool(spec.unmaskingThreads() - 1, r -> {
                Thread t = new Thread(r, "secagg-sim-unmask");
                t.setDaemon(true);
                return t;
              })
            : null;
    try {
      return new Run(spec, pool, listener).execute();
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  /**
   * A uniformly random vector of Z_m drawn from {@code random} (8 bytes per element; for a
   * general m the tiny modulo bias is irrelevant to a simulation).
   */
  static ModVector randomVector(Modulus m, int length, SecureRandom random) {
    byte[] bytes = new byte[8 * length];
    random.nextBytes(bytes);
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    long[] elements = new long[length];
    boolean pow2 = m.isPowerOfTwo();
    long max = m.maxElement();
    long modulus = pow2 ? 0 : m.longValueExact();
    for (int i = 0; i < length; i++) {
      long x = b.getLong();
      elements[i] = pow2 ? x & max : Long.remainderUnsigned(x, modulus);
    }
    return ModVector.of(m, elements);
  }

  /** One simulation's mutable state. */
  private static final class Run {
    private final SimulationSpec spec;
    private final SecAggConfig config;
    private final int n;
    private final WireCodec codec;
    private final InMemoryNetwork network;
    private final ServerTransport serverEnd;
    private final ClientTransport[] clientEnds;
    private final ServerMachine server;
    private final ClientMachine[] clients;
    private final boolean[] gone;
    // Copies of caller-supplied inputs for the final check; null when inputs are random (they
    // are re-derived from the seed instead, so a large run does not hold them twice).
    private final ModVector[] suppliedInputs;
    private final Map<Round, List<Integer>> scheduled = new EnumMap<>(Round.class);
    private final Map<Round, long[]> costs = new EnumMap<>(Round.class);
    private final SimulationListener listener;
    // Progress counters for the listener, indexed by Round.ordinal().
    private final int[] recipients = new int[Round.values().length];
    private final int[] done = new int[Round.values().length];
    private final int[] received = new int[Round.values().length];

    // costs[round] = {serverNanos, clientTotal, clientMax, answering, serverSent, serverReceived}
    private static final int SERVER_NS = 0;
    private static final int CLIENT_TOTAL = 1;
    private static final int CLIENT_MAX = 2;
    private static final int ANSWERING = 3;
    private static final int SENT = 4;
    private static final int RECEIVED = 5;

    Run(SimulationSpec spec, ExecutorService pool, SimulationListener listener) {
      this.spec = spec;
      this.listener = listener;
      this.config = spec.config();
      this.n = config.clientCount();
      this.codec = WireCodec.forConfig(config);
      this.network = new InMemoryNetwork(n);
      this.serverEnd = network.serverEndpoint();
      this.clientEnds = new ClientTransport[n + 1];
      this.gone = new boolean[n + 1];
      ServerMachine.Builder sb = ServerMachine.builder(config).random(spec.random("server", 0));
      if (pool != null) {
        sb.options(ServerOptions.withExecutor(pool, spec.unmaskingThreads()));
      }
      this.server = sb.build();
      this.clients = new ClientMachine[n + 1];
      this.suppliedInputs = spec.suppliedInputs() ? new ModVector[n + 1] : null;
      for (int id = 1; id <= n; id++) {
        clientEnds[id] = network.clientEndpoint(id);
        ModVector input = spec.input(id);
        if (suppliedInputs != null) {
          suppliedInputs[id] = input.copy();
        }
        ClientMachine.Builder cb =
            ClientMachine.builder(config, id)
                .input(input)
                .random(spec.random("client", id));
        if (spec.identity(id) != null) {
          cb.identityKey(spec.identity(id));
        }
        clients[id] = cb.build();
      }
    }

    SimulationReport execute() {
      long start = System.nanoTime();
      Round round = Round.ADVERTISE_KEYS;
      long t0 = System.nanoTime();
      ServerOutcome outcome = server.start();
      cost(round)[SERVER_NS] += System.nanoTime() - t0;
      sendAll(outcome);
      while (!server.state().isTerminal()) {
        boolean moved = deliverToClients();
        moved |= deliverToServer();
        if (!moved && !server.state().isTerminal()) {
          Round r = server.round();
          long a = System.nanoTime();
          ServerOutcome o = server.advance();
          cost(r)[SERVER_NS] += System.nanoTime() - a;
          sendAll(o);
        }
      }
      // Let the clients see the final messages (abort notices), as a real network would.
      deliverToClients();
      long total = System.nanoTime() - start;
      return report(total);
    }

    private long[] cost(Round round) {
      return costs.computeIfAbsent(round, r -> new long[6]);
    }

    private void sendAll(ServerOutcome outcome) {
      Map<ServerMessage, byte[]> encoded = new IdentityHashMap<>();
      Round opened = null;
      int openedCount = 0;
      for (AddressedMessage m : outcome.messages()) {
        byte[] frame = encoded.computeIfAbsent(m.message(), codec::encode);
        Round request = m.message().round();
        // A round's requests all leave in the outcome that opens it.
        if (request != null && recipients[request.ordinal()] == 0) {
          opened = request;
          openedCount++;
        }
        Round r = request != null ? request : server.round();
        if (r != null) {
          cost(r)[SENT] += frame.length;
        }
        try {
          serverEnd.send(m.clientId(), frame);
        } catch (java.io.IOException e) {
          throw new IllegalStateException("the in-memory network cannot fail", e);
        }
      }
      if (opened != null) {
        recipients[opened.ordinal()] = openedCount;
        listener.roundStarted(opened, openedCount);
      }
    }

    private boolean deliverToClients() {
      boolean moved = false;
      for (int id = 1; id <= n; id++) {
        if (gone[id]) {
          continue;
        }
        byte[] frame;
        while ((frame = receive(clientEnds[id])) != null) {
          moved = true;
          deliver(id, frame);
          if (gone[id]) {
            break;
          }
        }
      }
      return moved;
    }

    private void deliver(int id, byte[] frame) {
      long t0 = System.nanoTime();
      ServerMessage message;
      ClientOutcome outcome;
      try {
        message = codec.decodeServerMessage(frame);
      } catch (WireFormatException e) {
        send(id, clients[id].handleUndecodableMessage());
        return;
      }
      Round r = message.round();
      if (r != null && spec.dropouts().dropsAt(r, id)) {
        gone[id] = true;
        network.disconnect(id);
        scheduled.computeIfAbsent(r, x -> new ArrayList<>()).add(id);
        clientDone(r);
        return;
      }
      outcome = clients[id].handle(message);
      long spent = System.nanoTime() - t0;
      if (r != null) {
        long[] c = cost(r);
        c[CLIENT_TOTAL] += spent;
        c[CLIENT_MAX] = Math.max(c[CLIENT_MAX], spent);
        if (outcome.messages().stream().anyMatch(m -> m.round() != null)) {
          c[ANSWERING]++;
        }
      }
      send(id, outcome);
      if (r != null) {
        clientDone(r);
      }
    }

    private void clientDone(Round r) {
      int i = r.ordinal();
      listener.clientDone(r, ++done[i], recipients[i]);
    }

    private void send(int id, ClientOutcome outcome) {
      for (ClientMessage m : outcome.messages()) {
        try {
          clientEnds[id].send(codec.encode(m));
        } catch (java.io.IOException e) {
          throw new IllegalStateException("the in-memory network cannot fail", e);
        }
      }
    }

    private boolean deliverToServer() {
      boolean moved = false;
      InboundFrame in;
      while ((in = receive(serverEnd)) != null) {
        moved = true;
        Round r = server.round();
        long t0 = System.nanoTime();
        ServerOutcome outcome;
        try {
          ClientMessage m = codec.decodeClientMessage(in.frame());
          outcome = server.handle(in.clientId(), m);
        } catch (WireFormatException e) {
          outcome = server.handleUndecodableMessage(in.clientId());
        }
        if (r != null) {
          long[] c = cost(r);
          c[SERVER_NS] += System.nanoTime() - t0;
          c[RECEIVED] += in.frame().length;
        }
        if (r != null) {
          listener.answerReceived(r, ++received[r.ordinal()]);
        }
        sendAll(outcome);
        if (server.state().isTerminal()) {
          break;
        }
      }
      return moved;
    }

    private static byte[] receive(ClientTransport end) {
      try {
        return end.receive(Duration.ZERO);
      } catch (java.io.IOException | InterruptedException e) {
        throw new IllegalStateException("the in-memory network cannot fail", e);
      }
    }

    private static InboundFrame receive(ServerTransport end) {
      try {
        return end.receive(Duration.ZERO);
      } catch (java.io.IOException | InterruptedException e) {
        throw new IllegalStateException("the in-memory network cannot fail", e);
      }
    }

    private SimulationReport report(long totalNanos) {
      List<PhaseReport> phases = new ArrayList<>();
      for (Round r : Round.values()) {
        long[] c = costs.get(r);
        if (c != null) {
          phases.add(new PhaseReport(r, c[SERVER_NS], c[CLIENT_TOTAL], c[CLIENT_MAX], (int) c[ANSWERING], c[SENT], c[RECEIVED]));
        }
      }
      long[] sent = new long[n + 1];
      long[] received = new long[n + 1];
      for (int id = 1; id <= n; id++) {
        sent[id] = network.clientBytesSent(id);
        received[id] = network.clientBytesReceived(id);
      }
      AggregationResult result = server.result();
      boolean verified = false;
      List<Integer> included = List.of();
      if (result != null) {
        included = result.includedClients();
        ModVector expected = ModVector.zeros(config.modulus(), config.vectorLength());
        for (int id : included) {
          expected.addInPlace(suppliedInputs != null ? suppliedInputs[id] : spec.input(id));
        }
        verified = expected.equals(result.sum());
      }
      ServerAborted aborted = server.state() instanceof ServerAborted ? (ServerAborted) server.state() : null;
      return new SimulationReport(
          config, result != null, aborted == null ? null : aborted.reason(),
          aborted == null ? null : aborted.message(), included,
          server.dropouts(), scheduled, verified, phases, sent, received,
          server.stats().peakVectorBytes(), server.stats().peakLiveVectors(), totalNanos,
          result == null ? null : result.sum());
    }
  }
}
