package io.secagg.cli;

import static io.secagg.cli.Run.assertUsageHint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Option parsing, validation messages, help, version and exit codes (no simulation runs). */
class CommandLineTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--clients 2                       | Invalid value for --clients: 2; must be 3..65535",
        "--clients 65536                   | Invalid value for --clients: 65536; must be 3..65535",
        "--clients many                    | Invalid value for option '--clients': 'many' is not an int",
        "--length 0                        | Invalid value for --length: 0; must be 1..67108864",
        "--dropout 1                       | Invalid value for --dropout: 1.0; must be in [0, 1)",
        "--dropout -0.1                    | Invalid value for --dropout: -0.1; must be in [0, 1)",
        "--dropout NaN                     | Invalid value for --dropout: NaN; must be in [0, 1)",
        "--corruption 1.5                  | Invalid value for --corruption: 1.5; must be in [0, 1)",
        "--dropout-budget 1                | Invalid value for --dropout-budget: 1.0; must be in [0, 1)",
        "--modulus-bits 0                  | Invalid value for --modulus-bits: 0; must be 1..64",
        "--modulus-bits 65                 | Invalid value for --modulus-bits: 65; must be 1..64",
        "--modulus 1                       | '1' is not a supported modulus",
        "--modulus 2^65                    | '2^65' is not a supported modulus",
        "--modulus 2^8 --modulus-bits 8    | --modulus and --modulus-bits are mutually exclusive",
        "--threads 0                       | Invalid value for --threads: 0; must be 1..64",
        "--threads 65                      | Invalid value for --threads: 65; must be 1..64",
        "--threshold 1                     | Invalid value for --threshold: 1; must be at least 2",
        "--threshold 100                   | Invalid combination: threshold 100 exceeds the number of neighbours 99",
        "--graph ring                      | Invalid value for option '--graph'",
        "--progress loud                   | Invalid value for option '--progress'",
        "--dropout-round consistency_check | --dropout-round CONSISTENCY_CHECK needs --malicious",
        "--clients 3 --corruption 0.5      | Invalid combination: No threshold fits the complete graph of 3 clients",
        "--bogus                           | Unknown option: '--bogus'",
        "--clients 65535 --length 67108864 | of heap but the JVM may use",
      })
  void rejectsBadOptionsWithUsageError(String args, String message) {
    String[] argv = ("simulate " + args.trim()).split(" ");
    Run r = Run.of(argv).assertUsageError(message);
    assertUsageHint(r, "simulate");
    assertEquals("", r.out(), "nothing on standard output");
  }

  @Test
  void missingSubcommandIsUsageErrorThatListsTheCommands() {
    Run r = Run.of();
    assertEquals(Secagg.EXIT_USAGE, r.exitCode(), r::toString);
    assertEquals(List.of("Missing command; the commands are: simulate, serve, join, certs, vectors, demo, help",
        "Run 'secagg help' for the commands, 'secagg help <command>' for a command's options."),
        r.err().strip().lines().toList());
  }

  @Test
  void unknownSubcommandIsUsageErrorThatListsTheCommands() {
    Run r = Run.of("frob");
    assertEquals(Secagg.EXIT_USAGE, r.exitCode(), r::toString);
    assertEquals(List.of("Unknown command 'frob'; the commands are: simulate, serve, join, certs, vectors, demo, help",
        "Run 'secagg help' for the commands, 'secagg help <command>' for a command's options."),
        r.err().strip().lines().toList());
    Run typo = Run.of("simulat");
    assertEquals(Secagg.EXIT_USAGE, typo.exitCode(), typo::toString);
    assertTrue(typo.err().startsWith("Unknown command 'simulat'; the commands are: "), typo::toString);
    assertTrue(typo.err().contains("simulate?"), () -> "suggests the near miss\n" + typo);
  }

  @Test
  void helpListsTheOptionsAndExitCodes() {
    for (String[] argv : new String[][] {{"simulate", "--help"}, {"help", "simulate"}}) {
      Run r = Run.of(argv).assertOk();
      for (String option : new String[] {
          "--clients", "--length", "--dropout", "--graph", "--malicious", "--modulus-bits",
          "--threads", "--seed", "--progress", "Exit codes: 0 verified, 1 mismatch"}) {
        assertTrue(r.out().contains(option), () -> option + " missing\n" + r);
      }
    }
  }

  @Test
  void topLevelHelpListsSimulate() {
    Run r = Run.of("--help").assertOk();
    assertTrue(r.out().contains("simulate"), r::toString);
  }

  @Test
  void versionNamesTheBuildAndTheJava() {
    Run r = Run.of("--version").assertOk();
    assertTrue(r.out().startsWith("secagg 0."), r::toString);
    assertTrue(r.out().contains("Java " + System.getProperty("java.version")), r::toString);
  }

  @Test
  void enumValuesAreCaseInsensitive() {
    Run.of("simulate", "-n", "5", "-l", "3", "-g", "Complete", "--progress", "None",
        "--seed", "1", "--threads", "1").assertOk();
  }
}
