package io.secagg.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secagg.vectors.CaseFailure;
import io.secagg.vectors.FileReport;
import io.secagg.vectors.VectorVerifier;
import io.secagg.vectors.VerificationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code secagg vectors}: the known-answer vectors of {@code test-vectors/}, for reviewers and
 * second implementations. Its only subcommand, {@code verify}, runs them against this build.
 */
@Command(
    name = "vectors",
    subcommands = {VectorsCommand.Verify.class, CommandLine.HelpCommand.class},
    description = "Known-answer vectors (test-vectors/): 'secagg vectors verify' runs them.",
    // Its own footer, or it would inherit the top-level one (scope INHERIT on Secagg).
    footer = {"", "Example:", "  secagg vectors verify --json"})
final class VectorsCommand implements Runnable {
  @Spec CommandSpec spec;

  /** Picocli creates this command by reflection. */
  VectorsCommand() {}

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "Missing subcommand (try: secagg vectors verify)");
  }

  /**
   * {@code secagg vectors verify [DIR] [--json]}: runs every known-answer file (the ones bundled
   * in this jar, or those under DIR) through {@link VectorVerifier} and reports, per file, the
   * cases, how many passed and failed, and each failure's {@code tcId} and error.
   */
  @Command(
      name = "verify",
      description = {
        "Runs every known-answer file against this build of the library and reports, per file,"
            + " the cases, how many passed and failed, and for each failure its tcId and the"
            + " error. A valid case passes when every output is reproduced exactly from its"
            + " inputs; an invalid one when it is rejected with the error the file names.",
        "Without DIR: the files bundled in this jar (the repository's test-vectors/ when it was"
            + " built). With DIR: every *.json file under DIR (schemas/ excepted), for example a"
            + " checkout's test-vectors/ with a changed value.",
        ""
      },
      footer = {
        "",
        "Exit codes: 0 every file passed, 1 a file or case failed, 2 usage error (DIR is not a"
            + " folder).",
        "Examples:",
        "  secagg vectors verify",
        "  secagg vectors verify test-vectors/v1 --json"
      })
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
        index = "0",
        arity = "0..1",
        paramLabel = "DIR",
        description = "Folder of vector files (default: the files bundled in this jar).")
    Path dir;

    @Option(
        names = "--json",
        description = "One JSON object on standard output instead of the table: source, ok,"
            + " cases, passed, failed, and files[] with file, algorithm, cases, passed, failed,"
            + " skipped (only when skipped) and failures[] of {tcId, comment, error} (tcId 0: the"
            + " file as a whole).")
    boolean json;

    /** Picocli creates this command by reflection. */
    Verify() {}

    @Override
    public Integer call() throws IOException {
      if (dir != null && !Files.isDirectory(dir)) {
        throw new ParameterException(
            spec.commandLine(), "Invalid value for DIR: " + dir + " is not a folder");
      }
      PrintWriter out = spec.commandLine().getOut();
      if (!json) {
        out.println("secagg vectors verify: "
            + (dir == null ? "the vectors bundled in this jar" : dir.toString()));
        out.printf("%-44s %6s %7s %7s%n", "file", "cases", "passed", "failed");
        out.flush();
      }
      VerificationReport report =
          dir == null
              ? VectorVerifier.verifyBundled(r -> printFile(out, r))
              : VectorVerifier.verifyDirectory(dir, r -> printFile(out, r));
      if (json) {
        out.println(toJson(report));
      } else {
        int failed = report.files().stream().mapToInt(FileReport::failed).sum();
        long badFiles = report.files().stream().filter(f -> !f.ok()).count();
        out.printf("%d files, %d cases: %d passed, %d failed%s%n",
            report.files().size(), report.cases(), report.passed(), failed,
            badFiles == 0 ? "" : " (" + badFiles + " files with failures)");
        out.println(report.ok() ? "OK" : "FAILED");
      }
      out.flush();
      return report.ok() ? Secagg.EXIT_OK : Secagg.EXIT_FAILURE;
    }

    private void printFile(PrintWriter out, FileReport r) {
      if (json) {
        return;
      }
      if (r.isSkipped()) {
        out.printf("%-44s skipped: %s%n", r.file(), r.skipped());
      } else {
        out.printf("%-44s %6d %7d %7d%n", r.file(), r.cases(), r.passed(), r.failed());
      }
      for (CaseFailure f : r.failures()) {
        out.println("  FAIL " + f);
      }
      out.flush();
    }

    static String toJson(VerificationReport report) {
      JsonNodeFactory nodes = JsonNodeFactory.instance;
      ObjectNode root = nodes.objectNode();
      root.put("source", report.source());
      root.put("ok", report.ok());
      root.put("cases", report.cases());
      root.put("passed", report.passed());
      root.put("failed", report.files().stream().mapToInt(FileReport::failed).sum());
      ArrayNode files = root.putArray("files");
      for (FileReport f : report.files()) {
        ObjectNode o = files.addObject();
        o.put("file", f.file());
        o.put("algorithm", f.algorithm());
        o.put("ok", f.ok());
        o.put("cases", f.cases());
        o.put("passed", f.passed());
        o.put("failed", f.failed());
        if (f.isSkipped()) {
          o.put("skipped", f.skipped());
        }
        ArrayNode failures = o.putArray("failures");
        for (CaseFailure c : f.failures()) {
          failures.addObject().put("tcId", c.tcId()).put("comment", c.comment()).put("error", c.error());
        }
      }
      try {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
