package io.secagg.cli;

import java.io.PrintWriter;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code secagg} command: its entry point and the top-level command that holds the
 * subcommands.
 *
 * <p>Exit codes, for every subcommand: {@value #EXIT_OK} success (for {@code simulate}: the sum
 * was verified), {@value #EXIT_FAILURE} the work failed (a mismatch, an aborted session, an
 * unexpected error), {@value #EXIT_USAGE} the command line is wrong (unknown option, value out of
 * range, parameters no session can satisfy).
 */
@Command(
    name = "secagg",
    // Every subcommand, at any depth, inherits these attributes: the same help and version
    // options and the same option layout everywhere.
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    subcommands = {
      SimulateCommand.class, ServeCommand.class, JoinCommand.class, CertsCommand.class,
      VectorsCommand.class, DemoCommand.class, CommandLine.HelpCommand.class
    },
    description = "Privacy-preserving aggregation for federated learning.",
    footer = {
      "",
      "Exit codes: 0 success, 1 failure (mismatch, abort, error), 2 usage error.",
      "Run 'secagg help <command>' for a command's options (simulate, certs, serve, join,"
          + " vectors, demo)."
    })
public final class Secagg implements Runnable {
  /** Exit code of a successful run. */
  public static final int EXIT_OK = 0;
  /** Exit code of a run whose work failed: a sum mismatch, an aborted session, an error. */
  public static final int EXIT_FAILURE = 1;
  /** Exit code of a command line that picocli or an option check rejected. */
  public static final int EXIT_USAGE = 2;

  @Spec CommandSpec spec;

  /** Picocli creates this command by reflection. */
  Secagg() {}

  /**
   * Runs the command line and exits the JVM with its exit code.
   *
   * @param args the command-line arguments
   */
  public static void main(String[] args) {
    quietLibraryLogs();
    System.exit(commandLine().execute(args));
  }

  /**
   * The library's own logger, held here so the level set on it is not lost when the logging
   * framework lets go of an unreferenced logger.
   */
  private static final Logger LIBRARY_LOGS = Logger.getLogger("io.secagg");

  /**
   * The commands print their own account of a run, so the library's {@code System.Logger} output
   * (session start and end at INFO) would only repeat it: without a logging configuration of the
   * user's ({@code -Djava.util.logging.config.file=...}, through {@code SECAGG_JAVA_OPTS}) only
   * its warnings are shown.
   */
  static void quietLibraryLogs() {
    if (System.getProperty("java.util.logging.config.file") == null
        && System.getProperty("java.util.logging.config.class") == null) {
      LIBRARY_LOGS.setLevel(Level.WARNING);
    }
  }

  /**
   * A fully configured command line, ready for {@link CommandLine#execute}; {@link #main} uses
   * it, and so can tests (with {@link CommandLine#setOut} and {@link CommandLine#setErr} to
   * capture the output).
   *
   * @return a new command line; never null
   */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Secagg());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler(Secagg::reportFailure);
    cl.setParameterExceptionHandler(Secagg::reportUsageError);
    return cl;
  }

  /** Without a subcommand there is nothing to do: a usage error that lists the subcommands. */
  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command; the commands are: "
        + String.join(", ", spec.commandLine().getSubcommands().keySet()));
  }

  /**
   * A usage error prints its message and a one-line pointer to the help, not the whole usage
   * text, which would scroll the message away. An unknown command lists the valid ones.
   */
  static int reportUsageError(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    boolean topLevel = cmd.getCommandSpec().parent() == null;
    if (topLevel && e instanceof UnmatchedArgumentException
        && !((UnmatchedArgumentException) e).getUnmatched().isEmpty()
        && !((UnmatchedArgumentException) e).getUnmatched().get(0).startsWith("-")) {
      String unknown = ((UnmatchedArgumentException) e).getUnmatched().get(0);
      err.println(cmd.getColorScheme().errorText("Unknown command '" + unknown + "'; the commands are: "
          + String.join(", ", cmd.getSubcommands().keySet())));
    } else {
      err.println(cmd.getColorScheme().errorText(e.getMessage()));
    }
    UnmatchedArgumentException.printSuggestions(e, err);
    err.println(topLevel
        ? "Run 'secagg help' for the commands, 'secagg help <command>' for a command's options."
        : helpHint(cmd));
    err.flush();
    return EXIT_USAGE;
  }

  /**
   * Where a subcommand's options are listed: {@code secagg help <command>} for a command, {@code
   * secagg <command> <subcommand> --help} below that (picocli's help command looks up one level).
   */
  private static String helpHint(CommandLine cmd) {
    String path = cmd.getCommandSpec().qualifiedName(" ");
    path = path.substring(path.indexOf(' ') + 1);
    return path.indexOf(' ') < 0
        ? "Run 'secagg help " + path + "' for every option."
        : "Run 'secagg " + path + " --help' for every option.";
  }

  /**
   * Unexpected failures get one line on the error stream, not a stack trace; the stack trace
   * is still available with -Dsecagg.debug=true.
   */
  private static int reportFailure(
      Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    err.println(commandLine.getColorScheme().errorText("secagg: error: " + message));
    if (Boolean.getBoolean("secagg.debug")) {
      e.printStackTrace(err);
    }
    err.flush();
    return EXIT_FAILURE;
  }
}
