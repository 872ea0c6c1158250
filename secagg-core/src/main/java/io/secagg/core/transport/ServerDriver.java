package io.secagg.core.transport;

import io.secagg.core.protocol.AggregationResult;
import io.secagg.core.protocol.ClientMessage;
import io.secagg.core.protocol.Dropout;
import io.secagg.core.protocol.Round;
import io.secagg.core.protocol.ServerMessage;
import io.secagg.core.protocol.server.ServerAborted;
import io.secagg.core.protocol.server.AddressedMessage;
import io.secagg.core.protocol.server.ServerMachine;
import io.secagg.core.protocol.server.ServerOutcome;
import io.secagg.core.session.RoundStats;
import io.secagg.core.session.SessionListener;
import io.secagg.core.wire.WireCodec;
import io.secagg.core.wire.WireFormatException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Runs a {@link ServerMachine} over a {@link ServerTransport} on the calling thread: sends what
 * the machine says, feeds it every decoded frame and every departure the transport reports, and
 * turns each round's deadline into {@link ServerMachine#advance()}. This is where the clock
 * lives; the machine has none.
 *
 * <pre>{@code
 * ServerMachine server = ServerMachine.builder(config).build();
 * AggregationResult result =
 *     ServerDriver.builder(server, transport).roundTimeout(Duration.ofSeconds(30)).build().run();
 * }</pre>
 *
 * <p>A round closes as soon as every client it waits for has answered or left: a client the
 * transport reports gone ({@link InboundFrame#clientLeft}) is counted as a dropout at once, so
 * only a client that vanishes unnoticed costs the round's deadline. A frame that does not decode
 * excludes its sender (like any rule breaker); a failure to send to one client is ignored (that
 * client will miss the deadline). Not reusable: one driver runs one session.
 *
 * <p><b>Observing.</b> A {@link SessionListener} sees every round open and close with its costs
 * and dropouts. The driver also logs through {@link System.Logger} (logger {@code
 * io.secagg.core.transport.ServerDriver}): the session's start and end at {@code INFO}, each round
 * and each dropout with its cause at {@code DEBUG}. Logs and listener events carry public
 * information only (ids, counts, reasons), never a key, share, mask or input.
 */
public final class ServerDriver {
  private static final System.Logger LOG = System.getLogger(ServerDriver.class.getName());

  private final ServerMachine server;
  private final ServerTransport transport;
  private final WireCodec codec;
  private final Map<Round, Duration> timeouts;
  private final LongSupplier nanoTime;
  private final SessionListener listener;

  // The round being collected and what it has cost so far.
  private Round open;
  private long openedAt;
  private int recipients;
  private int answers;
  private long serverNanos;
  private long bytesSent;
  private long bytesReceived;
  private final boolean[] reported;
  private final List<Dropout> pendingDropouts = new ArrayList<>();

  private ServerDriver(Builder b) {
    this.server = b.server;
    this.transport = b.transport;
    this.codec = b.codec != null ? b.codec : WireCodec.forConfig(b.server.config());
    this.timeouts = new EnumMap<>(b.timeouts);
    for (Round r : Round.values()) {
      timeouts.putIfAbsent(r, b.defaultTimeout);
    }
    this.nanoTime = b.nanoTime;
    this.listener = b.listener;
    this.reported = new boolean[b.server.config().clientCount() + 1];
  }

  /**
   * A builder for driving {@code server} (not yet started) over {@code transport}.
   *
   * @throws NullPointerException if an argument is null
   */
  public static Builder builder(ServerMachine server, ServerTransport transport) {
    return new Builder(Objects.requireNonNull(server, "server"), Objects.requireNonNull(transport, "transport"));
  }

  /**
   * Runs the session to its end.
   *
   * @return the aggregation result
   * @throws SessionAbortedException if the session aborted (too few survivors, cancelled, ...)
   * @throws IOException if the transport failed as a whole ({@link ServerTransport#receive})
   * @throws InterruptedException if the thread was interrupted; the machine is cancelled first
   * @throws IllegalStateException if the machine was already started
   */
  public AggregationResult run() throws SessionAbortedException, IOException, InterruptedException {
    long started = nanoTime.getAsLong();
    if (LOG.isLoggable(Level.INFO)) {
      LOG.log(Level.INFO, "secagg session starting: " + describe());
    }
    fire(() -> listener.sessionStarted(server.config()));
    long t0 = nanoTime.getAsLong();
    ServerOutcome first = server.start();
    afterCall(first, nanoTime.getAsLong() - t0);
    long deadline = deadline(open);
    try {
      while (!server.state().isTerminal()) {
        Round before = server.round();
        long remaining = deadline - nanoTime.getAsLong();
        ServerOutcome outcome;
        long t;
        if (remaining <= 0) {
          if (LOG.isLoggable(Level.DEBUG)) {
            LOG.log(Level.DEBUG, "secagg session: " + before + " deadline passed, "
                + server.state().pendingClients() + " client(s) silent");
          }
          t = nanoTime.getAsLong();
          outcome = server.advance();
        } else {
          InboundFrame in = transport.receive(Duration.ofNanos(remaining));
          if (in == null) {
            continue;
          }
          t = nanoTime.getAsLong();
          outcome = handle(in, before);
        }
        afterCall(outcome, nanoTime.getAsLong() - t);
        if (!server.state().isTerminal() && server.round() != before) {
          deadline = deadline(server.round());
        }
      }
    } catch (InterruptedException | IOException e) {
      afterCall(server.cancel(), 0);
      logEnd(started);
      throw e;
    }
    logEnd(started);
    if (server.state() instanceof ServerAborted) {
      ServerAborted a = (ServerAborted) server.state();
      throw new SessionAbortedException(a.reason(), a.message());
    }
    return server.result();
  }

  private long deadline(Round round) {
    return nanoTime.getAsLong() + timeouts.get(round).toNanos();
  }

  private ServerOutcome handle(InboundFrame in, Round round) {
    int id = in.clientId();
    if (in.isDeparture()) {
      if (LOG.isLoggable(Level.DEBUG)) {
        LOG.log(Level.DEBUG, "secagg session: " + round + ": the transport reports client " + id
            + " gone (" + in.leaveReason() + ")");
      }
      fire(() -> listener.clientLeft(round, id, in.leaveReason()));
      return server.clientLeft(id, in.leaveReason());
    }
    answers++;
    bytesReceived += in.frame().length;
    int count = answers;
    fire(() -> listener.answerReceived(round, id, count));
    ClientMessage message;
    try {
      message = codec.decodeClientMessage(in.frame());
    } catch (WireFormatException e) {
      return server.handleUndecodableMessage(id);
    }
    return server.handle(id, message);
  }

  /**
   * Accounts for the rounds an outcome closed and opened, tells the listener, then sends the
   * outcome's messages (so that {@code roundStarted} comes before any client can answer).
   */
  private void afterCall(ServerOutcome outcome, long busyNanos) {
    serverNanos += busyNanos;
    Map<ServerMessage, byte[]> encoded = new IdentityHashMap<>();
    List<AddressedMessage> messages = outcome.messages();
    byte[][] frames = new byte[messages.size()][];
    Round opening = null;
    int openingCount = 0;
    long openingBytes = 0;
    for (int i = 0; i < frames.length; i++) {
      AddressedMessage m = messages.get(i);
      frames[i] = encoded.computeIfAbsent(m.message(), codec::encode);
      Round request = m.message().round();
      // A round's requests all leave in the outcome that opens it; notices count for the round
      // in which they were decided.
      if (request != null && request != open) {
        if (request != opening) {
          if (opening != null) {
            // Two rounds opened in one call (the first closed at once): close the first here.
            startRound(opening, openingCount, openingBytes);
            openingCount = 0;
            openingBytes = 0;
          }
          opening = request;
        }
        openingCount++;
        openingBytes += frames[i].length;
      } else {
        bytesSent += frames[i].length;
      }
    }
    if (opening != null) {
      startRound(opening, openingCount, openingBytes);
    }
    for (int i = 0; i < frames.length; i++) {
      try {
        transport.send(messages.get(i).clientId(), frames[i]);
      } catch (IOException e) {
        // The client is unreachable: it will miss the round deadline and count as dropped.
      }
    }
    if (server.state().isTerminal()) {
      endRound(true);
      if (server.result() != null) {
        AggregationResult result = server.result();
        fire(() -> listener.sessionCompleted(result));
      } else {
        ServerAborted a = (ServerAborted) server.state();
        fire(() -> listener.sessionAborted(a.reason(), a.message()));
      }
    }
  }

  private void startRound(Round round, int count, long bytes) {
    endRound(false);
    open = round;
    openedAt = nanoTime.getAsLong();
    recipients = count;
    answers = 0;
    serverNanos = 0;
    bytesSent = bytes;
    bytesReceived = 0;
    if (LOG.isLoggable(Level.DEBUG)) {
      LOG.log(Level.DEBUG, "secagg session: " + round + " opened, request sent to " + count + " client(s)");
    }
    fire(() -> listener.roundStarted(round, count));
  }

  /** Closes the open round's accounting; at the end of the session every dropout is reported. */
  private void endRound(boolean last) {
    if (open == null) {
      return;
    }
    for (Dropout d : server.dropouts()) {
      if (!reported[d.clientId()]) {
        reported[d.clientId()] = true;
        pendingDropouts.add(d);
      }
    }
    // A dropout is reported with the round it names (a client found gone at a round's close is
    // recorded against the next round, the first that would have waited for it).
    List<Dropout> now = new ArrayList<>();
    pendingDropouts.removeIf(d -> {
      boolean due = last || d.round().ordinal() <= open.ordinal();
      if (due) {
        now.add(d);
      }
      return due;
    });
    now.sort((a, b) -> Integer.compare(a.clientId(), b.clientId()));
    RoundStats stats = new RoundStats(open, recipients, answers, nanoTime.getAsLong() - openedAt,
        serverNanos, bytesSent, bytesReceived, now);
    if (LOG.isLoggable(Level.DEBUG)) {
      LOG.log(Level.DEBUG, "secagg session: " + open + " closed: " + answers + " frame(s) from "
          + recipients + " recipient(s), " + now.size() + " dropout(s)");
      for (Dropout d : now) {
        LOG.log(Level.DEBUG, "secagg session: client " + d.clientId() + " left at " + d.round() + ": "
            + cause(d));
      }
    }
    open = null;
    fire(() -> listener.roundEnded(stats));
  }

  private void logEnd(long started) {
    if (!LOG.isLoggable(Level.INFO)) {
      return;
    }
    String time = String.format(java.util.Locale.ROOT, "%.3f s", (nanoTime.getAsLong() - started) / 1e9);
    List<Dropout> dropouts = server.dropouts();
    Map<Dropout.Cause, Integer> byCause = new EnumMap<>(Dropout.Cause.class);
    for (Dropout d : dropouts) {
      byCause.merge(d.cause(), 1, Integer::sum);
    }
    String left = dropouts.isEmpty() ? "no dropouts" : dropouts.size() + " dropout(s) " + byCause;
    if (server.result() != null) {
      LOG.log(Level.INFO, "secagg session completed in " + time + ": "
          + server.result().includedClients().size() + " of " + server.config().clientCount()
          + " clients included, " + left);
    } else if (server.state() instanceof ServerAborted) {
      ServerAborted a = (ServerAborted) server.state();
      LOG.log(Level.INFO, "secagg session aborted after " + time + ": " + a.reason() + " (" + a.message()
          + "), " + left);
    }
  }

  private String describe() {
    var c = server.config();
    return c.clientCount() + " clients, threshold " + c.threshold() + ", " + c.graphKind()
        + " graph of degree " + c.degree() + ", " + c.vectorLength() + " elements mod " + c.modulus()
        + ", " + c.securityMode();
  }

  static String cause(Dropout d) {
    switch (d.cause()) {
      case DISCONNECTED:
        return "DISCONNECTED (" + d.leaveReason() + ")";
      case PROTOCOL_VIOLATION:
      case CLIENT_ABORTED:
        return d.cause() + " (" + d.violation() + ")";
      default:
        return d.cause().name();
    }
  }

  private static void fire(Runnable event) {
    try {
      event.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "a SessionListener threw; the session goes on", e);
    }
  }

  /** Builds a {@link ServerDriver}. */
  public static final class Builder {
    private final ServerMachine server;
    private final ServerTransport transport;
    private WireCodec codec;
    private Duration defaultTimeout = Duration.ofSeconds(60);
    private final Map<Round, Duration> timeouts = new EnumMap<>(Round.class);
    private LongSupplier nanoTime = System::nanoTime;
    private SessionListener listener = SessionListener.none();

    private Builder(ServerMachine server, ServerTransport transport) {
      this.server = server;
      this.transport = transport;
    }

    /**
     * The codec (default: {@code WireCodec.forConfig(server.config())}).
     *
     * @throws NullPointerException if {@code codec} is null
     * @throws IllegalArgumentException if it is for another configuration
     */
    public Builder codec(WireCodec codec) {
      Objects.requireNonNull(codec, "codec");
      if (!codec.config().equals(server.config())) {
        throw new IllegalArgumentException("codec is for another configuration");
      }
      this.codec = codec;
      return this;
    }

    /**
     * How long every round waits for answers (default 60 s), unless set per round. A round
     * closes earlier when every client it waits for has answered or been reported gone.
     *
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public Builder roundTimeout(Duration timeout) {
      this.defaultTimeout = checked(timeout);
      return this;
    }

    /**
     * How long {@code round} waits for answers.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public Builder roundTimeout(Round round, Duration timeout) {
      timeouts.put(Objects.requireNonNull(round, "round"), checked(timeout));
      return this;
    }

    /**
     * Observes the session's rounds, costs and dropouts (default: none).
     *
     * @throws NullPointerException if {@code listener} is null
     */
    public Builder listener(SessionListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * The clock, in nanoseconds (default {@link System#nanoTime()}); for tests.
     *
     * @throws NullPointerException if {@code nanoTime} is null
     */
    public Builder clock(LongSupplier nanoTime) {
      this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
      return this;
    }

    private static Duration checked(Duration d) {
      Objects.requireNonNull(d, "timeout");
      if (d.isNegative()) {
        throw new IllegalArgumentException("Invalid timeout " + d + "; must not be negative");
      }
      return d;
    }

    /** The driver. */
    public ServerDriver build() {
      return new ServerDriver(this);
    }
  }
}
