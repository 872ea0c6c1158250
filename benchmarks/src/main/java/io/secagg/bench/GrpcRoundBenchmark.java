package io.secagg.bench;

import io.grpc.netty.shaded.io.netty.util.internal.logging.InternalLoggerFactory;
import io.grpc.netty.shaded.io.netty.util.internal.logging.JdkLoggerFactory;
import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.core.protocol.AggregationResult;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.protocol.client.ClientMachine;
import io.secagg.core.protocol.server.ServerMachine;
import io.secagg.core.session.GroupPlan;
import io.secagg.core.session.GroupedResult;
import io.secagg.core.transport.ClientDriver;
import io.secagg.core.transport.ClientResult;
import io.secagg.core.transport.InMemoryNetwork;
import io.secagg.core.transport.ServerDriver;
import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;
import io.secagg.transport.grpc.ClientTls;
import io.secagg.transport.grpc.Participation;
import io.secagg.transport.grpc.SecAggGrpcClient;
import io.secagg.transport.grpc.SecAggGrpcServer;
import io.secagg.transport.grpc.ServerTls;
import io.secagg.transport.grpc.pki.DevelopmentCa;
import io.secagg.transport.grpc.pki.IssuedCertificate;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One whole secure-aggregation round of {@code clients} clients (default 100) with L =
 * {@code length} elements (default 10^5), m = 2^32, the complete graph (SecAgg: every pair
 * masks, as {@code secagg serve}'s default {@code --graph complete}), semi-honest, threshold
 * clients/2 + 1, no dropouts, over two transports:
 *
 * <ul>
 *   <li>{@code inMemory} (the baseline): a {@link ServerDriver} on the benchmark thread and one
 *       {@link ClientDriver} per client on its own thread, over an {@link InMemoryNetwork}: the
 *       protocol's computation and the wire encoding, no network.
 *   <li>{@code grpc}: a {@link SecAggGrpcServer} and one {@link SecAggGrpcClient} per client
 *       (each on its own thread, each its own TLS channel) over loopback TLS 1.3 with server
 *       certificates from a {@link DevelopmentCa}; the difference to {@code inMemory} is the
 *       cost of gRPC, HTTP/2, TLS and the session envelopes.
 * </ul>
 *
 * <p><b>Timed region</b> (one single shot per iteration): from opening the round to every
 * client's and the server's end, that is round 0 to unmasking; the result is checked (every
 * client included, the sum equals the sum of the inputs) outside the timed region. The gRPC
 * server is started and the clients are built (channels created, no round joined) once per
 * trial; each iteration runs a new round on them, so the first iteration includes connection
 * and TLS handshakes and the later ones resume on established channels only if the transport
 * keeps them. Inputs are fixed per trial (DeterministicRandom) and copied per invocation, outside
 * the timed region, because a client machine masks its input in place.
 *
 * <p>Traffic of one round (either transport, before TLS and envelope overhead; the {@code
 * inMemory} trial prints the measured frame bytes at its end): each client
 * sends its masked input, L x 4 bytes = 400 KB, plus about 100 bytes per peer for keys and
 * shares; the server sends each client the key list and the shares addressed to it (about
 * clients x 200 bytes); measured for 100 x 10^5: the server receives 41.6 MB and sends 1.9 MB.
 *
 * <p>Expected cost on a 2-core machine: the clients' pairwise masks dominate (clients x
 * (clients - 1) masks of L elements, ~1e4 masks of 10^5 elements, ~15 us each when warm, more
 * while the JIT warms up, and every client thread competes for the same two cores), then key
 * agreement and Shamir sharing (clients^2 of each), then encoding and copying the 40 MB. A smoke
 * run ({@code -f 1 -wi 1 -i 2}) on a shared, heavily loaded 2-core machine gave 2.2-4.1 s per
 * round in memory and 2.8-3.6 s over gRPC, and about 18 s for the first gRPC round (100 TLS
 * handshakes, cold JIT); the official numbers need a quiet machine and more iterations.
 *
 * <p>How to run:
 *
 * <pre>
 * mvn -B -q -o -DskipTests package -pl benchmarks -am
 * java -jar benchmarks/target/benchmarks.jar GrpcRoundBenchmark -f 1 -wi 2 -i 5
 * java -jar benchmarks/target/benchmarks.jar GrpcRoundBenchmark -p transport=grpc -f 1 -wi 1 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GrpcRoundBenchmark {
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  /** The transport: {@code inMemory} (baseline) or {@code grpc} (loopback TLS). */
  @Param({"inMemory", "grpc"})
  public String transport;

  /** Clients in the round. */
  @Param({"100"})
  public int clients;

  /** Elements per vector. */
  @Param({"100000"})
  public int length;

  private SecAggConfig config;
  private ModVector[] inputs;
  private ModVector expected;
  private ModVector[] working;
  private ExecutorService pool;
  private Path certificates;
  private SecAggGrpcServer server;
  private SecAggGrpcClient[] grpcClients;
  private InMemoryNetwork lastNetwork;

  /** Builds the configuration and inputs, and for gRPC the certificates, server and clients. */
  @Setup(Level.Trial)
  public void trial() throws Exception {
    // The benchmark jar carries logback (through javallier) with its DEBUG default; Netty would
    // log every HTTP/2 frame through it. Netty's JDK-logging factory logs at INFO and above.
    InternalLoggerFactory.setDefaultFactory(JdkLoggerFactory.INSTANCE);
    Modulus m = Modulus.powerOfTwo(32);
    config = SecAggConfig.builder().clientCount(clients).threshold(clients / 2 + 1)
        .vectorLength(length).modulus(m).completeGraph().build();
    inputs = new ModVector[clients + 1];
    expected = ModVector.zeros(m, length);
    DeterministicRandom random = DeterministicRandom.forTestVectorsOnly(20261127L);
    byte[] bytes = new byte[4 * length];
    for (int id = 1; id <= clients; id++) {
      random.nextBytes(bytes);
      ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
      long[] e = new long[length];
      for (int i = 0; i < length; i++) {
        e[i] = b.getInt() & 0xffffffffL;
      }
      inputs[id] = ModVector.of(m, e);
      expected.addInPlace(inputs[id]);
    }
    working = new ModVector[clients + 1];
    pool = Executors.newFixedThreadPool(clients);
    if (transport.equals("grpc")) {
      certificates = Files.createTempDirectory("secagg-bench-certs");
      DevelopmentCa ca = DevelopmentCa.generate("secagg bench CA", Duration.ofDays(1), new SecureRandom());
      ca.writeCertificate(certificates.resolve("ca.pem"));
      IssuedCertificate cert = ca.issueServer(List.of("localhost", "127.0.0.1"));
      cert.writeCertificateChain(certificates.resolve("server.pem"));
      cert.writePrivateKey(certificates.resolve("server.key"));
      server = SecAggGrpcServer.builder(
              GroupPlan.single(config),
              ServerTls.fromPem(certificates.resolve("server.pem"), certificates.resolve("server.key")))
          .host("127.0.0.1").port(0).joinTimeout(TIMEOUT).roundTimeout(TIMEOUT).build();
      server.start();
      ClientTls tls = ClientTls.trusting(certificates.resolve("ca.pem"));
      grpcClients = new SecAggGrpcClient[clients + 1];
      for (int id = 1; id <= clients; id++) {
        grpcClients[id] = SecAggGrpcClient.builder("localhost", server.port(), tls)
            .participantId(id).connectWindow(TIMEOUT).build();
      }
    } else if (!transport.equals("inMemory")) {
      throw new IllegalArgumentException("Unknown transport " + transport + "; expected inMemory or grpc");
    }
  }

  /** Fresh copies of the inputs: a client machine masks its input in place. */
  @Setup(Level.Invocation)
  public void copyInputs() {
    for (int id = 1; id <= clients; id++) {
      working[id] = inputs[id].copy();
    }
  }

  /** One round over the transport given by {@link #transport}; returns the sum. */
  @Benchmark
  public ModVector round() throws Exception {
    return transport.equals("grpc") ? grpcRound() : inMemoryRound();
  }

  private ModVector inMemoryRound() throws Exception {
    InMemoryNetwork network = new InMemoryNetwork(clients);
    lastNetwork = network;
    List<Future<ClientResult>> ends = new ArrayList<>(clients);
    for (int id = 1; id <= clients; id++) {
      ClientMachine machine = ClientMachine.builder(config, id).input(working[id]).build();
      ClientDriver driver =
          ClientDriver.builder(machine, network.clientEndpoint(id)).idleTimeout(TIMEOUT).build();
      ends.add(pool.submit(driver::run));
    }
    AggregationResult result = ServerDriver.builder(ServerMachine.builder(config).build(),
        network.serverEndpoint()).roundTimeout(TIMEOUT).build().run();
    for (Future<ClientResult> end : ends) {
      check(end.get().completed(), "a client did not complete: " + end.get());
    }
    check(result.includedClients().size() == clients, "not every client was included");
    return result.sum();
  }

  private ModVector grpcRound() throws Exception {
    List<Future<Participation>> ends = new ArrayList<>(clients);
    for (int id = 1; id <= clients; id++) {
      SecAggGrpcClient client = grpcClients[id];
      ModVector input = working[id];
      ends.add(pool.submit(() -> client.participate(input)));
    }
    GroupedResult result = server.runRound();
    for (Future<Participation> end : ends) {
      check(end.get().completed(), "a client did not complete: " + end.get().finalState());
    }
    check(result.allGroupsCompleted() && result.includedParticipants().size() == clients,
        "not every client was included");
    return result.sum();
  }

  /** Runs one more round, checks its sum, and stops the server and clients. */
  @TearDown(Level.Trial)
  public void close() throws Exception {
    try {
      copyInputs();
      ModVector sum = round();
      check(sum.equals(expected), "the round's sum differs from the sum of the inputs");
      if (lastNetwork != null) {
        // Frame payload bytes of one round (the gRPC round carries the same frames, plus
        // envelopes, HTTP/2 and TLS); printed in the fork's output, not scored.
        System.out.printf(java.util.Locale.ROOT,
            "%nsecagg frames of one round: server sent %d bytes, received %d bytes%n",
            lastNetwork.serverBytesSent(), lastNetwork.serverBytesReceived());
      }
    } finally {
      pool.shutdownNow();
      if (grpcClients != null) {
        for (int id = 1; id <= clients; id++) {
          grpcClients[id].close();
        }
      }
      if (server != null) {
        server.close();
      }
      if (certificates != null) {
        deleteTree(certificates);
      }
    }
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalStateException(message);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
