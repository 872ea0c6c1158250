package io.secagg.core.protocol.client;

import io.secagg.core.crypto.Ed25519KeyPair;
import io.secagg.core.protocol.AbortReason;
import io.secagg.core.protocol.ClientAbort;
import io.secagg.core.protocol.ClientMessage;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.protocol.SecurityMode;
import io.secagg.core.protocol.ServerAbort;
import io.secagg.core.protocol.ServerMessage;
import io.secagg.core.protocol.internal.ProtocolViolation;
import io.secagg.core.vector.ModVector;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One client of a secure-aggregation session as a sans-I/O state machine: it is fed the
 * server's messages one at a time and answers with the messages to send back. No threads,
 * sockets, clocks or logging inside; a driver moves the messages (see {@code
 * io.secagg.core.transport}).
 *
 * <p>States: {@link R0AdvertiseKeys} &rarr; {@link R1ShareKeys} &rarr; {@link
 * R2MaskedInputCollection} &rarr; ({@link R3ConsistencyCheck}, malicious mode) &rarr; {@link
 * R4Unmasking} &rarr; {@link ClientCompleted}, or {@link ClientAborted} from any non-terminal state.
 *
 * <p><b>Contract for peer input:</b> {@link #handle} never throws because of what a message
 * contains. A message the current state does not expect, or one that breaks any rule, moves the
 * machine to {@link ClientAborted} with a reason, overwrites every secret it holds, and returns a
 * {@link ClientAbort} to send. A {@link ServerAbort} moves it to {@link ClientAborted} silently. In a
 * terminal state every event is ignored.
 *
 * <p><b>Randomness:</b> every random value (two X25519 key pairs, the self-mask seed, the Shamir
 * polynomial coefficients, the AEAD nonces) is drawn from the {@link SecureRandom} given to the
 * builder, in a fixed order, so a {@code DeterministicRandom} makes a client's whole transcript
 * reproducible byte for byte.
 *
 * <p>Not thread-safe: feed one event at a time.
 */
public final class ClientMachine {
  private final ClientContext context;
  private ClientState state = new R0AdvertiseKeys();

  private ClientMachine(ClientContext context) {
    this.context = context;
  }

  /**
   * A builder for client {@code clientId} of a session with {@code config}.
   *
   * @throws NullPointerException if {@code config} is null
   * @throws IllegalArgumentException if {@code clientId} is outside 1..n
   */
  public static Builder builder(SecAggConfig config, int clientId) {
    Objects.requireNonNull(config, "config");
    config.checkClientId(clientId);
    return new Builder(config, clientId);
  }

  /**
   * Handles one message from the server.
   *
   * @return the messages to send (zero or one) and the new state
   * @throws NullPointerException if {@code message} is null (a caller bug, not peer input)
   */
  public ClientOutcome handle(ServerMessage message) {
    Objects.requireNonNull(message, "message");
    if (state.isTerminal()) {
      return new ClientOutcome(List.of(), state);
    }
    if (message instanceof ServerAbort) {
      return stop(
          AbortReason.PEER_ABORTED,
          "the server aborted: " + ((ServerAbort) message).reason(), false);
    }
    try {
      Step step = state.handle(context, message);
      state = step.next;
      return new ClientOutcome(step.message == null ? List.of() : List.of(step.message), state);
    } catch (ProtocolViolation v) {
      return stop(v.reason(), v.getMessage(), true);
    } catch (RuntimeException e) {
      // Defence in depth: the states validate everything, but if a primitive still rejects some
      // value, the contract is an abort, not an exception escaping to the driver.
      return stop(
          AbortReason.MALFORMED_MESSAGE,
          state.name() + " rejected a message (" + e.getClass().getSimpleName() + ")", true);
    }
  }

  /**
   * Tells the machine that a frame from the server could not be decoded: it aborts with {@link
   * AbortReason#MALFORMED_MESSAGE} (ignored in a terminal state).
   */
  public ClientOutcome handleUndecodableMessage() {
    if (state.isTerminal()) {
      return new ClientOutcome(List.of(), state);
    }
    return stop(AbortReason.MALFORMED_MESSAGE, "a frame from the server could not be decoded", true);
  }

  /**
   * Stops the session on the caller's request: aborts with {@link AbortReason#CANCELLED} and
   * returns the notice to send (ignored in a terminal state).
   */
  public ClientOutcome cancel() {
    if (state.isTerminal()) {
      return new ClientOutcome(List.of(), state);
    }
    return stop(AbortReason.CANCELLED, "cancelled by the caller", true);
  }

  /** The current state. */
  public ClientState state() {
    return state;
  }

  /** This client's id. */
  public int clientId() {
    return context.clientId;
  }

  /** The session configuration. */
  public SecAggConfig config() {
    return context.config;
  }

  private ClientOutcome stop(AbortReason reason, String message, boolean notify) {
    state.destroySecrets();
    context.input = null;
    state = new ClientAborted(reason, message);
    List<ClientMessage> out = notify ? List.of(new ClientAbort(reason)) : List.of();
    return new ClientOutcome(out, state);
  }

  @Override
  public String toString() {
    return "ClientMachine[client=" + context.clientId + ", " + state.name() + "]";
  }

  /** Builds a {@link ClientMachine}. */
  public static final class Builder {
    private final SecAggConfig config;
    private final int clientId;
    private ModVector input;
    private Ed25519KeyPair identity;
    private SecureRandom random;

    private Builder(SecAggConfig config, int clientId) {
      this.config = config;
      this.clientId = clientId;
    }

    /**
     * The client's private input, already quantized to Z_m (copied at {@link #build()}).
     *
     * @throws NullPointerException if {@code input} is null
     * @throws IllegalArgumentException if its modulus or length differs from the configuration
     */
    public Builder input(ModVector input) {
      Objects.requireNonNull(input, "input");
      if (!input.modulus().equals(config.modulus()) || input.length() != config.vectorLength()) {
        throw new IllegalArgumentException(
            "input has modulus " + input.modulus() + " and length " + input.length()
                + "; the configuration needs " + config.modulus() + " and " + config.vectorLength());
      }
      this.input = input;
      return this;
    }

    /**
     * The client's long-term Ed25519 identity key pair (required in malicious mode, rejected in
     * semi-honest mode).
     *
     * @throws NullPointerException if {@code identity} is null
     * @throws IllegalArgumentException if the configuration is semi-honest, or its public key is
     *     not the one the configuration lists for this client
     */
    public Builder identityKey(Ed25519KeyPair identity) {
      Objects.requireNonNull(identity, "identity");
      if (config.securityMode() != SecurityMode.MALICIOUS) {
        throw new IllegalArgumentException("identity keys are only used in malicious mode");
      }
      if (!Arrays.equals(identity.publicKey(), config.identityKey(clientId))) {
        throw new IllegalArgumentException(
            "identity key does not match the configuration's key for client " + clientId);
      }
      this.identity = identity;
      return this;
    }

    /**
     * The randomness source (default: a new {@link SecureRandom}). Pass a {@code
     * DeterministicRandom} only for test vectors and simulations.
     *
     * @throws NullPointerException if {@code random} is null
     */
    public Builder random(SecureRandom random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * Builds the machine in state {@link R0AdvertiseKeys}.
     *
     * @throws IllegalStateException if the input is unset, or the identity key is unset in
     *     malicious mode
     */
    public ClientMachine build() {
      if (input == null) {
        throw new IllegalStateException("input is not set");
      }
      if (config.securityMode() == SecurityMode.MALICIOUS && identity == null) {
        throw new IllegalStateException("malicious mode needs the client's identity key");
      }
      SecureRandom r = random != null ? random : new SecureRandom();
      return new ClientMachine(new ClientContext(config, clientId, input.copy(), identity, r));
    }
  }
}
