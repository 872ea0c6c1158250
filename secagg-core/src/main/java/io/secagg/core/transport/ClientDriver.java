package io.secagg.core.transport;

import io.secagg.core.protocol.ClientMessage;
import io.secagg.core.protocol.ServerMessage;
import io.secagg.core.protocol.client.ClientMachine;
import io.secagg.core.protocol.client.ClientOutcome;
import io.secagg.core.protocol.client.ClientState;
import io.secagg.core.wire.WireCodec;
import io.secagg.core.wire.WireFormatException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Runs a {@link ClientMachine} over a {@link ClientTransport} on the calling thread until it
 * completes or aborts, or until the server has been silent for the idle timeout (then the
 * machine is cancelled).
 *
 * <pre>{@code
 * ClientMachine client = ClientMachine.builder(config, myId).input(update).build();
 * ClientResult end = ClientDriver.builder(client, transport).build().run();
 * if (!end.completed()) { ... end.abortReason() ... }
 * }</pre>
 *
 * <p>Logs through {@link System.Logger} (logger {@code io.secagg.core.transport.ClientDriver}):
 * the start and a completed end at {@code DEBUG}, an abort with its reason at {@code INFO};
 * never a secret.
 */
public final class ClientDriver {
  private static final System.Logger LOG = System.getLogger(ClientDriver.class.getName());

  private final ClientMachine client;
  private final ClientTransport transport;
  private final WireCodec codec;
  private final Duration idleTimeout;
  private final LongSupplier nanoTime;

  private ClientDriver(Builder b) {
    this.client = b.client;
    this.transport = b.transport;
    this.codec = b.codec != null ? b.codec : WireCodec.forConfig(b.client.config());
    this.idleTimeout = b.idleTimeout;
    this.nanoTime = b.nanoTime;
  }

  /**
   * A builder for driving {@code client} over {@code transport}.
   *
   * @throws NullPointerException if an argument is null
   */
  public static Builder builder(ClientMachine client, ClientTransport transport) {
    return new Builder(Objects.requireNonNull(client, "client"), Objects.requireNonNull(transport, "transport"));
  }

  /**
   * Runs until the machine is in a terminal state.
   *
   * @return how the client's part ended: completed, or aborted with the reason (an idle timeout
   *     is reported as {@link io.secagg.core.protocol.AbortReason#CANCELLED})
   * @throws IOException if the transport failed; the machine is cancelled first
   * @throws InterruptedException if the thread was interrupted; the machine is cancelled first
   */
  public ClientResult run() throws IOException, InterruptedException {
    if (LOG.isLoggable(Level.DEBUG)) {
      LOG.log(Level.DEBUG, "secagg client " + client.clientId() + ": session starting");
    }
    ClientResult result;
    try {
      result = new ClientResult(client.clientId(), drive());
    } catch (IOException | InterruptedException e) {
      if (LOG.isLoggable(Level.INFO)) {
        LOG.log(Level.INFO, "secagg client " + client.clientId() + ": stopped by "
            + e.getClass().getSimpleName() + "; the session was cancelled on this side");
      }
      throw e;
    }
    if (result.completed()) {
      LOG.log(Level.DEBUG, "secagg client " + client.clientId() + ": session completed");
    } else if (LOG.isLoggable(Level.INFO)) {
      LOG.log(Level.INFO, "secagg client " + client.clientId() + ": session aborted: "
          + result.abortReason().orElseThrow() + " (" + result.message() + ")");
    }
    return result;
  }

  private ClientState drive() throws IOException, InterruptedException {
    long deadline = nanoTime.getAsLong() + idleTimeout.toNanos();
    try {
      while (!client.state().isTerminal()) {
        long remaining = deadline - nanoTime.getAsLong();
        if (remaining <= 0) {
          send(client.cancel());
          break;
        }
        byte[] frame = transport.receive(Duration.ofNanos(remaining));
        if (frame == null) {
          continue;
        }
        deadline = nanoTime.getAsLong() + idleTimeout.toNanos();
        ServerMessage message;
        try {
          message = codec.decodeServerMessage(frame);
        } catch (WireFormatException e) {
          send(client.handleUndecodableMessage());
          continue;
        }
        send(client.handle(message));
      }
    } catch (IOException | InterruptedException e) {
      ClientOutcome cancelled = client.cancel();
      try {
        send(cancelled);
      } catch (IOException ignored) {
        // The transport is already failing; the server will time this client out.
      }
      throw e;
    }
    return client.state();
  }

  private void send(ClientOutcome outcome) throws IOException {
    for (ClientMessage m : outcome.messages()) {
      transport.send(codec.encode(m));
    }
  }

  /** Builds a {@link ClientDriver}. */
  public static final class Builder {
    private final ClientMachine client;
    private final ClientTransport transport;
    private WireCodec codec;
    private Duration idleTimeout = Duration.ofMinutes(10);
    private LongSupplier nanoTime = System::nanoTime;

    private Builder(ClientMachine client, ClientTransport transport) {
      this.client = client;
      this.transport = transport;
    }

    /**
     * The codec (default: {@code WireCodec.forConfig(client.config())}).
     *
     * @throws NullPointerException if {@code codec} is null
     * @throws IllegalArgumentException if it is for another configuration
     */
    public Builder codec(WireCodec codec) {
      Objects.requireNonNull(codec, "codec");
      if (!codec.config().equals(client.config())) {
        throw new IllegalArgumentException("codec is for another configuration");
      }
      this.codec = codec;
      return this;
    }

    /**
     * How long the client waits for the server's next message before giving up (default 10
     * minutes).
     *
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public Builder idleTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("Invalid timeout " + timeout + "; must not be negative");
      }
      this.idleTimeout = timeout;
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

    /** The driver. */
    public ClientDriver build() {
      return new ClientDriver(this);
    }
  }
}
