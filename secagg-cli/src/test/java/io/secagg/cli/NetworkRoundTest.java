package io.secagg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code secagg serve} and {@code secagg join} in this JVM (threads), over loopback TLS with
 * the certificates and identity keys {@code secagg certs --identities} wrote.
 *
 * <p>Every deadline of the server and the participants is generous ({@link #DEADLINE}): in these
 * rounds nobody is meant to miss one, and participants that decline say so with an abort notice,
 * so no verdict depends on the machine's speed. {@link #WAIT} is only a guard against hangs.
 */
class NetworkRoundTest {
  private static final Duration WAIT = Duration.ofMinutes(3);
  private static final String DEADLINE = "5m";

  @TempDir static Path certs;
  @TempDir Path dir;

  private static ExecutorService pool;

  @BeforeAll
  static void writeCertificates() {
    Run.of("certs", "--out", certs.toString(), "--participants", "6", "--identities").assertOk();
    pool = Executors.newCachedThreadPool();
  }

  @AfterAll
  static void stopPool() {
    pool.shutdownNow();
  }

  private String file(String name) {
    return certs.resolve(name).toString();
  }

  private List<String> serve(int clients, String... more) {
    List<String> a = new ArrayList<>(List.of("serve", "--port", "0", "--clients", String.valueOf(clients),
        "--length", "6", "--tls-cert", file("server.pem"), "--tls-key", file("server.key"),
        "--round-timeout", DEADLINE, "--join-timeout", DEADLINE));
    a.addAll(List.of(more));
    return a;
  }

  private Future<Run> join(int port, int id, boolean mutual, String... input) {
    List<String> a = new ArrayList<>(List.of("join", "--server", "localhost:" + port, "--id", String.valueOf(id),
        "--ca", file("ca.pem"), "--connect-window", DEADLINE));
    if (mutual) {
      a.addAll(List.of("--cert", file("participant-" + id + ".pem"), "--key", file("participant-" + id + ".key")));
    }
    a.addAll(List.of(input.length == 0 ? new String[] {"--random"} : input));
    return pool.submit(() -> Run.of(a.toArray(new String[0])));
  }

  @Test
  void mutualTlsRoundWithFileAndDemoInputsIsVerifiedAndWritten() throws Exception {
    // Participant 4 gives its demo input as a file: the server's check covers --input too.
    ModVector four = DemoInputs.of(0, 4, Modulus.powerOfTwo(32), 6);
    Path input = dir.resolve("four.txt");
    Files.writeString(input, "# participant 4\n" + LongStream.of(four.toLongArray())
        .mapToObj(Long::toString).collect(Collectors.joining(", ")) + "\n");
    Path sum = dir.resolve("sum.txt");
    try (BackgroundRun server = BackgroundRun.start(serve(4, "--client-ca", file("ca.pem"),
        "--verify-random-seed", "0", "--output", sum.toString()).toArray(new String[0]))) {
      int port = server.port(WAIT);
      List<Future<Run>> joins = new ArrayList<>();
      for (int id = 1; id <= 3; id++) {
        joins.add(join(port, id, true));
      }
      joins.add(join(port, 4, true, "--input", input.toString()));
      assertEquals(Secagg.EXIT_OK, server.exitCode(WAIT), server::toString);
      for (Future<Run> j : joins) {
        Run r = j.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(Secagg.EXIT_OK, r.exitCode(), r::toString);
        assertTrue(r.line("Result").startsWith("COMPLETED"), r::toString);
        assertTrue(r.line("Round").startsWith("group 0, client "), r::toString);
      }
      assertEquals("4 of 4 participants: 1..4", server.line("Included"), server::toString);
      assertTrue(server.line("Verification").startsWith("VERIFIED"), server::toString);
      assertTrue(server.line("Listening").contains("mutual TLS"), server::toString);
      ModVector expected = DemoInputs.sum(0, List.of(1, 2, 3, 4), Modulus.powerOfTwo(32), 6);
      assertEquals(LongStream.of(expected.toLongArray()).mapToObj(Long::toString).toList(),
          Files.readAllLines(sum));
      assertEquals(ServeCommand.digest(expected), server.line("Sum SHA-256").split(" ")[0]);
    }
  }

  @Test
  void groupedRoundAddsTheGroupSums() throws Exception {
    try (BackgroundRun server = BackgroundRun.start(serve(6, "--group-size", "3", "--verify-random-seed", "5")
        .toArray(new String[0]))) {
      int port = server.port(WAIT);
      List<Future<Run>> joins = new ArrayList<>();
      for (int id = 1; id <= 6; id++) {
        joins.add(join(port, id, false, "--random", "--seed", "5"));
      }
      assertEquals(Secagg.EXIT_OK, server.exitCode(WAIT), server::toString);
      for (int id = 1; id <= 6; id++) {
        Run r = joins.get(id - 1).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(Secagg.EXIT_OK, r.exitCode(), r::toString);
        assertTrue(r.line("Round").startsWith("group " + (id - 1) / 3 + ", client " + ((id - 1) % 3 + 1) + " of 3"),
            r::toString);
      }
      assertEquals("2 of 2 completed", server.line("Groups"), server::toString);
      assertTrue(server.line("Participants").startsWith("6, 2 groups of 3"), server::toString);
      assertTrue(server.line("Verification").startsWith("VERIFIED"), server::toString);
    }
  }

  @Test
  void sparseGraphRoundIsVerified() throws Exception {
    try (BackgroundRun server = BackgroundRun.start(serve(5, "--graph", "sparse", "--degree", "2",
        "--verify-random-seed", "0").toArray(new String[0]))) {
      int port = server.port(WAIT);
      List<Future<Run>> joins = new ArrayList<>();
      for (int id = 1; id <= 5; id++) {
        joins.add(join(port, id, false));
      }
      assertEquals(Secagg.EXIT_OK, server.exitCode(WAIT), server::toString);
      for (Future<Run> j : joins) {
        Run r = j.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertTrue(r.line("Round").contains("sparse (degree 2)"), r::toString);
      }
      assertEquals("threshold t = 2, graph sparse (SecAgg+ Harary), degree k = 2, semi-honest",
          server.line("Session"), server::toString);
      assertTrue(server.line("Verification").startsWith("VERIFIED"), server::toString);
    }
  }

  @Test
  void maliciousRoundIsVerifiedAndRefusesAForeignOrMissingIdentityKey() throws Exception {
    try (BackgroundRun server = BackgroundRun.start(serve(6, "--client-ca", file("ca.pem"), "--malicious",
        "--identity-keys", file("identities.txt"), "--verify-random-seed", "3")
        .toArray(new String[0]))) {
      int port = server.port(WAIT);
      List<Future<Run>> joins = new ArrayList<>();
      for (int id = 1; id <= 4; id++) {
        joins.add(join(port, id, true, "--random", "--seed", "3", "--identity-key",
            file("participant-" + id + ".identity"), "--require-malicious"));
      }
      // Participant 5 holds participant 1's identity key; participant 6 has none.
      Future<Run> foreign = join(port, 5, true, "--random", "--seed", "3", "--identity-key",
          file("participant-1.identity"));
      Future<Run> missing = join(port, 6, true, "--random", "--seed", "3");
      Run f = foreign.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertEquals(Secagg.EXIT_FAILURE, f.exitCode(), f::toString);
      assertTrue(f.err().contains("secagg join: identity key: " + file("participant-1.identity")
          + " holds the key the server's session lists for another participant"), f::toString);
      Run m = missing.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertEquals(Secagg.EXIT_FAILURE, m.exitCode(), m::toString);
      assertTrue(m.err().contains("secagg join: identity key: the server's session is in malicious-server mode,"
          + " which needs this participant's identity key"), m::toString);
      for (Run r : new Run[] {f, m}) {
        assertFalse(r.err().contains("\tat "), "no stack trace\n" + r);
      }
      // Both declined the session with an abort notice: they drop out at once (not at the join
      // deadline), and t = 3 of 6 remain.
      assertEquals(Secagg.EXIT_OK, server.exitCode(WAIT), server::toString);
      for (Future<Run> j : joins) {
        Run r = j.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(Secagg.EXIT_OK, r.exitCode(), r::toString);
        assertTrue(r.line("Round").endsWith("malicious-server mode"), r::toString);
        assertTrue(r.err().contains("answering CONSISTENCY_CHECK"), r::toString);
      }
      assertTrue(server.line("Session").startsWith("threshold t = 3, graph complete (SecAgg), malicious"),
          server::toString);
      assertEquals("4 of 6 participants: 1..4", server.line("Included"), server::toString);
      String dropouts = server.line("Dropouts");
      assertTrue(dropouts.startsWith("2: ") && dropouts.contains("participant 5 at ADVERTISE_KEYS (CLIENT_ABORTED)")
          && dropouts.contains("participant 6 at ADVERTISE_KEYS (CLIENT_ABORTED)"), server::toString);
      assertTrue(server.line("Verification").startsWith("VERIFIED"), server::toString);
    }
  }

  @Test
  void refusedJoinsAndFailedHandshakesAreExplainedOnBothSides() throws Exception {
    try (BackgroundRun server = BackgroundRun.start(serve(3, "--client-ca", file("ca.pem")).toArray(new String[0]))) {
      int port = server.port(WAIT);
      // Participant 1's certificate used to claim participant 2; then no certificate at all.
      Run impostor = pool.submit(() -> Run.of("join", "--server", "localhost:" + port, "--id", "2", "--random",
          "--ca", file("ca.pem"), "--cert", file("participant-1.pem"), "--key", file("participant-1.key"),
          "--connect-window", DEADLINE)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertEquals(Secagg.EXIT_FAILURE, impostor.exitCode(), impostor::toString);
      assertEquals("secagg join: the server refused participant 2: PERMISSION_DENIED: the client certificate"
          + " names participant 1, not 2", impostor.err().strip(), impostor::toString);
      server.awaitErr("round 1: participant 1 refused: the client certificate names participant 1, not 2"
          + " (PERMISSION_DENIED)", WAIT);
      Run anonymous = join(port, 3, false).get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertEquals(Secagg.EXIT_FAILURE, anonymous.exitCode(), anonymous::toString);
      assertTrue(anonymous.err().startsWith("secagg join: TLS handshake with localhost:" + port + " failed: the server"
          + " requires a client certificate and this client presented none ("), anonymous::toString);
      assertTrue(anonymous.err().strip().endsWith("the server uses mutual TLS: give this participant's --cert and --key"),
          anonymous::toString);
      server.awaitErr("round 1: a connection failed the TLS handshake before naming a participant: it presented"
          + " no client certificate", WAIT);
      for (Run r : new Run[] {impostor, anonymous}) {
        assertFalse(r.err().contains("\tat "), "no stack trace\n" + r);
      }
    }
  }

  @Test
  void requireMaliciousRefusesASemiHonestSession() throws Exception {
    // The server would wait for participants 2 and 3 until its join deadline; closing the
    // BackgroundRun ends it once the refusal is checked.
    try (BackgroundRun server = BackgroundRun.start(serve(3).toArray(new String[0]))) {
      int port = server.port(WAIT);
      Run r = join(port, 1, false, "--random", "--identity-key", file("participant-1.identity"),
          "--require-malicious").get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertEquals(Secagg.EXIT_FAILURE, r.exitCode(), r::toString);
      assertTrue(r.err().contains("secagg join: refused the server's session parameters: session security mode"
          + " SEMI_HONEST is not the expected MALICIOUS"), r::toString);
    }
  }

  @Test
  void wrongSeedIsAMismatchAndRefusalsFailTheJoin() throws Exception {
    try (BackgroundRun server = BackgroundRun.start(serve(4, "--verify-random-seed", "0")
        .toArray(new String[0]))) {
      int port = server.port(WAIT);
      Future<Run> policy = join(port, 4, false, "--random", "--min-clients", "5");
      Future<Run> unknown = join(port, 9, false);
      List<Future<Run>> joins = new ArrayList<>();
      joins.add(join(port, 1, false));
      joins.add(join(port, 2, false));
      joins.add(join(port, 3, false, "--random", "--seed", "1"));
      Run r = policy.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertEquals(Secagg.EXIT_FAILURE, r.exitCode(), r::toString);
      assertTrue(r.err().contains("secagg join: refused the server's session parameters: session has 4 clients"),
          r::toString);
      Run u = unknown.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertEquals(Secagg.EXIT_FAILURE, u.exitCode(), u::toString);
      assertTrue(u.err().contains("secagg join: the server refused participant 9"), u::toString);
      assertEquals(Secagg.EXIT_FAILURE, server.exitCode(WAIT), server::toString);
      for (Future<Run> j : joins) {
        Run done = j.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(Secagg.EXIT_OK, done.exitCode(), done::toString);
      }
      assertEquals("3 of 4 participants: 1..3", server.line("Included"), server::toString);
      assertTrue(server.line("Dropouts").startsWith("1: participant 4 at ADVERTISE_KEYS"), server::toString);
      assertTrue(server.line("Verification").startsWith("MISMATCH"), server::toString);
      assertTrue(server.line("Result").contains("MISMATCH"), server::toString);
    }
  }
}
