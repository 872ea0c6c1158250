package io.secagg.cli;

import static io.secagg.cli.Run.assertUsageHint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.protocol.Round;
import io.secagg.core.protocol.SecurityMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Option validation of serve and join (no server starts, nothing connects). */
class NetworkOptionsTest {
  @TempDir Path dir;
  private String pem;

  @BeforeEach
  void files() throws IOException {
    pem = Files.writeString(dir.resolve("x.pem"), "not checked before the options").toString();
  }

  private Run serve(String args) {
    return run(args, "serve", "--tls-cert", pem, "--tls-key", pem);
  }

  private Run join(String args) {
    return run(args, "join", "--ca", pem);
  }

  /** Runs {@code prefix} and then {@code args} split at spaces. */
  private static Run run(String args, String... prefix) {
    List<String> a = new ArrayList<>(List.of(prefix));
    a.addAll(Arrays.asList(args.trim().split(" +")));
    return Run.of(a.toArray(new String[0]));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "serve | --port 70000 -n 5 -l 3                  | Invalid value for --port: 70000; must be 0..65535",
        "serve | --port 0 -n 2 -l 3                      | Invalid value for --clients: 2; must be 3..65535",
        "serve | --port 0 -n 70000 -l 3                  | Invalid value for --clients: 70000; must be 3..65535 (more with --group-size)",
        "serve | --port 0 -n 5 -l 0                      | Invalid value for --length: 0; must be 1..67108864",
        "serve | --port 0 -n 5 -l 3 -t 1                 | Invalid value for --threshold: 1; must be 2..4 (the degree k)",
        "serve | --port 0 -n 5 -l 3 -t 5                 | Invalid value for --threshold: 5; must be 2..4",
        "serve | --port 0 -n 5 -l 3 -t 2                 | participants require 2T > k = 4, so T must be at least 3",
        "serve | --port 0 -n 10 -l 3 --group-size 2      | Invalid value for --group-size: 2; must be 3..65535",
        "serve | --port 0 -n 7 -l 3 --group-size 3      | leaves groups of 2; every group needs at least 3",
        "serve | --port 0 -n 7 -l 3 --group-size 4 -t 3  | Invalid value for --threshold: 3; must be 2..2 (the degree in the smallest group, of 3)",
        "serve | --port 0 -n 9 -l 3 --group-size 5 -t 2  | participants require 2T > k = 4",
        "serve | --port 0 -n 20 -l 3 --degree 4          | --degree needs --graph sparse",
        "serve | --port 0 -n 20 -l 3 -g sparse --degree 3 | Invalid value for --degree: 3; must be even and 2..18",
        "serve | --port 0 -n 21 -l 3 -g sparse --degree 22 | Invalid value for --degree: 22; must be even and 2..20",
        "serve | --port 0 -n 5 -l 3 --rounds 0           | Invalid value for --rounds: 0; must be 1..1000000",
        "serve | --port 0 -n 5 -l 3 --join-timeout 0s    | '0s' is not a duration in (0, 24h]",
        "serve | --port 0 -n 5 -l 3 --round-timeout soon | 'soon' is not a duration",
        "serve | --port 0 -n 5 -l 3 --modulus 1          | '1' is not a supported modulus",
        "serve | --port 0 -n 5 -l 3 --client-ca nope.pem | Invalid value for --client-ca: nope.pem is not a readable file",
        "serve | -n 5 -l 3                               | Missing required option: '--port=P'",
        "serve | --port 0 -n 5 -l 3 --malicious          | --malicious needs --identity-keys FILE",
        "serve | --port 0 -n 5 -l 3 --identity-keys k.txt | --identity-keys needs --malicious",
        "serve | --port 0 -n 5 -l 3 --malicious --identity-keys nope.txt | Invalid value for --identity-keys: nope.txt is not a readable file",
        "join  | --server localhost --id 1 --random             | Invalid value for --server: 'localhost' is not HOST:PORT",
        "join  | --server localhost:0 --id 1 --random           | has no port in 1..65535",
        "join  | --server :50051 --id 1 --random                | has no host",
        "join  | --server [::1 --id 1 --random                  | is not [ADDRESS]:PORT",
        "join  | --server localhost:1 --id 0 --random           | Invalid value for --id: 0; must be at least 1",
        "join  | --server localhost:1 --id 1                    | Missing required argument (specify one of these): (--input=FILE | --random)",
        "join  | --server localhost:1 --id 1 --random --input f | mutually exclusive",
        "join  | --server localhost:1 --id 1 --input f --seed 3 | --seed applies only to --random",
        "join  | --server localhost:1 --id 1 --random --min-clients 2 | Invalid value for --min-clients: 2; must be 3..65535",
        "join  | --server localhost:1 --id 1 --random --cert x  | --cert and --key go together",
        "join  | --server localhost:1 --id 1 --random --min-clients 9 --max-clients 8 | Invalid value for --max-clients: 8; must be --min-clients (9)..65535",
        "join  | --server localhost:1 --id 1 --random --connect-window 2d | '2d' is not a duration",
        "join  | --server localhost:1 --id 1 --random --stall-at NEVER | Invalid value for option '--stall-at'",
        "join  | --server localhost:1 --id 1 --random --require-malicious | --require-malicious needs --identity-key FILE",
        "join  | --server localhost:1 --id 1 --random --identity-key nope | Invalid value for --identity-key: nope is not a readable file",
      })
  void rejectsBadOptionsWithAUsageErrorAndTheHint(String command, String args, String message) {
    Run r = (command.equals("serve") ? serve(args) : join(args)).assertUsageError(message);
    assertUsageHint(r, command);
    assertEquals("", r.out(), "nothing on standard output");
  }
  private String keyList(int keys, String extra) throws IOException {
    StringBuilder sb = new StringBuilder("# public keys\n");
    for (int i = 1; i <= keys; i++) {
      sb.append(String.format("%064x", i)).append('\n');
    }
    return Files.writeString(dir.resolve("keys-" + keys + ".txt"), sb + extra).toString();
  }

  @Test
  void serveChecksTheIdentityKeyListAgainstTheParticipantCount() throws IOException {
    serve("--port 0 -n 5 -l 3 --malicious --identity-keys " + keyList(4, ""))
        .assertUsageError("Invalid value for --identity-keys: " + dir.resolve("keys-4.txt")
            + ": holds 4 keys, but there are 5 participants; the file must hold exactly 5 keys");
    Run bad = serve("--port 0 -n 3 -l 3 --malicious --identity-keys " + keyList(2, "xyz\n"))
        .assertUsageError(dir.resolve("keys-2.txt") + ":4: character 'x' at column 1 is not a hex digit"
            + " (participant 3's public key)");
    assertUsageHint(bad, "serve");
  }

  @Test
  void maliciousServeGivesEachGroupItsMembersKeysInOrder() throws IOException {
    String keys = keyList(10, "");
    picocli.CommandLine cl = Secagg.commandLine();
    cl.parseArgs("serve", "--tls-cert", pem, "--tls-key", pem, "--port", "0", "-n", "10", "-l", "3",
        "--group-size", "4", "--malicious", "--identity-keys", keys);
    ServeCommand serve = cl.getSubcommands().get("serve").getCommand();
    io.secagg.core.session.GroupPlan plan = serve.plan();
    assertEquals(3, plan.groupCount()); // 4, 3, 3
    for (int g = 0; g < plan.groupCount(); g++) {
      io.secagg.core.protocol.SecAggConfig c = plan.groupConfig(g);
      assertEquals(SecurityMode.MALICIOUS, c.securityMode());
      assertTrue(2 * c.threshold() > c.clientCount() - 1, c::toString);
      for (int client = 1; client <= c.clientCount(); client++) {
        int participant = plan.participantOf(g, client);
        assertEquals(String.format("%064x", participant), IdentityKeys.hex(c.identityKey(client)),
            "group " + g + " client " + client);
      }
    }
  }

  @Test
  void joinRefusesAMalformedIdentityKeyFileBeforeConnecting() throws IOException {
    Path key = Files.writeString(dir.resolve("p.identity"), "# mine\n0123\n");
    Run r = join("--server localhost:1 --id 1 --random --identity-key " + key)
        .assertUsageError("Invalid value for --identity-key: " + key + ":2: not 64 hex digits");
    assertFalse(r.err().contains("0123"), r::toString);
  }

  @Test
  void identityProblemNamesAMissingOrForeignKey() throws Exception {
    io.secagg.core.crypto.Ed25519KeyPair[] ks = new io.secagg.core.crypto.Ed25519KeyPair[4];
    List<byte[]> pubs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ks[i] = io.secagg.core.crypto.Ed25519.create().generateKeyPair();
      pubs.add(ks[i].publicKey());
    }
    io.secagg.core.protocol.SecAggConfig malicious = io.secagg.core.protocol.SecAggConfig.builder()
        .clientCount(3).threshold(2).vectorLength(2).modulus(io.secagg.core.vector.Modulus.powerOfTwo(8))
        .completeGraph().securityMode(SecurityMode.MALICIOUS).identityKeys(pubs.subList(0, 3)).build();
    Path f = dir.resolve("k.identity");
    assertTrue(JoinCommand.identityProblem(malicious, null, null).contains("needs this participant's identity key"));
    assertEquals(null, JoinCommand.identityProblem(malicious, ks[1], f));
    String foreign = JoinCommand.identityProblem(malicious, ks[3], f);
    assertTrue(foreign.startsWith("the server's session does not list the identity key of " + f + " (public key "
        + IdentityKeys.hex(pubs.get(3)) + ")"), foreign);
    io.secagg.core.protocol.SecAggConfig semiHonest = io.secagg.core.protocol.SecAggConfig.builder()
        .clientCount(3).threshold(2).vectorLength(2).modulus(io.secagg.core.vector.Modulus.powerOfTwo(8))
        .completeGraph().build();
    assertEquals(null, JoinCommand.identityProblem(semiHonest, null, null));
  }

  @Test
  void serveRefusesAnExistingOutputBeforeStarting() throws IOException {
    Path out = Files.writeString(dir.resolve("sum.txt"), "old");
    serve("--port 0 -n 5 -l 3 --output " + out).assertUsageError("sum.txt exists; refusing to overwrite");
    Run rounds = serve("--port 0 -n 5 -l 3 --rounds 2 --output " + dir.resolve("s"));
    assertFalse(rounds.err().contains("refusing"), rounds::toString);
  }

  @Test
  void serveReportsUnreadableTlsMaterialInOneLine() {
    Run r = serve("--port 0 -n 5 -l 3");
    assertEquals(Secagg.EXIT_FAILURE, r.exitCode(), r::toString);
    assertTrue(r.err().startsWith("secagg: error: "), r::toString);
    assertEquals(1, r.err().strip().lines().count(), r::toString);
  }

  @Test
  void joinReportsABadInputFileBeforeConnecting() throws IOException {
    Path bad = Files.writeString(dir.resolve("in.txt"), "1 2 x");
    Run r = join("--server localhost:1 --id 1 --input " + bad);
    assertEquals(Secagg.EXIT_FAILURE, r.exitCode(), r::toString);
    assertTrue(r.err().startsWith("secagg join: bad input: " + bad + ":1:5: unexpected character 'x'"), r::toString);
    assertEquals(1, r.err().strip().lines().count(), r::toString);
  }

  @Test
  void joinReportsAnUnreachableServerInOneLine() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Run.of("certs", "--out", dir.resolve("c").toString(), "--participants", "0").assertOk();
    Run r = Run.of("join", "--server", "localhost:" + port, "--id", "1", "--random", "--ca",
        dir.resolve("c/ca.pem").toString(), "--connect-window", "500ms");
    assertEquals(Secagg.EXIT_FAILURE, r.exitCode(), r::toString);
    assertTrue(r.err().startsWith("secagg join: cannot reach localhost:" + port + ": "), r::toString);
    assertEquals(1, r.err().strip().lines().count(), r::toString);
  }

  @Test
  void parsesServerAddresses() {
    JoinCommand.Address a = JoinCommand.Address.parse("example.org:443");
    assertEquals("example.org", a.host());
    assertEquals(443, a.port());
    JoinCommand.Address v6 = JoinCommand.Address.parse("[::1]:50051");
    assertEquals("::1", v6.host());
    assertEquals(50051, v6.port());
    assertThrows(IllegalArgumentException.class, () -> JoinCommand.Address.parse("::1:50051"));
    assertThrows(IllegalArgumentException.class, () -> JoinCommand.Address.parse("host:65536"));
    assertThrows(IllegalArgumentException.class, () -> JoinCommand.Address.parse("host:+1"));
  }

  @Test
  void participantListsCollapseRuns() {
    assertEquals("1..3, 5, 7..8", ServeCommand.ids(List.of(1, 2, 3, 5, 7, 8)));
    assertEquals("", ServeCommand.ids(List.of()));
  }

  @Test
  void groupContextNamesTheGroup() {
    assertEquals("secagg serve/v1 group 2 of 5", new String(ServeCommand.context(2, 5),
        java.nio.charset.StandardCharsets.US_ASCII));
  }

  @Test
  void helpListsTheNetworkCommandsAndHidesStallAt() {
    Run top = Run.of("--help");
    for (String c : new String[] {"serve", "join", "certs", "simulate"}) {
      assertTrue(top.out().contains(c), top::toString);
    }
    Run join = Run.of("help", "join");
    assertTrue(join.out().contains("PUBLIC-SEED DEMO DATA"), join::toString);
    assertFalse(join.out().contains("--stall-at"), join::toString);
    Run serve = Run.of("serve", "--help");
    assertTrue(serve.out().contains("--verify-random-seed"), serve::toString);
    assertTrue(serve.out().contains("Exit codes: 0 every round completed"), serve::toString);
  }
}
