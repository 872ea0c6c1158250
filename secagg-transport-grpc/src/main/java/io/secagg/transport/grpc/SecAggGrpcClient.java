package io.secagg.transport.grpc;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.secagg.core.crypto.Ed25519KeyPair;
import io.secagg.core.UntrustedInputException;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.session.ConfigPolicy;
import io.secagg.core.session.ConfigRejectedException;
import io.secagg.core.vector.ModVector;
import io.secagg.transport.grpc.internal.SessionProtocol;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A participant's client: joins a {@link SecAggGrpcServer}'s round over TLS and runs its side of
 * the secure-aggregation session.
 *
 * <pre>{@code
 * try (SecAggGrpcClient client =
 *     SecAggGrpcClient.builder("server.example", 8443, ClientTls.trusting(caPem))
 *         .participantId(7).build()) {
 *   Participation p = client.participate(config -> quantizedUpdate);
 * }
 * }</pre>
 *
 * <p>Before the first Welcome the client retries with backoff while the server is unavailable
 * (not started, or no round open), for up to the connect window. A stream that breaks during the
 * round is resumed with the round's resume token; frames lost in between are resent and
 * de-duplicated, so the input is counted once. A definite refusal by the server ends the
 * participation with {@link SessionRefusedException}, without retries.
 *
 * <p>Not for concurrent use: one participation at a time.
 */
public final class SecAggGrpcClient implements AutoCloseable {
  private final String host;
  private final int port;
  private final ClientTls tls;
  private final int participantId;
  private final ConfigPolicy policy;
  private final Duration connectWindow;
  private final Duration idleTimeout;
  private final SecureRandom random;
  private final Ed25519KeyPair identityKey;
  private final ClientHooks hooks;
  private final ClientListener listener;
  private ManagedChannel channel;
  private boolean closed;

  private SecAggGrpcClient(Builder b) {
    this.host = b.host;
    this.port = b.port;
    this.tls = b.tls;
    this.participantId = b.participantId;
    this.policy = b.policy;
    this.connectWindow = b.connectWindow;
    this.idleTimeout = b.idleTimeout;
    this.random = b.random;
    this.identityKey = b.identityKey;
    this.hooks = b.hooks;
    this.listener = b.listener;
  }

  /**
   * A builder for a client of the server at {@code host:port}.
   *
   * @throws NullPointerException if {@code host} or {@code tls} is null
   * @throws IllegalArgumentException if {@code host} is empty or {@code port} is outside 1..65535
   */
  public static Builder builder(String host, int port, ClientTls tls) {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(tls, "tls");
    if (host.isEmpty()) {
      throw new IllegalArgumentException("Invalid host: empty");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("Invalid port " + port + "; must be 1..65535");
    }
    return new Builder(host, port, tls);
  }

  /**
   * Joins the next round: sends Hello, checks the Welcome's configuration against the policy,
   * asks {@code input} for the participant's vector for that configuration, and runs the client
   * machine to its end.
   *
   * @param input gives the (already quantized) input for the session's configuration; its
   *     modulus and length must match it
   * @return how the participation ended ({@code ClientCompleted} or {@code ClientAborted}, including a
   *     session the server ended without this client)
   * @throws ConfigRejectedException if the offered configuration breaks the policy (the client
   *     did not take part)
   * @throws InvalidEnvelopeException if the server sent an envelope that is malformed or breaks
   *     the session protocol (a second Welcome, a Welcome out of range, a skipped frame number,
   *     a frame longer than the session allows): a misbehaving server, not retried
   * @throws io.secagg.core.wire.WireFormatException if the configuration the server offered is
   *     not a valid encoding
   * @throws UntrustedInputException for any other rejection of what the server sent
   * @throws SessionRefusedException if the server refused the participant or ended its session
   *     with an error (not retried)
   * @throws TlsHandshakeException if the TLS handshake failed (untrusted or misnamed server
   *     certificate, missing or refused client certificate; not retried)
   * @throws IOException if the server could not be reached, or the stream could not be resumed,
   *     within the connect window
   * @throws InterruptedException if the calling thread is interrupted
   * @throws IllegalArgumentException if the input does not match the configuration
   * @throws IllegalStateException if the client is closed
   */
  public Participation participate(Function<SecAggConfig, ModVector> input)
      throws ConfigRejectedException, UntrustedInputException, IOException, InterruptedException {
    Objects.requireNonNull(input, "input");
    return new ClientSession(this, channel(), hooks).run(input);
  }

  /**
   * Joins the next round with a fixed input; see {@link #participate(Function)}.
   *
   * @throws NullPointerException if {@code input} is null
   */
  public Participation participate(ModVector input)
      throws ConfigRejectedException, UntrustedInputException, IOException, InterruptedException {
    Objects.requireNonNull(input, "input");
    return participate(config -> input);
  }

