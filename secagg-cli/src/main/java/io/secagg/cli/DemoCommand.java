package io.secagg.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code secagg demo}: end-to-end demonstrations of the library on real data. Each demo is a
 * subcommand; {@code secagg demo} alone is a usage error that lists them.
 */
@Command(
    name = "demo",
    subcommands = {HospitalsCommand.class},
    description = "Runs a demonstration of the library on real data, every party in this JVM.",
    footer = {
      "",
      "Run 'secagg demo <demo> --help' for a demo's options.",
      "Example:",
      "  secagg demo hospitals --plot accuracy.svg"
    })
final class DemoCommand implements Runnable {
  @Spec CommandSpec spec;

  /** Picocli creates this command by reflection. */
  DemoCommand() {}

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing demo; the demos are: "
        + String.join(", ", spec.commandLine().getSubcommands().keySet()));
  }
}
