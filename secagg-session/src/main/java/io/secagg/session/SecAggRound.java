package io.secagg.session;

import io.secagg.core.crypto.Ed25519;
import io.secagg.core.crypto.Ed25519KeyPair;
import io.secagg.core.protocol.AbortReason;
import io.secagg.core.protocol.AggregationResult;
import io.secagg.core.protocol.ClientMessage;
import io.secagg.core.protocol.Round;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.protocol.SecurityMode;
import io.secagg.core.protocol.ServerMessage;
import io.secagg.core.protocol.client.ClientMachine;
import io.secagg.core.protocol.client.ClientOutcome;
import io.secagg.core.protocol.server.ServerMachine;
import io.secagg.core.protocol.server.ServerOptions;
import io.secagg.core.session.RoundStats;
import io.secagg.core.session.SessionListener;
import io.secagg.core.transport.ClientTransport;
import io.secagg.core.transport.InMemoryNetwork;
import io.secagg.core.transport.InboundFrame;
import io.secagg.core.transport.ServerDriver;
import io.secagg.core.transport.ServerTransport;
import io.secagg.core.transport.SessionAbortedException;
import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;
import io.secagg.core.wire.WireCodec;
import io.secagg.core.wire.WireFormatException;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.IntFunction;

/**
 * The SecAgg round runner: one session of n clients and a server in this JVM, connected by the
 * {@link InMemoryNetwork}, every message really encoded and decoded. The server runs on a thread
 * of its own under the same {@link ServerDriver} a networked deployment uses (with its round
 * deadlines, departures, listener and logging); the clients run on the calling thread, one
 * message at a time.
 *
 * <pre>{@code
 * SecAggConfig config = SessionPlanner.of(GraphRequirements.builder().dropoutRate(0.1).corruptionRate(0.1).build())
 *     .plan(100).configBuilder(100).vectorLength(10_000).modulus(Modulus.powerOfTwo(32)).build();
 * SecAggReport report = SecAggRound.builder(config)
 *     .inputs(id -> updates[id])                                  // default: random vectors
 *     .dropouts(DropoutSchedule.atRound(Round.MASKED_INPUT_COLLECTION, 0.1, 7))
 *     .build().run();
 * report.sum(); report.includedClients(); report.sumVerified(); report.phases();
 * }</pre>
 *
 * <p><b>Dropouts.</b> A client the {@link DropoutSchedule} drops at round r receives the round-r
 * request and crashes: the network reports it gone and the server stops waiting for it at once,
 * so a crash never costs a round deadline (the deadline, {@link Builder#roundTimeout}, only
 * guards against a client that stalls, which the runner's clients never do).
 *
 * <p><b>Randomness.</b> Every party draws from its own {@link SecureRandom}, or, with {@link
 * Builder#seed}, from a deterministic source derived from the seed, so that a simulation repeats
 * byte for byte (timings aside). Random inputs (when none are supplied) are uniform in Z_m.
 *
 * <p><b>Logging</b> (through {@link System.Logger}): the server driver logs the session's start
 * and end at {@code INFO} and each round and dropout at {@code DEBUG}; the runner logs each
 * crash it causes at {@code DEBUG}. No secret is ever logged. Not reusable concurrently: one run
 * at a time per instance; {@link #run()} may be called again for a new session.
 */
public final class SecAggRound {
  /** The largest number of unmasking threads. */
  public static final int MAX_THREADS = RunnerBuilder.MAX_THREADS;

  private static final Logger LOG = System.getLogger(SecAggRound.class.getName());

  /** What the builder fixed, read by every run. */
  private record Settings(IntFunction<ModVector> inputs, DropoutSchedule dropouts, Long seed,
      List<Ed25519KeyPair> identities, int threads, Duration roundTimeout) {}

  private final SecAggConfig config;
  private final Settings settings;
  private final Randomness randomness;
  private final RoundListener listener;

  private SecAggRound(Builder b) {
    this.config = b.config;
    this.settings = new Settings(b.inputs, b.dropouts, b.seed, b.identities, b.threads, b.roundTimeout);
    this.randomness = b.randomness();
    this.listener = new SafeListener(b.listener, LOG);
  }

  /**
   * A builder for a round of {@code config}.
   *
   * @throws NullPointerException if {@code config} is null
   */
  public static Builder builder(SecAggConfig config) {
    return new Builder(Objects.requireNonNull(config, "config"));
  }

