package io.secagg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A round whose participants are separate JVM processes ({@code secagg join}, main class {@link
 * Secagg} on this JVM's class path) and whose server runs in this JVM; one participant stalls
 * in the masked-input round and is killed there, so the server must recover its masks.
 *
 * <p>The server learns that the killed participant is gone from its broken connection, once the
 * resume grace (1 s) passes without a resumption; the round timeout is an hour, so no survivor
 * has to meet a deadline and the verdict cannot depend on the machine's speed. Everything waits
 * at most {@link #WAIT}, a guard against hangs.
 */
class MultiProcessRoundTest {
  private static final Duration WAIT = Duration.ofMinutes(3);
  private static final int PARTICIPANTS = 4;
  private static final int STALLER = 4;

  @TempDir Path dir;
  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void destroyProcesses() {
    for (Process p : processes) {
      p.destroyForcibly();
    }
  }

  private Process join(int port, int id, String... more) throws IOException {
    String java = ProcessHandle.current().info().command().orElse(
        Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> cmd = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Secagg.class.getName(),
        "join", "--server", "localhost:" + port, "--id", String.valueOf(id), "--random", "--seed", "11",
        "--ca", dir.resolve("certs/ca.pem").toString(),
        "--cert", dir.resolve("certs/participant-" + id + ".pem").toString(),
        "--key", dir.resolve("certs/participant-" + id + ".key").toString(),
        "--connect-window", "3m"));
    cmd.addAll(List.of(more));
    // Output goes to files: a pipe nobody drains could block the child.
    Process p = new ProcessBuilder(cmd)
        .redirectOutput(dir.resolve("join-" + id + ".out").toFile())
        .redirectError(dir.resolve("join-" + id + ".err").toFile())
        .start();
    processes.add(p);
    return p;
  }

  private String output(int id) {
    try {
      return Files.readString(dir.resolve("join-" + id + ".out"))
          + Files.readString(dir.resolve("join-" + id + ".err"));
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }

  private String everything(BackgroundRun server) {
    StringBuilder b = new StringBuilder("=== server\n").append(server);
    for (int id = 1; id <= PARTICIPANTS; id++) {
      b.append("=== participant ").append(id).append('\n').append(output(id));
    }
    return b.toString();
  }

  @Test
  void roundOfSeparateProcessesRecoversAKilledParticipant() throws Exception {
    Run certs = Run.of("certs", "--out", dir.resolve("certs").toString(), "--participants",
        String.valueOf(PARTICIPANTS)).assertOk();
    try (BackgroundRun server = BackgroundRun.start("serve", "--port", "0", "--clients",
        String.valueOf(PARTICIPANTS), "--length", "16", "--tls-cert", dir.resolve("certs/server.pem").toString(),
        "--tls-key", dir.resolve("certs/server.key").toString(), "--client-ca",
        dir.resolve("certs/ca.pem").toString(), "--verify-random-seed", "11", "--join-timeout", "3m",
        "--round-timeout", "1h", "--resume-grace", "1s")) {
      int port = server.port(WAIT);
      List<Process> survivors = new ArrayList<>();
      for (int id = 1; id < STALLER; id++) {
        survivors.add(join(port, id));
      }
      Process staller = join(port, STALLER, "--stall-at", "MASKED_INPUT_COLLECTION");

      long end = System.nanoTime() + WAIT.toNanos();
      while (!output(STALLER).contains("stalled at MASKED_INPUT_COLLECTION")) {
        assertTrue(System.nanoTime() < end, () -> "no stall within " + WAIT + "\n" + everything(server));
        assertTrue(staller.isAlive(), () -> "the staller ended\n" + everything(server));
        Thread.sleep(50);
      }
      staller.destroyForcibly();
      assertTrue(staller.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), "the staller did not die");

      assertEquals(Secagg.EXIT_OK, server.exitCode(WAIT), () -> everything(server));
      for (int i = 0; i < survivors.size(); i++) {
        Process p = survivors.get(i);
        int id = i + 1;
        assertTrue(p.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), () -> "participant " + id
            + " still runs\n" + everything(server));
        assertEquals(Secagg.EXIT_OK, p.exitValue(), () -> everything(server));
        assertTrue(output(id).contains("COMPLETED"), () -> everything(server));
      }
      assertEquals("3 of 4 participants: 1..3", server.line("Included"), () -> everything(server));
      // The round timeout is an hour: the round ends because the server counts the killed
      // participant as gone once its broken connection is not resumed within the grace.
      assertEquals("1: participant 4 at MASKED_INPUT_COLLECTION (DISCONNECTED: STREAM_CANCELLED)", server.line("Dropouts"),
          () -> everything(server));
      assertTrue(server.line("Verification").startsWith("VERIFIED"), () -> everything(server));
    }
  }
}
