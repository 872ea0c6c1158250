package io.secagg.bench;

import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.core.protocol.ClientMessage;
import io.secagg.core.protocol.Round;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.protocol.ServerMessage;
import io.secagg.core.protocol.client.ClientMachine;
import io.secagg.core.protocol.server.AddressedMessage;
import io.secagg.core.protocol.server.ServerMachine;
import io.secagg.core.protocol.server.ServerOptions;
import io.secagg.core.vector.ModVector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A whole session run once with fixed seeds (setup only, never timed), recording every message
 * so that a benchmark can replay one party from the same seed: deterministic randomness makes the
 * replayed party draw the same keys, so the recorded messages of everyone else stay valid for it.
 *
 * <p>Clients in {@code droppedAfterSharing} answer rounds 0 and 1 and then go silent (they drop
 * before sending their masked input, so the server must recover their pairwise masks). The
 * server closes a round with {@code advance()} when only dropped clients are missing. Client
 * messages of one round are computed on {@code setupThreads} threads (separate machines, so
 * this is safe) and fed to the server in ascending id order.
 */
final class RecordedSession {
  /** One server input: a client message, or {@code advance()} when {@code message} is null. */
  static final class Event {
    final int clientId;
    final ClientMessage message;
    final Round round;

    Event(int clientId, ClientMessage message, Round round) {
      this.clientId = clientId;
      this.message = message;
      this.round = round;
    }
  }

  final SecAggConfig config;
  /** Server messages addressed to each client, in order (index = client id). */
  final List<List<ServerMessage>> toClient = new ArrayList<>();
  /** Everything the server consumed, in order. */
  final List<Event> serverEvents = new ArrayList<>();
  final int survivors;
  final int dropped;

  private RecordedSession(SecAggConfig config, int survivors, int dropped) {
    this.config = config;
    this.survivors = survivors;
    this.dropped = dropped;
  }

  static DeterministicRandom random(String what, int id) {
    return DeterministicRandom.forTestVectorsOnly(
        (what + "/" + id).getBytes(StandardCharsets.US_ASCII));
  }

  /** Client {@code id}'s fixed input and seed, so it can be rebuilt identically. */
  static ClientMachine client(SecAggConfig config, int id) {
    int length = config.vectorLength();
    long[] x = new long[length];
    for (int i = 0; i < length; i++) {
      x[i] = (i * 2654435761L + id) & 0xffffffffL;
    }
    return ClientMachine.builder(config, id).input(ModVector.of(config.modulus(), x))
        .random(random("client", id)).build();
  }

  /** The server with its fixed seed and the given options. */
  static ServerMachine server(SecAggConfig config, ServerOptions options) {
    return ServerMachine.builder(config).random(random("server", 0)).options(options).build();
  }

  /**
   * The ids that drop after sharing for a dropout fraction: {@code round(n * fraction)} ids spread
   * evenly over 1..n, never client 1.
   */
  static boolean[] dropPattern(int n, double fraction) {
    boolean[] drop = new boolean[n + 1];
    int d = (int) Math.round(n * fraction);
    for (int i = 0; i < d; i++) {
      drop[n - (int) ((long) i * n / d)] = true;
    }
    return drop;
  }

  /** Runs the session to the end and records it. */
  static RecordedSession run(SecAggConfig config, boolean[] droppedAfterSharing, int setupThreads)
      throws Exception {
    int n = config.clientCount();
    int d = 0;
    for (boolean b : droppedAfterSharing) {
      d += b ? 1 : 0;
    }
    RecordedSession rec = new RecordedSession(config, n - d, d);
    for (int id = 0; id <= n; id++) {
      rec.toClient.add(new ArrayList<>());
    }
    ClientMachine[] clients = new ClientMachine[n + 1];
    for (int id = 1; id <= n; id++) {
      clients[id] = client(config, id);
    }
    ServerMachine server = server(config, ServerOptions.defaults());
    ExecutorService pool = Executors.newFixedThreadPool(setupThreads);
    try {
      List<AddressedMessage> pending = server.start().messages();
      while (!server.state().isTerminal()) {
        Round round = server.round();
        List<List<ServerMessage>> inbox = new ArrayList<>();
        for (int id = 0; id <= n; id++) {
          inbox.add(new ArrayList<>());
        }
        for (AddressedMessage m : pending) {
          rec.toClient.get(m.clientId()).add(m.message());
          boolean silent = droppedAfterSharing[m.clientId()]
              && m.message().round() != Round.ADVERTISE_KEYS
              && m.message().round() != Round.SHARE_KEYS;
          if (!silent) {
            inbox.get(m.clientId()).add(m.message());
          }
        }
        List<Future<List<ClientMessage>>> answers = new ArrayList<>();
        for (int id = 1; id <= n; id++) {
          ClientMachine c = clients[id];
          List<ServerMessage> in = inbox.get(id);
          answers.add(pool.submit(() -> {
            List<ClientMessage> out = new ArrayList<>();
            for (ServerMessage s : in) {
              out.addAll(c.handle(s).messages());
            }
            return out;
          }));
        }
        List<AddressedMessage> next = new ArrayList<>();
        for (int id = 1; id <= n; id++) {
          for (ClientMessage c : answers.get(id - 1).get()) {
            rec.serverEvents.add(new Event(id, c, round));
            next.addAll(server.handle(id, c).messages());
          }
        }
        if (!server.state().isTerminal() && server.round() == round) {
          rec.serverEvents.add(new Event(0, null, round));
          next.addAll(server.advance().messages());
        }
        pending = next;
      }
    } finally {
      pool.shutdownNow();
    }
    if (server.result() == null) {
      throw new IllegalStateException("the recorded session did not complete: " + server.state());
    }
    return rec;
  }

  /** Replays the recorded events of rounds before {@code stop} into a fresh server. */
  ServerMachine replayServerUntil(Round stop, ServerOptions options) {
    ServerMachine server = server(config, options);
    server.start();
    for (Event e : serverEvents) {
      if (e.round == stop) {
        break;
      }
      if (e.message == null) {
        server.advance();
      } else {
        server.handle(e.clientId, e.message);
      }
    }
    if (server.round() != stop) {
      throw new IllegalStateException("the replayed server is in " + server.state() + ", not " + stop);
    }
    return server;
  }

  /** The recorded events of round {@code round}, in order. */
  List<Event> eventsOf(Round round) {
    List<Event> out = new ArrayList<>();
    for (Event e : serverEvents) {
      if (e.round == round) {
        out.add(e);
      }
    }
    return out;
  }
}
