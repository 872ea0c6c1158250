package io.secagg.transport.grpc;

import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;
import io.secagg.transport.grpc.pki.DevelopmentCa;
import io.secagg.transport.grpc.pki.IssuedCertificate;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/** Certificates in a temporary folder and small helpers shared by the transport's tests. */
final class TestPki {
  static final Modulus M = Modulus.powerOfTwo(32);

  final Path dir;
  final DevelopmentCa ca;
  final Path caPem;
  final Path serverChain;
  final Path serverKey;

  private TestPki(Path dir) throws Exception {
    this.dir = dir;
    this.ca = DevelopmentCa.generate("secagg test CA", Duration.ofDays(1), new SecureRandom());
    this.caPem = dir.resolve("ca.pem");
    ca.writeCertificate(caPem);
    IssuedCertificate server = ca.issueServer(List.of("localhost", "127.0.0.1"));
    this.serverChain = dir.resolve("server.pem");
    this.serverKey = dir.resolve("server.key");
    server.writeCertificateChain(serverChain);
    server.writePrivateKey(serverKey);
  }

  static TestPki create(Path dir) throws Exception {
    return new TestPki(dir);
  }

  ServerTls serverTls(boolean mutual) throws Exception {
    ServerTls tls = ServerTls.fromPem(serverChain, serverKey);
    return mutual ? tls.requireClientCertificates(caPem) : tls;
  }

  ClientTls clientTls() throws Exception {
    return ClientTls.trusting(caPem);
  }

  /** Client TLS with a certificate naming participant {@code certificateId}. */
  ClientTls clientTls(int certificateId) throws Exception {
    Path[] files = participantFiles(certificateId);
    return ClientTls.trusting(caPem).withClientCertificate(files[0], files[1]);
  }

  /** A new certificate chain and key file naming participant {@code certificateId}. */
  Path[] participantFiles(int certificateId) throws Exception {
    Path chain = dir.resolve("p" + certificateId + "-" + System.nanoTime() + ".pem");
    Path key = dir.resolve("p" + certificateId + "-" + System.nanoTime() + ".key");
    IssuedCertificate c = ca.issueParticipant(certificateId);
    c.writeCertificateChain(chain);
    c.writePrivateKey(key);
    return new Path[] {chain, key};
  }

  static SecAggConfig config(int n, int length) {
    return SecAggConfig.builder().clientCount(n).threshold(n / 2 + 1).vectorLength(length).modulus(M)
        .completeGraph().build();
  }

  static List<ModVector> inputs(int count, int length, long seed) {
    Random r = new Random(seed);
    List<ModVector> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long[] v = new long[length];
      for (int j = 0; j < length; j++) {
        v[j] = r.nextInt() & 0xffffffffL;
      }
      out.add(ModVector.of(M, v));
    }
    return out;
  }

  /** The plain sum of the inputs of the given 1-based participants. */
  static ModVector plainSum(List<ModVector> inputs, List<Integer> participants) {
    ModVector sum = ModVector.zeros(M, inputs.get(0).length());
    for (int p : participants) {
      sum.addInPlace(inputs.get(p - 1));
    }
    return sum;
  }

  static ExecutorService threads(int n) {
    ThreadFactory f = r -> {
      Thread t = new Thread(r, "test-client");
      t.setDaemon(true);
      return t;
    };
    return Executors.newFixedThreadPool(n, f);
  }

  static <T> List<Future<T>> submitAll(ExecutorService pool, List<Callable<T>> tasks) {
    List<Future<T>> out = new ArrayList<>();
    for (Callable<T> t : tasks) {
      out.add(pool.submit(t));
    }
    return out;
  }
}