  /** Closes the connection (waiting briefly for the last frames to leave). Idempotent. */
  @Override
  public void close() {
    ManagedChannel c;
    synchronized (this) {
      closed = true;
      c = channel;
    }
    if (c != null) {
      c.shutdown();
      try {
        if (!c.awaitTermination(2, TimeUnit.SECONDS)) {
          c.shutdownNow();
        }
      } catch (InterruptedException e) {
        c.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }

  private synchronized ManagedChannel channel() throws IOException {
    if (closed) {
      throw new IllegalStateException("the client is closed");
    }
    if (channel == null) {
      channel =
          Grpc.newChannelBuilderForAddress(host, port, tls.credentials())
              .maxInboundMessageSize(SessionProtocol.MAX_WELCOME_MESSAGE)
              .maxInboundMetadataSize(8 * 1024)
              .build();
    }
    return channel;
  }

  int participantId() {
    return participantId;
  }

  ConfigPolicy policy() {
    return policy;
  }

  Duration connectWindow() {
    return connectWindow;
  }

  Duration idleTimeout() {
    return idleTimeout;
  }

  /** True iff the client presents a certificate (mutual TLS). */
  boolean presentsCertificate() {
    return tls.hasClientCertificate();
  }

  /** {@code host:port}, for messages. */
  String target() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  ClientListener listener() {
    return listener;
  }

  SecureRandom random() {
    return random;
  }

  Ed25519KeyPair identityKey() {
    return identityKey;
  }

  @Override
  public String toString() {
    return "SecAggGrpcClient[participant=" + participantId + ", " + host + ":" + port + ", " + tls + "]";
  }

  /** Builds a {@link SecAggGrpcClient}; setters validate at once. */
  public static final class Builder {
    private final String host;
    private final int port;
    private final ClientTls tls;
    private int participantId;
    private ConfigPolicy policy = ConfigPolicy.defaults();
    private Duration connectWindow = Duration.ofSeconds(60);
    private Duration idleTimeout = Duration.ofMinutes(10);
    private SecureRandom random;
    private Ed25519KeyPair identityKey;
    private ClientHooks hooks = ClientHooks.NONE;
    private ClientListener listener = new ClientListener() {};

    private Builder(String host, int port, ClientTls tls) {
      this.host = host;
      this.port = port;
      this.tls = tls;
    }

    /**
     * The participant's global id (required).
     *
     * @throws IllegalArgumentException if {@code id} is below 1
     */
    public Builder participantId(int id) {
      if (id < 1) {
        throw new IllegalArgumentException("Invalid participant id " + id + "; must be >= 1");
      }
      this.participantId = id;
      return this;
    }

    /**
     * What configurations the client accepts (default {@link ConfigPolicy#defaults()}).
     *
     * @throws NullPointerException if {@code policy} is null
     */
    public Builder policy(ConfigPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * How long to keep trying to join, or to resume a broken stream (default 60 s).
     *
     * @throws NullPointerException if {@code window} is null
     * @throws IllegalArgumentException if it is not positive
     */
    public Builder connectWindow(Duration window) {
      this.connectWindow = positive(window);
      return this;
    }

    /**
     * How long the client waits for the server's next frame before it gives up (default 10
     * minutes; passed to the client driver).
     *
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if it is not positive
     */
    public Builder idleTimeout(Duration timeout) {
      this.idleTimeout = positive(timeout);
      return this;
    }

    /**
     * Observes the participation: progress, and a place for tests to stop the client at a round
     * (default: none).
     *
     * @throws NullPointerException if {@code listener} is null
     */
    public Builder listener(ClientListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * The randomness of the client machine (default: a new {@link SecureRandom}).
     *
     * @throws NullPointerException if {@code random} is null
     */
    public Builder random(SecureRandom random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * The participant's Ed25519 identity key pair, used in malicious-mode sessions.
     *
     * @throws NullPointerException if {@code key} is null
     */
    public Builder identityKey(Ed25519KeyPair key) {
      this.identityKey = Objects.requireNonNull(key, "key");
      return this;
    }

    Builder hooks(ClientHooks hooks) {
      this.hooks = Objects.requireNonNull(hooks, "hooks");
      return this;
    }

    /**
     * The client.
     *
     * @throws IllegalStateException if the participant id is not set
     */
    public SecAggGrpcClient build() {
      if (participantId == 0) {
        throw new IllegalStateException("participantId is not set");
      }
      return new SecAggGrpcClient(this);
    }

    private static Duration positive(Duration d) {
      Objects.requireNonNull(d, "duration");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("Invalid duration " + d + "; must be positive");
      }
      return d;
    }
  }
}
