package io.secagg.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.vectors.internal.Checkers;
import io.secagg.vectors.internal.VectorFileGenerator;
import io.secagg.vectors.internal.VectorFiles;
import io.secagg.vectors.internal.core.CoreGenerators;
import io.secagg.vectors.internal.dp.DpGenerators;
import io.secagg.vectors.internal.he.HeGenerators;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The known-answer tests of every module: every file of {@code test-vectors/v1/} passes the
 * product's {@link VectorVerifier} (the code {@code secagg vectors verify} runs), from the source
 * folder and from the copies bundled in the jar, and every file is what its generator produces.
 *
 * <p>Setting {@code -Dsecagg.regenerateVectors=true} makes {@link
 * #generatorsReproduceCommittedFiles()} rewrite the files instead of comparing them.
 */
class KnownAnswerTest {
  static List<VectorFileGenerator> generators() {
    List<VectorFileGenerator> all = new ArrayList<>();
    all.addAll(CoreGenerators.all());
    all.addAll(HeGenerators.all());
    all.addAll(DpGenerators.all());
    return all;
  }

  /** The committed files but those checked by another module's tests (secagg-vdaf's). */
  private static Set<String> filesCheckedHere() throws IOException {
    Set<String> here = new TreeSet<>();
    for (String name : committedFiles()) {
      String algorithm =
          VectorFiles.read(VectorFiles.vectorDir().resolve(name)).path("algorithm").asText();
      if (!Checkers.checkedElsewhere().containsKey(algorithm)) {
        here.add(name);
      }
    }
    return here;
  }

  private static Set<String> committedFiles() throws IOException {
    try (Stream<Path> files = Files.list(VectorFiles.vectorDir())) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static void assertOk(VerificationReport report) {
    List<String> failures = new ArrayList<>();
    for (FileReport f : report.files()) {
      for (CaseFailure c : f.failures()) {
        failures.add(f.file() + " " + c);
      }
    }
    assertTrue(
        failures.isEmpty(), failures.size() + " failing vectors:\n" + String.join("\n", failures));
    assertTrue(report.ok(), "no files");
  }

  @Test
  void everyCommittedFilePasses() throws IOException {
    VerificationReport report = VectorVerifier.verifyDirectory(VectorFiles.vectorDir());
    assertOk(report);
    assertEquals(committedFiles().size(), report.files().size());
  }

  @Test
  void everyBundledFilePassesAndTheBundleHoldsEveryCommittedFile() throws IOException {
    assertOk(VectorVerifier.verifyBundled());
    Set<String> bundled =
        VectorVerifier.bundledFiles().stream()
            .map(n -> n.substring("v1/".length()))
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(filesCheckedHere(), bundled, "a committed file without a checker is never bundled");
  }

  @Test
  void generatorsReproduceCommittedFiles() throws Exception {
    boolean regenerate = Boolean.getBoolean("secagg.regenerateVectors");
    List<String> stale = new ArrayList<>();
    for (VectorFileGenerator g : generators()) {
      String expected = VectorFiles.render(g.generate());
      assertEquals(
          expected, VectorFiles.render(g.generate()), g.fileName() + ": generator is not deterministic");
      Path file = VectorFiles.vectorDir().resolve(g.fileName());
      if (regenerate) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, expected, StandardCharsets.UTF_8);
      } else if (!Files.exists(file)
          || !Files.readString(file, StandardCharsets.UTF_8).equals(expected)) {
        stale.add(g.fileName());
      }
    }
    assertTrue(
        stale.isEmpty(),
        "committed vector files differ from their generators (rerun with"
            + " -Dsecagg.regenerateVectors=true and review the diff): " + stale);
  }

  @Test
  void everyCommittedFileHasAGenerator() throws IOException {
    Set<String> generated =
        generators().stream().map(VectorFileGenerator::fileName).collect(Collectors.toSet());
    Set<String> orphans = filesCheckedHere();
    orphans.removeAll(generated);
    assertTrue(orphans.isEmpty(), "vector files without a generator: " + orphans);
  }
}
