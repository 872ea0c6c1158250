package io.secagg.transport.grpc;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.secagg.core.protocol.AbortReason;
import io.secagg.core.protocol.AggregationResult;
import io.secagg.core.protocol.LeaveReason;
import io.secagg.core.protocol.Round;
import io.secagg.core.protocol.server.ServerMachine;
import io.secagg.core.session.GroupOutcome;
import io.secagg.core.session.GroupPlan;
import io.secagg.core.session.GroupedResult;
import io.secagg.core.transport.ServerDriver;
import io.secagg.core.transport.SessionAbortedException;
import io.secagg.core.wire.WireCodec;
import io.secagg.transport.grpc.internal.SessionProtocol;
import io.secagg.transport.grpc.internal.proto.ServerEnvelope;
import io.secagg.transport.grpc.pki.ParticipantIdentity;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * A secure-aggregation server over gRPC with TLS: it listens for participants, runs one SecAgg
 * session per group of its {@link GroupPlan} concurrently, and adds the group sums.
 *
 * <pre>{@code
 * GroupPlan plan = GroupPlan.single(config);
 * try (SecAggGrpcServer server =
 *     SecAggGrpcServer.builder(plan, ServerTls.fromPem(chain, key)).port(8443).build()) {
 *   server.start();
 *   GroupedResult result = server.runRound();
 * }
 * }</pre>
 *
 * <p>Each participant joins with one bidirectional stream per round ({@code spec/transport.md},
 * section 7). With mutual TLS the participant's id comes from its certificate. A misbehaving
 * stream is closed without affecting any other; a participant whose stream breaks may resume it
 * with its resume token, and every frame counts at most once.
 *
 * <p><b>Departures.</b> A participant whose stream ends in order (it half-closes), or breaks and
 * is not resumed within the {@linkplain Builder#resumeGrace resume grace}, is reported gone to its
 * group's session ({@code InboundFrame.clientLeft}), which counts it as a dropout at once: a
 * crashed participant costs the grace, not the round timeout.
 *
 * <p><b>Logging</b> (through {@link System.Logger}): each group's session start and end at
 * {@code INFO} (by its {@code ServerDriver}); joins, broken streams and departures at {@code DEBUG};
 * never a token or a frame's contents.
 *
 * <p>Thread-safe. {@link #runRound()} runs one round at a time.
 */
public final class SecAggGrpcServer implements AutoCloseable {
  private static final Context.Key<Integer> PEER_ID = Context.key("secagg-peer-participant");
  private static final System.Logger LOG = System.getLogger(SecAggGrpcServer.class.getName());

  private final GroupPlan plan;
  private final ServerTls tls;
  private final String host;
  private final int requestedPort;
  private final Duration joinTimeout;
  private final Duration roundTimeout;
  private final Duration helloTimeout;
  private final Duration resumeGrace;
  private final ServerListener listener;
  private final ServerHooks hooks;
  private final SecureRandom random;
  private final int maxInbound;

  private final Object lock = new Object();
  private Server server;
  private ScheduledExecutorService timer;
  private boolean closed;
  private boolean roundRunning;
  private volatile ServerRound current;
  private final List<Thread> groupThreads = new ArrayList<>();

  private SecAggGrpcServer(Builder b) {
    this.plan = b.plan;
    this.tls = b.tls;
    this.host = b.host;
    this.requestedPort = b.port;
    this.joinTimeout = b.joinTimeout;
    this.roundTimeout = b.roundTimeout;
    this.helloTimeout = b.helloTimeout;
    this.resumeGrace = b.resumeGrace;
    this.listener = b.listener;
    this.hooks = b.hooks;
    this.random = b.random != null ? b.random : new SecureRandom();
    int max = 0;
    for (int g = 0; g < plan.groupCount(); g++) {
      max = Math.max(max, WireCodec.forConfig(plan.groupConfig(g)).maxClientFrameLength());
    }
    this.maxInbound = (int) Math.min(Integer.MAX_VALUE, (long) max + SessionProtocol.ENVELOPE_OVERHEAD);
  }

  /**
   * A builder for a server of {@code plan} with {@code tls}.
   *
   * @throws NullPointerException if an argument is null
   */
  public static Builder builder(GroupPlan plan, ServerTls tls) {
    return new Builder(Objects.requireNonNull(plan, "plan"), Objects.requireNonNull(tls, "tls"));
  }

  /**
   * Binds the port and starts accepting streams (no round is open yet: participants that
   * connect now are told UNAVAILABLE and retry).
   *
   * @return this server
   * @throws IOException if the port cannot be bound or the TLS material is unusable
   * @throws IllegalStateException if already started or closed
   */
  public SecAggGrpcServer start() throws IOException {
    synchronized (lock) {
      if (server != null || closed) {
        throw new IllegalStateException(closed ? "the server is closed" : "the server is already started");
      }
      InetSocketAddress address =
          host == null ? new InetSocketAddress(requestedPort) : new InetSocketAddress(host, requestedPort);
      ServerServiceDefinition service =
          ServerServiceDefinition.builder(SessionProtocol.SERVICE)
              .addMethod(SessionProtocol.JOIN_UNPARSED, ServerCalls.asyncBidiStreamingCall(this::openStream))
              .build();
      timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "secagg-grpc-timer");
        t.setDaemon(true);
        return t;
      });
      server =
          NettyServerBuilder.forAddress(address, tls.credentials(this::fireCertificateRefused))
              .maxInboundMessageSize(maxInbound)
              .maxInboundMetadataSize(8 * 1024)
              .addService(ServerInterceptors.intercept(service, new PeerIdentityInterceptor()))
              .build();
      try {
        server.start();
      } catch (IOException | RuntimeException e) {
        timer.shutdownNow();
        server = null;
        throw e;
      }
      return this;
    }
  }

  /**
   * The bound port.
   *
   * @throws IllegalStateException if the server is not started
   */
  public int port() {
    synchronized (lock) {
      if (server == null) {
        throw new IllegalStateException("the server is not started");
      }
      return server.getPort();
    }
  }

  /** The plan this server runs. */
  public GroupPlan plan() {
    return plan;
  }

  /** The largest message (bytes) the server accepts from a participant. */
  public int maxInboundMessageSize() {
    return maxInbound;
  }

  /**
   * Opens a round for every group, runs the groups' sessions concurrently and blocks until all
   * have ended. Round 0 of each session waits up to the join timeout for its participants;
   * every later round waits up to the round timeout. May be called again for the next round
   * (participants join each round anew).
   *
   * @return every group's outcome and the sum of the completed groups' sums
   * @throws IllegalStateException if the server is not started, is closed, or a round is running
   * @throws IOException never in this implementation (reserved for transport-wide failures)
   * @throws InterruptedException if the calling thread is interrupted; the open sessions are
   *     cancelled first
   */
  public GroupedResult runRound() throws IOException, InterruptedException {
    byte[] roundId = new byte[SessionProtocol.ROUND_ID_LENGTH];
    random.nextBytes(roundId);
    // A test's expiry (ServerHooks) moves a session's clock past the longest deadline at once.
    long expiryJump = Math.max(joinTimeout.toNanos(), roundTimeout.toNanos()) + TimeUnit.SECONDS.toNanos(1);
    ServerRound round = new ServerRound(plan, roundId, expiryJump);
    GroupOutcome[] outcomes = new GroupOutcome[plan.groupCount()];
    List<Thread> threads = new ArrayList<>();
    synchronized (lock) {
      if (server == null || closed) {
        throw new IllegalStateException(closed ? "the server is closed" : "the server is not started");
      }
      if (roundRunning) {
        throw new IllegalStateException("a round is already running");
      }
      roundRunning = true;
      current = round;
      for (int g = 0; g < plan.groupCount(); g++) {
        int group = g;
        Thread t = new Thread(() -> outcomes[group] = runGroup(round.groups[group]), "secagg-group-" + g);
        t.setDaemon(true);
        threads.add(t);
      }
      groupThreads.addAll(threads);
      threads.forEach(Thread::start);
    }
    try {
      for (Thread t : threads) {
        t.join();
      }
    } catch (InterruptedException e) {
      threads.forEach(Thread::interrupt);
      for (Thread t : threads) {
        t.join(5_000);
      }
      throw e;
    } finally {
      synchronized (lock) {
        current = null;
        roundRunning = false;
        groupThreads.removeAll(threads);
      }
    }
    return GroupedResult.of(plan, List.of(outcomes));
  }

  private GroupOutcome runGroup(GroupChannel channel) {
    GroupPlan.Group group = plan.group(channel.group);
    GroupOutcome outcome;
    try {
      ServerMachine machine = ServerMachine.builder(channel.config).random(random).build();
      AggregationResult result =
          ServerDriver.builder(machine, channel)
              .roundTimeout(roundTimeout)
              .roundTimeout(Round.ADVERTISE_KEYS, joinTimeout)
              .clock(channel::nanoTime)
              .build()
              .run();
      outcome = GroupOutcome.completed(group, result);
    } catch (SessionAbortedException e) {
      outcome = GroupOutcome.aborted(group, e.reason(), e.detail());
    } catch (InterruptedException e) {
      outcome = GroupOutcome.aborted(group, AbortReason.CANCELLED, "the round was cancelled");
    } catch (IOException | RuntimeException e) {
      outcome = GroupOutcome.aborted(group, AbortReason.UNKNOWN, "the group's session failed: " + e.getClass().getSimpleName());
    } finally {
      channel.end();
    }
    try {
      listener.groupFinished(outcome);
    } catch (RuntimeException ignored) {
      // A listener must not break the round.
    }
    return outcome;
  }

  /** Stops listening and cancels any open round (its sessions abort as cancelled). Idempotent. */
  @Override
  public void close() {
    Server s;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      groupThreads.forEach(Thread::interrupt);
      s = server;
    }
    if (s != null) {
      s.shutdownNow();
      try {
        s.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      timer.shutdownNow();
    }
  }

  private io.grpc.stub.StreamObserver<byte[]> openStream(
      io.grpc.stub.StreamObserver<ServerEnvelope> responses) {
    Integer peer = PEER_ID.get();
    ServerStream stream =
        new ServerStream(this, (ServerCallStreamObserver<ServerEnvelope>) responses, peer == null ? -1 : peer);
    stream.startHelloTimer();
    return stream;
  }

  // ------------------------------------------------------------------ for ServerStream

  ServerRound currentRound() {
    return current;
  }

  byte[] newToken() {
    byte[] t = new byte[SessionProtocol.TOKEN_LENGTH];
    random.nextBytes(t);
    return t;
  }

  ServerHooks hooks() {
    return hooks;
  }

  long helloTimeoutNanos() {
    return helloTimeout.toNanos();
  }

  long resumeGraceNanos() {
    return resumeGrace.toNanos();
  }

  ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
    try {
      return timer.schedule(task, delay, unit);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      return null; // closing: the server's shutdown ends the stream
    }
  }

  void fireConnected(int participant, int group, int clientId) {
    LOG.log(Level.DEBUG, () -> "secagg server: participant " + participant + " joined group " + group
        + " as client " + clientId);
    try {
      listener.participantConnected(participant, group, clientId);
    } catch (RuntimeException ignored) {
      // A listener must not break a stream.
    }
  }

  void fireRefused(int participant, String status, String reason) {
    try {
      listener.streamRefused(participant, status, reason);
    } catch (RuntimeException ignored) {
      // A listener must not break a stream.
    }
  }

  private void fireCertificateRefused(int participant, String reason) {
    try {
      listener.clientCertificateRefused(participant, reason);
    } catch (RuntimeException ignored) {
      // A listener must not break a handshake.
    }
  }

  void fireDisconnected(int participant) {
    LOG.log(Level.DEBUG, () -> "secagg server: participant " + participant + "'s stream ended");
    try {
      listener.participantDisconnected(participant);
    } catch (RuntimeException ignored) {
      // A listener must not break a stream.
    }
  }

  void fireLeft(int participant, LeaveReason reason) {
    LOG.log(Level.DEBUG, () -> "secagg server: participant " + participant + " counted as gone (" + reason + ")");
    try {
      listener.participantLeft(participant, reason);
    } catch (RuntimeException ignored) {
      // A listener must not break a stream.
    }
  }

  @Override
  public String toString() {
    return "SecAggGrpcServer[" + plan + ", " + tls + "]";
  }

  /**
   * Puts the participant named by the client certificate (mutual TLS) into the call's context:
   * -1 without mutual TLS, 0 for a certificate that names no participant.
   */
  private final class PeerIdentityInterceptor implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
        ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
      int id = -1;
      if (tls.requiresClientCertificates()) {
        id = 0;
        SSLSession ssl = call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
        if (ssl != null) {
          try {
            Certificate[] chain = ssl.getPeerCertificates();
            if (chain.length > 0 && chain[0] instanceof X509Certificate) {
              OptionalInt named = ParticipantIdentity.of((X509Certificate) chain[0]);
              id = named.orElse(0);
            }
          } catch (SSLPeerUnverifiedException e) {
            id = 0;
          }
        }
      }
      return Contexts.interceptCall(Context.current().withValue(PEER_ID, id), call, headers, next);
    }
  }

  /** Builds a {@link SecAggGrpcServer}; setters validate at once. */
  public static final class Builder {
    private final GroupPlan plan;
    private final ServerTls tls;
    private String host;
    private int port;
    private Duration joinTimeout = Duration.ofSeconds(120);
    private Duration roundTimeout = Duration.ofSeconds(60);
    private Duration helloTimeout = Duration.ofSeconds(10);
    private Duration resumeGrace = Duration.ofSeconds(5);
    private ServerListener listener = new ServerListener() {};
    private ServerHooks hooks = ServerHooks.NONE;
    private SecureRandom random;

    private Builder(GroupPlan plan, ServerTls tls) {
      this.plan = plan;
      this.tls = tls;
    }

    /**
     * The address to bind (default: every interface).
     *
     * @throws NullPointerException if {@code bindAddress} is null
     * @throws IllegalArgumentException if it is empty
     */
    public Builder host(String bindAddress) {
      Objects.requireNonNull(bindAddress, "bindAddress");
      if (bindAddress.isEmpty()) {
        throw new IllegalArgumentException("Invalid bind address: empty");
      }
      this.host = bindAddress;
      return this;
    }

    /**
     * The port (default 0: an ephemeral port, see {@link SecAggGrpcServer#port()}).
     *
     * @throws IllegalArgumentException if {@code port} is outside 0..65535
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("Invalid port " + port + "; must be 0..65535");
      }
      this.port = port;
      return this;
    }

    /**
     * Round 0's deadline: how long participants have to connect and advertise their keys
     * (default 120 s).
     *
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if it is not positive
     */
    public Builder joinTimeout(Duration timeout) {
      this.joinTimeout = positive(timeout);
      return this;
    }

    /**
     * The deadline of every later round (default 60 s).
     *
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if it is not positive
     */
    public Builder roundTimeout(Duration timeout) {
      this.roundTimeout = positive(timeout);
      return this;
    }

    /**
     * How long a new stream may stay silent before its Hello (default 10 s); then it is closed
     * with DEADLINE_EXCEEDED.
     *
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if it is not positive
     */
    public Builder helloTimeout(Duration timeout) {
      this.helloTimeout = positive(timeout);
      return this;
    }

    /**
     * How long a participant whose stream broke (cancelled, failed, connection lost) may take to
     * resume it before its session counts it as gone and stops waiting for it (default 5 s; zero:
     * at once, which disables resumption after a break). A stream that the participant ends in
     * order counts it as gone at once. So a crashed participant costs at most this long, not a
     * round timeout.
     *
     * @throws NullPointerException if {@code grace} is null
     * @throws IllegalArgumentException if it is negative
     */
    public Builder resumeGrace(Duration grace) {
      Objects.requireNonNull(grace, "grace");
      if (grace.isNegative()) {
        throw new IllegalArgumentException("Invalid resume grace " + grace + "; must not be negative");
      }
      this.resumeGrace = grace;
      return this;
    }

    /**
     * Observes connections and group results (default: none).
     *
     * @throws NullPointerException if {@code listener} is null
     */
    public Builder listener(ServerListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * The randomness for server nonces, round ids and resume tokens (default: a new {@link
     * SecureRandom}).
     *
     * @throws NullPointerException if {@code random} is null
     */
    public Builder random(SecureRandom random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    Builder hooks(ServerHooks hooks) {
      this.hooks = Objects.requireNonNull(hooks, "hooks");
      return this;
    }

    /** The server (not yet started). */
    public SecAggGrpcServer build() {
      return new SecAggGrpcServer(this);
    }

    private static Duration positive(Duration d) {
      Objects.requireNonNull(d, "timeout");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("Invalid timeout " + d + "; must be positive");
      }
      return d;
    }
  }
}
