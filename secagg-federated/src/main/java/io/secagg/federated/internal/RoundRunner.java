package io.secagg.federated.internal;

import io.secagg.core.crypto.Ed25519KeyPair;
import io.secagg.core.protocol.AggregationResult;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.protocol.client.ClientMachine;
import io.secagg.core.protocol.server.ServerMachine;
import io.secagg.core.protocol.server.ServerOptions;
import io.secagg.core.session.SessionListener;
import io.secagg.core.transport.ClientDriver;
import io.secagg.core.transport.ClientResult;
import io.secagg.core.transport.ClientTransport;
import io.secagg.core.transport.ServerDriver;
import io.secagg.core.transport.ServerTransport;
import io.secagg.core.transport.SessionAbortedException;
import io.secagg.core.vector.ModVector;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * The one place where the averaging API runs protocol rounds: everything above it is floats,
 * quantization and DP, everything below it the protocol. The server and each client are separate
 * parties, so each runs on its own core driver over the caller's transport (the session layer's
 * round runners, which host every party in one JVM, do not fit); a client the transport reports
 * gone is counted as a dropout at once by {@link ServerDriver}.
 */
public final class RoundRunner {
  private RoundRunner() {}

  /**
   * Runs the server of one session to its end.
   *
   * @param listener told of the session's phases, answers and departures
   *
   * @return the protocol's result
   * @throws SessionAbortedException if the session aborted (for example more dropouts than the
   *     threshold tolerates)
   * @throws IOException if the transport failed as a whole
   * @throws InterruptedException if the thread was interrupted (the session is cancelled)
   */
  public static AggregationResult serve(SecAggConfig config, ServerTransport transport,
      SecureRandom random, ServerOptions options, Duration roundTimeout, SessionListener listener)
      throws SessionAbortedException, IOException, InterruptedException {
    ServerMachine server = ServerMachine.builder(config).random(random).options(options).build();
    return ServerDriver.builder(server, transport).roundTimeout(roundTimeout).listener(listener)
        .build().run();
  }

  /**
   * Runs one client of one session to its end.
   *
   * @param identity the client's identity key pair in malicious mode, null otherwise
   *
   * @throws SessionAbortedException if the session aborted, or the client gave up (the server
   *     was silent for {@code idleTimeout}, or broke a rule)
   * @throws IOException if the transport failed
   * @throws InterruptedException if the thread was interrupted (the client is cancelled)
   */
  public static void participate(SecAggConfig config, int clientId, ModVector input,
      Ed25519KeyPair identity, ClientTransport transport, SecureRandom random,
      Duration idleTimeout) throws SessionAbortedException, IOException, InterruptedException {
    ClientMachine.Builder b = ClientMachine.builder(config, clientId).input(input).random(random);
    if (identity != null) {
      b.identityKey(identity);
    }
    ClientMachine client = b.build();
    ClientResult end = ClientDriver.builder(client, transport).idleTimeout(idleTimeout).build().run();
    if (!end.completed()) {
      throw new SessionAbortedException(end.abortReason().orElseThrow(), end.message());
    }
  }
}