  /**
   * Identity key pairs for clients 1..n derived from {@code seed}: for simulations of
   * malicious-server mode only (anyone who knows the seed knows the private keys). Put their
   * public keys into the configuration and pass the pairs to {@link Builder#identityKeys}.
   *
   * @throws IllegalArgumentException if {@code clients} is outside 1..{@link SecAggConfig#MAX_CLIENTS}
   */
  public static List<Ed25519KeyPair> simulatedIdentityKeys(int clients, long seed) {
    if (clients < 1 || clients > SecAggConfig.MAX_CLIENTS) {
      throw new IllegalArgumentException("Invalid client count " + clients + "; must be 1.." + SecAggConfig.MAX_CLIENTS);
    }
    Randomness r = Randomness.seeded(seed);
    List<Ed25519KeyPair> keys = new ArrayList<>(clients);
    for (int id = 1; id <= clients; id++) {
      keys.add(Ed25519.create(r.forParty("identity", id)).generateKeyPair());
    }
    return List.copyOf(keys);
  }

  /** The session's configuration. */
  public SecAggConfig config() {
    return config;
  }

  /**
   * Runs one session to its end.
   *
   * @return the report; an aborted session is a normal outcome, reported, not thrown
   * @throws NullPointerException if the input supplier returns null
   * @throws IllegalArgumentException if a supplied input has the wrong modulus or length
   * @throws InterruptedException if the calling thread is interrupted (the session is cancelled)
   */
  public SecAggReport run() throws InterruptedException {
    ExecutorService pool =
        settings.threads() > 1
            ? Executors.newFixedThreadPool(settings.threads() - 1, r -> {
                Thread t = new Thread(r, "secagg-round-unmask");
                t.setDaemon(true);
                return t;
              })
            : null;
    try {
      return new Run(pool).execute();
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  /**
   * A uniformly random vector of Z_m drawn from {@code random} (8 bytes per element; for a
   * general m the modulo bias, below 2^-1 for m near 2^62 and negligible for small m, is
   * irrelevant to test inputs).
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

  private ModVector input(int id) {
    if (settings.inputs() == null) {
      return randomVector(config.modulus(), config.vectorLength(), randomness.forParty("input", id));
    }
    ModVector v = Objects.requireNonNull(settings.inputs().apply(id), "input supplier returned null for client " + id);
    if (!v.modulus().equals(config.modulus()) || v.length() != config.vectorLength()) {
      throw new IllegalArgumentException("input of client " + id + " is " + v.length() + " elements of Z_"
          + v.modulus() + "; the session needs " + config.vectorLength() + " elements of Z_" + config.modulus());
    }
    // A private copy: the caller's vector may be reused or changed after it is handed over.
    return v.copy();
  }

  /** One session's state. */
  private final class Run implements SessionListener {
    private static final int SERVER_DONE = -1;
    private final int n = config.clientCount();
    private final WireCodec codec = WireCodec.forConfig(config);
    private final InMemoryNetwork network = new InMemoryNetwork(n);
    private final ClientTransport[] clientEnds = new ClientTransport[n + 1];
    private final ClientMachine[] clients = new ClientMachine[n + 1];
    private final boolean[] gone = new boolean[n + 1];
    // Copies of the inputs for the final check; null when they are random and seeded (then they
    // are derived again, so a large run does not hold them twice).
    private final ModVector[] kept;
    private final BlockingQueue<Integer> pending = new LinkedBlockingQueue<>();
    private final ServerMachine server;
    // Guarded by this: client-side costs per round, and the phase bookkeeping.
    private final Map<Round, List<Integer>> scheduled = new EnumMap<>(Round.class);
    private final long[] clientTotal = new long[Round.values().length];
    private final long[] clientMax = new long[Round.values().length];
    private final int[] answering = new int[Round.values().length];
    private final int[] recipients = new int[Round.values().length];
    private final int[] done = new int[Round.values().length];
    private final List<PhaseReport> phases = new ArrayList<>();

    Run(ExecutorService pool) {
      ServerMachine.Builder sb = ServerMachine.builder(config).random(randomness.forParty("server", 0));
      if (pool != null) {
        sb.options(ServerOptions.withExecutor(pool, settings.threads()));
      }
      this.server = sb.build();
      this.kept = settings.inputs() != null || settings.seed() == null ? new ModVector[n + 1] : null;
      for (int id = 1; id <= n; id++) {
        clientEnds[id] = network.clientEndpoint(id);
        ModVector in = input(id);
        if (kept != null) {
          kept[id] = in.copy();
        }
        ClientMachine.Builder cb =
            ClientMachine.builder(config, id).input(in).random(randomness.forParty("client", id));
        if (config.securityMode() == SecurityMode.MALICIOUS) {
          cb.identityKey(settings.identities().get(id - 1));
        }
        clients[id] = cb.build();
      }
    }

    SecAggReport execute() throws InterruptedException {
      ServerTransport serverEnd = network.serverEndpoint();
      ServerTransport notifying = new ServerTransport() {
        @Override
        public void send(int clientId, byte[] frame) throws IOException {
          serverEnd.send(clientId, frame);
          pending.add(clientId);
        }

        @Override
        public InboundFrame receive(Duration timeout) throws IOException, InterruptedException {
          return serverEnd.receive(timeout);
        }
      };
      ServerDriver driver = ServerDriver.builder(server, notifying).codec(codec)
          .roundTimeout(settings.roundTimeout()).listener(this).build();
      long[] protocolNanos = new long[1];
      FutureTask<AggregationResult> serverTask = new FutureTask<>(() -> {
        long start = System.nanoTime();
        try {
          return driver.run();
        } catch (SessionAbortedException e) {
          return null; // reported from the machine's state
        } finally {
          protocolNanos[0] = System.nanoTime() - start;
          pending.add(SERVER_DONE);
        }
      });
      Thread serverThread = new Thread(serverTask, "secagg-round-server");
      serverThread.setDaemon(true);
      serverThread.start();
      try {
        while (true) {
          int id = pending.take();
          if (id == SERVER_DONE) {
            break;
          }
          deliverAll(id);
        }
        serverTask.get();
      } catch (InterruptedException e) {
        serverThread.interrupt();
        serverThread.join();
        throw e;
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException) {
          throw (RuntimeException) cause;
        }
        if (cause instanceof Error) {
          throw (Error) cause;
        }
        throw new IllegalStateException("the in-memory session failed", cause);
      }
      return report(protocolNanos[0]);
    }

    /** Hands client {@code id} every frame queued for it. */
    private void deliverAll(int id) {
      byte[] frame;
      while (!gone[id] && (frame = receive(clientEnds[id])) != null) {
        deliver(id, frame);
      }
    }

    private void deliver(int id, byte[] frame) {
      long t0 = System.nanoTime();
      ServerMessage message;
      try {
        message = codec.decodeServerMessage(frame);
      } catch (WireFormatException e) {
        send(id, encode(clients[id].handleUndecodableMessage()));
        return;
      }
      Round r = message.round();
      if (r != null && settings.dropouts().dropsAt(r, id)) {
        gone[id] = true;
        synchronized (this) {
          scheduled.computeIfAbsent(r, x -> new ArrayList<>()).add(id);
          participantDone(r);
        }
        LOG.log(Level.DEBUG, () -> "secagg round: client " + id + " crashes on receiving the " + r + " request");
        network.disconnect(id);
        return;
      }
      ClientOutcome outcome = clients[id].handle(message);
      List<byte[]> answers = encode(outcome);
      long spent = System.nanoTime() - t0;
      if (r != null) {
        // Accounted before the answers leave, so the round's report is complete when it closes.
        synchronized (this) {
          int i = r.ordinal();
          clientTotal[i] += spent;
          clientMax[i] = Math.max(clientMax[i], spent);
          if (outcome.messages().stream().anyMatch(m -> m.round() != null)) {
            answering[i]++;
          }
          participantDone(r);
        }
      }
      send(id, answers);
    }

    private void participantDone(Round r) {
      int i = r.ordinal();
      listener.participantDone(r.name(), ++done[i], recipients[i]);
    }

    private List<byte[]> encode(ClientOutcome outcome) {
      List<byte[]> frames = new ArrayList<>(outcome.messages().size());
      for (ClientMessage m : outcome.messages()) {
        frames.add(codec.encode(m));
      }
      return frames;
    }

    private void send(int id, List<byte[]> frames) {
      for (byte[] f : frames) {
        try {
          clientEnds[id].send(f);
        } catch (IOException e) {
          throw new IllegalStateException("the in-memory network cannot fail", e);
        }
      }
    }

    private byte[] receive(ClientTransport end) {
      try {
        return end.receive(Duration.ZERO);
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException("the in-memory network cannot fail", e);
      }
    }

    // ------------------------------------------------------- SessionListener (server thread)

    @Override
    public synchronized void roundStarted(Round round, int count) {
      recipients[round.ordinal()] = count;
      listener.phaseStarted(round.name(), count);
    }

    @Override
    public void answerReceived(Round round, int clientId, int received) {
      listener.answerReceived(round.name(), received);
    }

    @Override
    public void roundEnded(RoundStats stats) {
      PhaseReport p;
      synchronized (this) {
        int i = stats.round().ordinal();
        p = new PhaseReport(stats.round().name(), stats.recipients(), answering[i], stats.wallNanos(),
            stats.serverNanos(), clientTotal[i], clientMax[i], stats.bytesSent(), stats.bytesReceived(),
            stats.dropouts());
        phases.add(p);
      }
      listener.phaseEnded(p);
    }

    private SecAggReport report(long protocolNanos) {
      long[] sent = new long[n + 1];
      long[] received = new long[n + 1];
      for (int id = 1; id <= n; id++) {
        sent[id] = network.clientBytesSent(id);
        received[id] = network.clientBytesReceived(id);
      }
      AggregationResult result = server.result();
      boolean verified = false;
      List<Integer> included = List.of();
      AbortReason reason = null;
      String message = null;
      if (result != null) {
        included = result.includedClients();
        ModVector expected = ModVector.zeros(config.modulus(), config.vectorLength());
        for (int id : included) {
          expected.addInPlace(kept != null ? kept[id] : input(id));
        }
        verified = expected.equals(result.sum());
      } else if (server.state() instanceof io.secagg.core.protocol.server.ServerAborted) {
        io.secagg.core.protocol.server.ServerAborted a = (io.secagg.core.protocol.server.ServerAborted) server.state();
        reason = a.reason();
        message = a.message();
      }
      Map<Round, List<Integer>> schedule;
      List<PhaseReport> phaseList;
      synchronized (this) {
        schedule = new EnumMap<>(Round.class);
        scheduled.forEach((r, ids) -> {
          List<Integer> sorted = new ArrayList<>(ids);
          sorted.sort(null);
          schedule.put(r, List.copyOf(sorted));
        });
        phaseList = List.copyOf(phases);
      }
      return new SecAggReport(config, Optional.ofNullable(reason), Optional.ofNullable(message), included,
          server.dropouts(), schedule, verified, phaseList, sent, received, server.stats().peakVectorBytes(),
          server.stats().peakLiveVectors(), protocolNanos, Optional.ofNullable(result == null ? null : result.sum()));
    }
  }

  @Override
  public String toString() {
    return "SecAggRound[" + config + ", " + (settings.seed() != null ? "seeded" : "SecureRandom") + ", threads="
        + settings.threads() + "]";
  }

  /** Builds a {@link SecAggRound}; setters validate at once. */
  public static final class Builder extends RunnerBuilder<Builder> {
    private final SecAggConfig config;
    private IntFunction<ModVector> inputs;
    private DropoutSchedule dropouts = DropoutSchedule.none();
    private List<Ed25519KeyPair> identities;
    private Duration roundTimeout = Duration.ofMinutes(10);

    private Builder(SecAggConfig config) {
      this.config = config;
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * The client inputs (default: a uniformly random vector of Z_m per client). {@code
     * supplier.apply(id)} is called once per client id 1..n, in ascending order, when the run
     * starts, and must return L elements of Z_m (checked then: {@link IllegalArgumentException}
     * from {@link SecAggRound#run()} otherwise). The runner keeps a copy of each to verify the
     * sum against.
     *
     * @throws NullPointerException if {@code supplier} is null
     */
    public Builder inputs(IntFunction<ModVector> supplier) {
      this.inputs = Objects.requireNonNull(supplier, "supplier");
      return this;
    }

    /**
     * Which clients crash, and when (default: none).
     *
     * @throws NullPointerException if {@code schedule} is null
     */
    public Builder dropouts(DropoutSchedule schedule) {
      this.dropouts = Objects.requireNonNull(schedule, "schedule");
      return this;
    }

    /**
     * The clients' identity key pairs, client i's at index i - 1: required in malicious-server
     * mode, where each must match the configuration's public key for that client.
     *
     * @throws NullPointerException if the list or a key is null
     * @throws IllegalArgumentException if the configuration is semi-honest, the list does not
     *     hold n keys, or a key is not the configuration's
     */
    public Builder identityKeys(List<Ed25519KeyPair> keys) {
      Objects.requireNonNull(keys, "keys");
      if (config.securityMode() != SecurityMode.MALICIOUS) {
        throw new IllegalArgumentException("identity keys are only used in malicious-server mode");
      }
      if (keys.size() != config.clientCount()) {
        throw new IllegalArgumentException(keys.size() + " identity keys for " + config.clientCount() + " clients");
      }
      for (int id = 1; id <= keys.size(); id++) {
        Ed25519KeyPair k = Objects.requireNonNull(keys.get(id - 1), "identity key");
        if (!Arrays.equals(k.publicKey(), config.identityKey(id))) {
          throw new IllegalArgumentException("identity key " + id + " is not the configuration's key of client " + id);
        }
      }
      this.identities = List.copyOf(keys);
      return this;
    }

    /**
     * Each round's deadline (default 10 minutes). Crashes are reported at once, so the deadline
     * only matters if a client stalls; it is a guard, not a simulation parameter.
     *
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if it is not positive
     */
    public Builder roundTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("Invalid timeout " + timeout + "; must be positive");
      }
      this.roundTimeout = timeout;
      return this;
    }

    /**
     * The runner.
     *
     * @throws IllegalStateException if the configuration is in malicious-server mode and no
     *     identity keys were given
     */
    public SecAggRound build() {
      if (config.securityMode() == SecurityMode.MALICIOUS && identities == null) {
        throw new IllegalStateException(
            "malicious-server mode needs the clients' identity keys (identityKeys; simulatedIdentityKeys for simulations)");
      }
      return new SecAggRound(this);
    }
  }
}
