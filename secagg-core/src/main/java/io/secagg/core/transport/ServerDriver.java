package io.secagg.core.transport;

import io.secagg.core.protocol.AggregationResult;
import io.secagg.core.protocol.ClientMessage;
import io.secagg.core.protocol.Round;
import io.secagg.core.protocol.ServerMessage;
import io.secagg.core.protocol.server.ServerAborted;
import io.secagg.core.protocol.server.AddressedMessage;
import io.secagg.core.protocol.server.ServerMachine;
import io.secagg.core.protocol.server.ServerOutcome;
import io.secagg.core.wire.WireCodec;
import io.secagg.core.wire.WireFormatException;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Runs a {@link ServerMachine} over a {@link ServerTransport} on the calling thread: sends what
 * the machine says, feeds it every decoded frame, and turns each round's deadline into {@link
 * ServerMachine#advance()}. This is where the clock lives; the machine has none.
 *
 * <pre>{@code
 * ServerMachine server = ServerMachine.builder(config).build();
 * AggregationResult result =
 *     ServerDriver.builder(server, transport).roundTimeout(Duration.ofSeconds(30)).build().run();
 * }</pre>
 *
 * <p>A frame that does not decode excludes its sender (like any rule breaker); a failure to
 * send to one client is ignored (that client will miss the deadline). Not reusable: one driver
 * runs one session.
 */
public final class ServerDriver {
  private final ServerMachine server;
  private final ServerTransport transport;
  private final WireCodec codec;
  private final Map<Round, Duration> timeouts;
  private final LongSupplier nanoTime;

  private ServerDriver(Builder b) {
    this.server = b.server;
    this.transport = b.transport;
    this.codec = b.codec != null ? b.codec : WireCodec.forConfig(b.server.config());
    this.timeouts = new EnumMap<>(b.timeouts);
    for (Round r : Round.values()) {
      timeouts.putIfAbsent(r, b.defaultTimeout);
    }
    this.nanoTime = b.nanoTime;
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
    send(server.start());
    Round round = server.round();
    long deadline = nanoTime.getAsLong() + timeouts.get(round).toNanos();
    try {
      while (!server.state().isTerminal()) {
        long remaining = deadline - nanoTime.getAsLong();
        ServerOutcome outcome;
        if (remaining <= 0) {
          outcome = server.advance();
        } else {
          InboundFrame in = transport.receive(Duration.ofNanos(remaining));
          if (in == null) {
            continue;
          }
          outcome = handle(in);
        }
        send(outcome);
        if (!server.state().isTerminal() && server.round() != round) {
          round = server.round();
          deadline = nanoTime.getAsLong() + timeouts.get(round).toNanos();
        }
      }
    } catch (InterruptedException | IOException e) {
      send(server.cancel());
      throw e;
    }
    if (server.state() instanceof ServerAborted) {
      ServerAborted a = (ServerAborted) server.state();
      throw new SessionAbortedException(a.reason(), a.message());
    }
    return server.result();
  }

  private ServerOutcome handle(InboundFrame in) {
    ClientMessage message;
    try {
      message = codec.decodeClientMessage(in.frame());
    } catch (WireFormatException e) {
      return server.handleUndecodableMessage(in.clientId());
    }
    return server.handle(in.clientId(), message);
  }

  private void send(ServerOutcome outcome) {
    Map<ServerMessage, byte[]> encoded = new IdentityHashMap<>();
    for (AddressedMessage m : outcome.messages()) {
      try {
        transport.send(m.clientId(), encoded.computeIfAbsent(m.message(), codec::encode));
      } catch (IOException e) {
        // The client is unreachable: it will miss the round deadline and count as dropped.
      }
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
     * How long every round waits for answers (default 60 s), unless set per round.
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
