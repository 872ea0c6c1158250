package io.secagg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.protocol.Round;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SimulateCommandTest {
  private static final String[] SMALL = {"simulate", "-n", "6", "-l", "20", "--threads", "1"};

  private static String[] small(String... more) {
    String[] args = new String[SMALL.length + more.length];
    System.arraycopy(SMALL, 0, args, 0, SMALL.length);
    System.arraycopy(more, 0, args, SMALL.length, more.length);
    return args;
  }

  @Test
  void smallSessionIsVerifiedAndReportsEveryField() {
    Run r = Run.of(small("--seed", "3")).assertOk();
    assertTrue(r.line("Result").startsWith("VERIFIED"), r::toString);
    assertEquals("6, threshold t = 2, semi-honest mode", r.line("Clients"));
    assertEquals("3", r.line("Seed"));
    assertTrue(r.line("Vectors").startsWith("20 elements in Z_m, m = 2^32"), r::toString);
    for (String label : new String[] {
        "Graph", "Dropout", "Server threads", "Bytes per client", "Server traffic", "Server memory",
        "JVM heap peak", "Dropouts", "Server recorded", "Included clients", "Time"}) {
      assertNotNull(r.line(label), () -> label + " missing\n" + r);
    }
    for (Round round : new Round[] {
        Round.ADVERTISE_KEYS, Round.SHARE_KEYS, Round.MASKED_INPUT_COLLECTION, Round.UNMASKING}) {
      assertTrue(r.out().contains("  " + round + " "), () -> round + " missing\n" + r);
    }
    assertFalse(r.out().contains("CONSISTENCY_CHECK"), r::toString);
    assertTrue(r.line("Server memory").matches("peak \\S+ \\S+ in \\d+ length-L vectors.*"), r::toString);
  }

  @Test
  void includedClientsAndDropoutsAddUp() {
    Run r = Run.of("simulate", "-n", "12", "-l", "20", "--threads", "1", "--seed", "5",
        "--dropout", "0.3", "--threshold", "3").assertOk();
    int included = Integer.parseInt(r.line("Included clients").replace(" of 12", ""));
    String dropouts = r.line("Dropouts");
    int dropped = dropouts.equals("none") ? 0 : Integer.parseInt(dropouts.split(" ")[0]);
    // Clients dropped after sending their masked input still count in the sum.
    Matcher late = Pattern.compile("UNMASKING (\\d+)").matcher(dropouts);
    int lateDrops = late.find() ? Integer.parseInt(late.group(1)) : 0;
    assertEquals(12 - dropped + lateDrops, included, r::toString);
  }

  @Test
  void sameSeedRepeatsTheRun() {
    String[] args = {
      "simulate", "-n", "10", "-l", "20", "--threads", "1", "--seed", "77", "--dropout", "0.4",
      "--threshold", "2"
    };
    Run a = Run.of(args);
    Run b = Run.of(args);
    assertEquals(Secagg.EXIT_OK, a.exitCode(), a::toString);
    assertEquals(Secagg.EXIT_OK, b.exitCode(), b::toString);
    assertTrue(a.line("Dropouts").matches("\\d+ by the schedule: .*"), a::toString);
    assertEquals(a.line("Dropouts"), b.line("Dropouts"));
    assertEquals(a.line("Included clients"), b.line("Included clients"));
    assertEquals(a.line("Server traffic"), b.line("Server traffic"));
  }

  @Test
  void withoutSeedDrawsOneAndSaysHowToRepeat() {
    Run r = Run.of(small("--dropout", "0")).assertOk();
    assertTrue(r.line("Seed").matches("-?\\d+ \\(random; --seed -?\\d+ repeats this run\\)"), r::toString);
  }

  @Test
  void sparseGraphIsVerified() {
    Run r = Run.of("simulate", "-n", "20", "-l", "8", "--graph", "sparse", "--seed", "1", "--threads", "2").assertOk();
    assertTrue(r.line("Graph").startsWith("sparse (SecAgg+ Harary), degree k = "), r::toString);
    assertTrue(r.line("Result").startsWith("VERIFIED"), r::toString);
  }

  @Test
  void maliciousModeRunsTheConsistencyCheck() {
    Run r = Run.of(small("--malicious", "--seed", "2", "--modulus-bits", "64")).assertOk();
    assertTrue(r.line("Clients").endsWith("malicious-server mode"), r::toString);
    assertTrue(r.out().contains("  CONSISTENCY_CHECK "), r::toString);
    assertTrue(r.err().contains("[4/5] CONSISTENCY_CHECK"), r::toString);
  }

  @Test
  void generalModulusIsVerified() {
    Run r = Run.of(small("--modulus", "1000003", "--seed", "4")).assertOk();
    assertTrue(r.line("Result").endsWith("mod 1000003"), r::toString);
  }

  @Test
  void abortedSessionExitsWithOne() {
    // Half the clients leave before their masked input while every secret needs 4 of 5
    // neighbours: the server cannot unmask and aborts.
    Run r = Run.of(small(
        "--seed", "1", "--threshold", "5", "--dropout", "0.5",
        "--dropout-round", "masked_input_collection"));
    assertEquals(Secagg.EXIT_FAILURE, r.exitCode(), r::toString);
    assertTrue(r.line("Result").startsWith("ABORTED: TOO_FEW_SURVIVORS"), r::toString);
  }

  @Test
  void plainProgressWhenNotATerminal() {
    // Under the test runner System.console() is null, so AUTO means plain lines.
    Run r = Run.of(small("--seed", "3"));
    String[] lines = r.err().split("\n");
    assertEquals(8, lines.length, r::toString);
    assertEquals("[1/4] ADVERTISE_KEYS: request sent to 6 clients", lines[0]);
    assertTrue(lines[1].matches("\\[1/4] ADVERTISE_KEYS: \\d/6 clients done, \\d answers, .*"), lines[1]);
    assertTrue(lines[7].startsWith("[4/4] UNMASKING: "), lines[7]);
    assertFalse(r.err().contains("\r") || r.err().contains("\u001b"), "no terminal control characters");
  }

  @Test
  void liveProgressRewritesOneLinePerPhase() {
    Run r = Run.of(small("--seed", "3", "--progress", "live")).assertOk();
    String[] lines = r.err().split("\n");
    assertEquals(4, lines.length, r::toString);
    for (String line : lines) {
      assertTrue(line.startsWith("\r["), line);
      assertTrue(line.endsWith("\u001b[K"), line);
    }
    assertTrue(lines[3].contains("UNMASKING"), lines[3]);
  }

  @Test
  void noProgressWhenAskedForNone() {
    Run r = Run.of(small("--seed", "3", "--progress", "none")).assertOk();
    assertEquals("", r.err());
  }
}
