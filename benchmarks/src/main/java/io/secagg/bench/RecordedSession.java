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
import io.secagg.core.wire.WireCodec;
import io.secagg.core.wire.WireFormatException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
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
 *
 * <p>Recording 500 clients costs tens of seconds and JMH forks a JVM per parameter set, so
 * {@link #recordOrLoad} keeps the transcript (wire-encoded with {@link WireCodec}) in {@code
 * ${java.io.tmpdir}/secagg-bench/}, keyed by the configuration, the dropout pattern and the size
 * and modification time of the jar holding this class: a rebuilt jar never reads an old file. A
 * loaded transcript holds the server's inputs and only client 1's incoming messages. A stale or
 * corrupt file cannot pass silently: the replayed server must reach the expected round and the
 * benchmarks check that the session completes.
 */
final class RecordedSession {
  /**
   * One server input: a client message, or {@code advance()} when {@code message} is null.
   *
   * @param clientId the sending client (ignored for {@code advance()})
   * @param message the client's message, or null for {@code advance()}
   * @param round the round the server was in when it consumed this input
   */
  record Event(int clientId, ClientMessage message, Round round) {}

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

  /**
   * The recorded session for this configuration and dropout pattern, from the on-disk cache when
   * present, otherwise run (on {@code setupThreads} threads) and stored.
   */
  static RecordedSession recordOrLoad(
      SecAggConfig config, boolean[] droppedAfterSharing, int setupThreads) throws Exception {
    Path file = cacheFile(config, droppedAfterSharing);
    if (file != null && Files.isRegularFile(file)) {
      try {
        return load(config, file);
      } catch (IOException | WireFormatException | RuntimeException e) {
        Files.deleteIfExists(file);
      }
    }
    RecordedSession rec = run(config, droppedAfterSharing, setupThreads);
    if (file != null) {
      rec.store(file);
    }
    return rec;
  }

  private static Path cacheFile(SecAggConfig config, boolean[] dropped) throws Exception {
    File jar = new File(RecordedSession.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI());
    if (!jar.isFile()) {
      return null;
    }
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update(("v1|" + config + "|" + Arrays.toString(config.context()) + "|" + jar.length() + "|"
        + jar.lastModified() + "|" + Arrays.toString(dropped)).getBytes(StandardCharsets.UTF_8));
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "secagg-bench");
    Files.createDirectories(dir);
    return dir.resolve(HexFormat.of().formatHex(sha.digest()).substring(0, 32) + ".bin");
  }

  private void store(Path file) throws IOException {
    WireCodec codec = WireCodec.forConfig(config);
    Path tmp = Files.createTempFile(file.getParent(), "rec", ".tmp");
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20))) {
      out.writeInt(survivors);
      out.writeInt(dropped);
      out.writeInt(serverEvents.size());
      for (Event e : serverEvents) {
        out.writeInt(e.clientId());
        out.writeInt(e.round().ordinal());
        writeFrame(out, e.message() == null ? null : codec.encode(e.message()));
      }
      List<ServerMessage> mine = toClient.get(1);
      out.writeInt(mine.size());
      for (ServerMessage m : mine) {
        writeFrame(out, codec.encode(m));
      }
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void writeFrame(DataOutputStream out, byte[] frame) throws IOException {
    out.writeInt(frame == null ? -1 : frame.length);
    if (frame != null) {
      out.write(frame);
    }
  }

  private static byte[] readFrame(DataInputStream in, int max) throws IOException {
    int len = in.readInt();
    if (len < -1 || len > max) {
      throw new IOException("bad frame length in the cache");
    }
    if (len == -1) {
      return null;
    }
    byte[] frame = new byte[len];
    in.readFully(frame);
    return frame;
  }

  private static RecordedSession load(SecAggConfig config, Path file)
      throws IOException, WireFormatException {
    WireCodec codec = WireCodec.forConfig(config);
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
      RecordedSession rec = new RecordedSession(config, in.readInt(), in.readInt());
      for (int id = 0; id <= config.clientCount(); id++) {
        rec.toClient.add(new ArrayList<>());
      }
      int events = in.readInt();
      Round[] rounds = Round.values();
      for (int i = 0; i < events; i++) {
        int id = in.readInt();
        Round round = rounds[in.readInt()];
        byte[] frame = readFrame(in, codec.maxClientFrameLength());
        rec.serverEvents.add(
            new Event(id, frame == null ? null : codec.decodeClientMessage(frame), round));
      }
      int mine = in.readInt();
      for (int i = 0; i < mine; i++) {
        rec.toClient.get(1)
            .add(codec.decodeServerMessage(readFrame(in, codec.maxServerFrameLength())));
      }
      return rec;
    }
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
      if (e.round() == stop) {
        break;
      }
      if (e.message() == null) {
        server.advance();
      } else {
        server.handle(e.clientId(), e.message());
      }
    }
    if (server.round() != stop) {
      throw new IllegalStateException(
          "the replayed server is in " + server.state() + ", not " + stop);
    }
    return server;
  }

  /** The recorded events of round {@code round}, in order. */
  List<Event> eventsOf(Round round) {
    List<Event> out = new ArrayList<>();
    for (Event e : serverEvents) {
      if (e.round() == round) {
        out.add(e);
      }
    }
    return out;
  }
}
