package io.secagg.core.testvectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The known-answer harness of the modules whose checkers cannot live in secagg-vectors because
 * they check internal classes (secagg-vdaf's XOF and field code). Every other file is checked by
 * secagg-vectors' {@code VectorVerifier}, the code {@code secagg vectors verify} runs.
 *
 * <p>Runs every known-answer file of {@code test-vectors/v1/} that a module owns, in the Tink
 * style: every failing case is collected as {@code file tcId N (comment): reason} and the test
 * fails once at the end with all of them.
 *
 * <p>A module subclasses this with its checkers, its generators and the file-name prefixes it
 * owns. Setting {@code -Dsecagg.regenerateVectors=true} makes {@link
 * #generatorsReproduceCommittedFiles()} rewrite the files instead of comparing them.
 */
public abstract class AbstractKnownAnswerTest {
  private static final Set<String> FILE_FIELDS =
      Set.of(
          "algorithm", "schema", "generatorVersion", "numberOfTests", "header", "notes",
          "testGroups");
  private static final Set<String> TEST_COMMON_FIELDS = Set.of("tcId", "comment", "flags", "result");

  /** The checkers of this module's vector files. */
  protected abstract List<VectorChecker> checkers();

  /** The generators of this module's vector files. */
  protected abstract List<VectorFileGenerator> generators();

  /** True if a file of this name belongs to this module. */
  protected abstract boolean ownsFile(String fileName);

  private List<Path> ownedFiles() throws IOException {
    Path dir = Vectors.vectorDir();
    assertTrue(Files.isDirectory(dir), "vector folder missing: " + dir);
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".json"))
          .filter(p -> ownsFile(p.getFileName().toString()))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  @Test
  public void everyVectorPasses() throws IOException {
    Map<String, VectorChecker> byAlgorithm = new HashMap<>();
    for (VectorChecker c : checkers()) {
      byAlgorithm.put(c.algorithm(), c);
    }
    List<Path> files = ownedFiles();
    assertFalse(files.isEmpty(), "no vector files found in " + Vectors.vectorDir());
    List<String> failures = new ArrayList<>();
    for (Path file : files) {
      failures.addAll(runFile(file, byAlgorithm));
    }
    assertTrue(failures.isEmpty(), failures.size() + " failing vectors:\n" + String.join("\n", failures));
  }

  private static List<String> runFile(Path path, Map<String, VectorChecker> byAlgorithm) {
    String name = path.getFileName().toString();
    List<String> failures = new ArrayList<>();
    JsonNode file;
    try {
      file = Vectors.read(path);
      Vectors.onlyFields(file, FILE_FIELDS);
    } catch (RuntimeException | AssertionError e) {
      failures.add(name + ": not understood: " + e.getMessage());
      return failures;
    }
    VectorChecker checker = byAlgorithm.get(file.path("algorithm").asText());
    if (checker == null) {
      failures.add(name + ": no checker understands algorithm '" + file.path("algorithm").asText() + "'");
      return failures;
    }
    if (!checker.schema().equals(file.path("schema").asText())) {
      failures.add(name + ": schema '" + file.path("schema").asText() + "' is not understood");
      return failures;
    }
    Set<String> flagsWithNotes = new HashSet<>();
    file.path("notes").fieldNames().forEachRemaining(flagsWithNotes::add);
    int count = 0;
    boolean anyValid = false;
    boolean anyInvalid = false;
    Set<Integer> ids = new HashSet<>();
    for (JsonNode group : file.path("testGroups")) {
      try {
        checker.checkGroup(group);
      } catch (Exception | AssertionError e) {
        failures.add(name + ": test group not understood: " + e);
        continue;
      }
      for (JsonNode test : group.path("tests")) {
        count++;
        String label = name + " tcId " + test.path("tcId").asInt() + " (" + test.path("comment").asText() + ")";
        try {
          if (!ids.add(test.path("tcId").asInt())) {
            throw new AssertionError("duplicate tcId");
          }
          for (JsonNode flag : test.path("flags")) {
            if (!flagsWithNotes.contains(flag.asText())) {
              throw new AssertionError("flag '" + flag.asText() + "' has no note");
            }
          }
          boolean valid = Vectors.isValid(test);
          anyValid |= valid;
          anyInvalid |= !valid;
          checker.checkTest(group, test);
        } catch (Exception | AssertionError e) {
          failures.add(label + ": " + e);
        }
      }
    }
    if (count != file.path("numberOfTests").asInt(-1)) {
      failures.add(name + ": numberOfTests says " + file.path("numberOfTests") + " but the file has " + count);
    }
    if (!anyValid || !anyInvalid) {
      failures.add(name + ": a file must have both valid and invalid cases");
    }
    return failures;
  }

  @Test
  public void generatorsReproduceCommittedFiles() throws Exception {
    boolean regenerate = Boolean.getBoolean("secagg.regenerateVectors");
    List<String> stale = new ArrayList<>();
    for (VectorFileGenerator g : generators()) {
      String expected = Vectors.render(g.generate());
      assertEquals(expected, Vectors.render(g.generate()), g.fileName() + ": generator is not deterministic");
      Path file = Vectors.vectorDir().resolve(g.fileName());
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

  /** Every file this module owns must be produced by one of its generators. */
  @Test
  public void everyOwnedFileHasAGenerator() throws IOException {
    Set<String> generated = generators().stream().map(VectorFileGenerator::fileName).collect(Collectors.toSet());
    List<String> orphans =
        ownedFiles().stream()
            .map(p -> p.getFileName().toString())
            .filter(n -> !generated.contains(n))
            .collect(Collectors.toList());
    assertTrue(orphans.isEmpty(), "vector files without a generator: " + orphans);
  }

  /** Field names every test case may carry besides its own inputs and outputs. */
  public static Set<String> commonTestFields() {
    return TEST_COMMON_FIELDS;
  }
}
