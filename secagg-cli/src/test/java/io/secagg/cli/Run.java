package io.secagg.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One captured execution of the command line: exit code, standard output and error stream. */
final class Run {
  final int exitCode;
  final String out;
  final String err;

  private Run(int exitCode, String out, String err) {
    this.exitCode = exitCode;
    this.out = out;
    this.err = err;
  }

  static Run of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Secagg.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
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
