package io.secagg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * One captured execution of the command line.
 *
 * @param exitCode the exit code
 * @param out what the command wrote to standard output
 * @param err what the command wrote to its error stream
 */
record Run(int exitCode, String out, String err) {
  static Run of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Secagg.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  /**
   * Asserts that {@code r} is a usage error reported the short way: its message, perhaps picocli's
   * suggestions, then the one-line pointer to {@code secagg help <command>}; never the whole
   * usage text.
   */
  static void assertUsageHint(Run r, String command) {
    List<String> lines = r.err().strip().lines().toList();
    assertEquals("Run 'secagg help " + command + "' for every option.", lines.get(lines.size() - 1), r::toString);
    assertFalse(r.err().contains("Usage:"), r::toString);
    assertTrue(lines.size() <= 4, () -> "more than a message and a hint\n" + r);
  }

  /**
   * Asserts that this run succeeded (exit code {@link Secagg#EXIT_OK}).
   *
   * @return this run, for further checks
   */
  Run assertOk() {
    assertEquals(Secagg.EXIT_OK, exitCode, this::toString);
    return this;
  }

  /**
   * Asserts that this run is a usage error (exit code {@link Secagg#EXIT_USAGE}) whose error
   * stream contains {@code message}.
   *
   * @return this run, for further checks
   */
  Run assertUsageError(String message) {
    assertEquals(Secagg.EXIT_USAGE, exitCode, this::toString);
    assertTrue(err.contains(message), () -> "expected '" + message + "'\n" + this);
    return this;
  }

  /** The report line that starts with {@code label}, without the label, or null. */
  String line(String label) {
    for (String l : out.split("\\R")) {
      if (l.startsWith(label + " ")) {
        return l.substring(label.length()).trim();
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
  }
}
