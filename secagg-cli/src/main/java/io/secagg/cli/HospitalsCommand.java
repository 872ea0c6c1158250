package io.secagg.cli;

import io.secagg.examples.hospitals.HospitalsDemo;
import io.secagg.examples.hospitals.HospitalsReport;
import io.secagg.examples.hospitals.HospitalsSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code secagg demo hospitals}: runs {@link HospitalsDemo} and prints its table. Exit code
 * {@link Secagg#EXIT_OK} iff the secure run matched its floating-point reference within the
 * stated bound at every round; {@link Secagg#EXIT_FAILURE} if it did not, or the plot could not
 * be written.
 */
@Command(
    name = "hospitals",
    description = {
      "Hospitals that may not pool their patients train a breast-cancer diagnostic model"
          + " together (Wisconsin Diagnostic Breast Cancer data, 569 patients; logistic"
          + " regression). The training patients are split unevenly by tumour size; the"
          + " standardization statistics and every round's model updates are summed by secure"
          + " aggregation; one hospital crashes in every fourth round.",
      "Prints the test accuracy and AUC of each hospital's local-only model, of the federated"
          + " model (secure aggregation, then also distributed differential privacy at the"
          + " stated epsilon over all rounds) and of a centralized model on pooled data, with"
          + " the bytes each hospital sent and the time per round; checks the secure run"
          + " against a plain floating-point run of the same training.",
      ""
    },
    footer = {
      "",
      "Exit codes: 0 the secure run matched its float reference, 1 it did not (or the plot"
          + " could not be written), 2 usage error.",
      "Data: W. H. Wolberg, W. N. Street and O. L. Mangasarian, UCI Machine Learning"
          + " Repository, CC BY 4.0.",
      "Example:",
      "  secagg demo hospitals --hospitals 6 --rounds 30 --epsilon 5 --plot accuracy.svg"
    })
final class HospitalsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--hospitals",
      paramLabel = "N",
      defaultValue = "5",
      description = "Number of hospitals, " + HospitalsSettings.MIN_HOSPITALS + ".."
          + HospitalsSettings.MAX_HOSPITALS + " (default: ${DEFAULT-VALUE}).")
  int hospitals;

  @Option(
      names = "--rounds",
      paramLabel = "R",
      defaultValue = "20",
      description = "Federated rounds, 1.." + HospitalsSettings.MAX_ROUNDS
          + " (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--epsilon",
      paramLabel = "E",
      defaultValue = "10",
      description = "Epsilon of the DP run over all its rounds, per hospital"
          + " (default: ${DEFAULT-VALUE}).")
  double epsilon;

  @Option(
      names = "--delta",
      paramLabel = "D",
      defaultValue = "1e-5",
      description = "Delta of the DP run, in (0, 1) (default: ${DEFAULT-VALUE}).")
  double delta;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "Seed of the split, the training order and the simulated parties'"
          + " randomness: the same seed prints the same table, timings aside"
          + " (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--plot",
      paramLabel = "FILE",
      description = "Also write test accuracy per round (federated, with DP, centralized, best"
          + " and worst local-only) as an SVG file.")
  Path plot;

  /** Picocli creates this command by reflection. */
  HospitalsCommand() {}

  @Override
  public Integer call() throws Exception {
    HospitalsSettings settings;
    try {
      settings = HospitalsSettings.builder().hospitals(hospitals).rounds(rounds)
          .epsilon(epsilon).delta(delta).seed(seed).build();
      HospitalsDemo.checkPrivacyTarget(settings);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    HospitalsReport report = HospitalsDemo.run(settings);
    PrintWriter out = spec.commandLine().getOut();
    out.print(report.table());
    if (plot != null) {
      try {
        Files.writeString(plot, report.svgPlot());
      } catch (IOException e) {
        throw new IOException("cannot write the plot to " + plot + ": " + e.getMessage(), e);
      }
      out.println("Plot: " + plot);
    }
    out.flush();
    return report.referenceVerified() ? Secagg.EXIT_OK : Secagg.EXIT_FAILURE;
  }
}
