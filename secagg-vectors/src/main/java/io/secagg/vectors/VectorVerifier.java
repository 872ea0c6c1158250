package io.secagg.vectors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.secagg.vectors.internal.Checkers;
import io.secagg.vectors.internal.Mismatch;
import io.secagg.vectors.internal.VectorChecker;
import io.secagg.vectors.internal.Vectors;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs known-answer files against this build of the library: the files bundled in this jar
 * (copied from the repository's {@code test-vectors/} when it was built), or the files of a
 * folder. The modules' own known-answer tests run exactly this code.
 *
 * <p>A file passes when it parses, its {@code algorithm} and {@code schema} name a checker of this
 * library, it has the fields the file format allows and no others, every flag a case uses has a
 * note, its {@code tcId}s are distinct, its {@code numberOfTests} is right, it has valid and
 * invalid cases, and every case passes: a {@code valid} case's outputs are recomputed from its
 * inputs and must match exactly, an {@code invalid} case must be rejected with the error it names.
 *
 * <p>Files of an algorithm whose checkers need a module's internal classes are reported as
 * skipped, naming the module whose own tests check them ({@code vdaf_*.json}: secagg-vdaf; {@code
 * federated_*.json}: secagg-federated); a file
 * of any other unknown algorithm is a failure.
 *
 * <p>Thread-safe: every call works on its own state.
 */
public final class VectorVerifier {
  /** Where the vector files sit inside the jar. */
  static final String BUNDLE = "/io/secagg/vectors/bundled/";

  private static final Set<String> FILE_FIELDS =
      Set.of(
          "algorithm", "schema", "generatorVersion", "numberOfTests", "header", "notes",
          "testGroups");

  private VectorVerifier() {}

  /**
   * The paths of the bundled files, relative to the bundle (for example {@code
   * v1/x25519_test.json}), in the order {@link #verifyBundled()} runs them.
   */
  public static List<String> bundledFiles() {
    return Checkers.all().stream()
        .map(c -> "v1/" + c.fileName())
        .sorted()
        .collect(Collectors.toUnmodifiableList());
  }

  /** Runs every file bundled in this jar. A bundled file that is missing is a failure. */
  public static VerificationReport verifyBundled() {
    return verifyBundled(r -> {});
  }

  /**
   * {@link #verifyBundled()}, handing each file's report to {@code onFile} as soon as it is done
   * (for progress output; the reports arrive in the order of the final report).
   *
   * @throws NullPointerException if {@code onFile} is null
   */
  public static VerificationReport verifyBundled(Consumer<FileReport> onFile) {
    Objects.requireNonNull(onFile, "onFile");
    List<FileReport> reports = new ArrayList<>();
    for (String name : bundledFiles()) {
      byte[] content;
      try (InputStream in = VectorVerifier.class.getResourceAsStream(BUNDLE + name)) {
        if (in == null) {
          FileReport missing = fileFailure(name, "", "missing from this jar");
          reports.add(missing);
          onFile.accept(missing);
          continue;
        }
        content = in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read bundled vector file " + name, e);
      }
      FileReport r = verify(name, content);
      reports.add(r);
      onFile.accept(r);
    }
    return new VerificationReport("bundled", reports);
  }

  /**
   * Runs every {@code *.json} file under {@code dir} (recursively, in path order), except those
   * under a folder named {@code schemas} (JSON Schemas, not vectors).
   *
   * @param dir a folder, for example a checkout's {@code test-vectors}
   * @throws NoSuchFileException if {@code dir} is not a folder
   * @throws IOException if a file cannot be read
   */
  public static VerificationReport verifyDirectory(Path dir) throws IOException {
    return verifyDirectory(dir, r -> {});
  }

  /**
   * {@link #verifyDirectory(Path)}, handing each file's report to {@code onFile} as soon as it is
   * done.
   *
   * @throws NoSuchFileException if {@code dir} is not a folder
   * @throws IOException if a file cannot be read
   * @throws NullPointerException if an argument is null
   */
  public static VerificationReport verifyDirectory(Path dir, Consumer<FileReport> onFile)
      throws IOException {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(onFile, "onFile");
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(dir.toString(), null, "not a folder");
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> p.getFileName().toString().endsWith(".json"))
              .filter(p -> !dir.relativize(p).toString().replace('\\', '/').matches("(.*/)?schemas/.*"))
              .sorted()
              .collect(Collectors.toList());
    }
    List<FileReport> reports = new ArrayList<>();
    for (Path p : files) {
      String name = dir.relativize(p).toString().replace('\\', '/');
      FileReport r = verify(name, Files.readAllBytes(p));
      reports.add(r);
      onFile.accept(r);
    }
    return new VerificationReport(dir.toString(), reports);
  }

  /**
   * Runs one file.
   *
   * @param name the file's name or relative path, used in the report only
   * @param content the file's bytes (UTF-8 JSON)
   * @throws NullPointerException if an argument is null
   */
  public static FileReport verify(String name, byte[] content) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(content, "content");
    JsonNode file;
    try {
      file = mapper().readTree(content);
    } catch (IOException e) {
      return fileFailure(name, "", "not a JSON document: " + firstLine(e.getMessage()));
    }
    if (file == null || !file.isObject()) {
      return fileFailure(name, "", "not a JSON object");
    }
    String algorithm = file.path("algorithm").asText("");
    try {
      Vectors.onlyFields(file, FILE_FIELDS);
    } catch (Mismatch e) {
      return fileFailure(name, algorithm, e.getMessage());
    }
    VectorChecker checker = null;
    for (VectorChecker c : Checkers.all()) {
      if (c.algorithm().equals(algorithm) && c.schema().equals(file.path("schema").asText())) {
        checker = c;
      }
    }
    String elsewhere = Checkers.checkedElsewhere().get(algorithm);
    if (checker == null && elsewhere != null) {
      return new FileReport(name, algorithm, 0, 0, List.of(), elsewhere);
    }
    if (checker == null) {
      return fileFailure(
          name, algorithm,
          "no checker understands algorithm '" + algorithm + "' with schema '"
              + file.path("schema").asText() + "'");
    }
    return run(name, file, checker);
  }

  private static ObjectMapper mapper() {
    // A key given twice makes a case mean two things: reject it rather than keep the last.
    return new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  }

  private static FileReport run(String name, JsonNode file, VectorChecker checker) {
    List<CaseFailure> fileLevel = new ArrayList<>();
    List<CaseFailure> caseLevel = new ArrayList<>();
    Set<String> flagsWithNotes = new HashSet<>();
    file.path("notes").fieldNames().forEachRemaining(flagsWithNotes::add);
    int cases = 0;
    int passed = 0;
    boolean anyValid = false;
    boolean anyInvalid = false;
    Set<Integer> ids = new HashSet<>();
    if (!file.path("testGroups").isArray()) {
      fileLevel.add(new CaseFailure(0, "", "testGroups is missing or not an array"));
    }
    int groupIndex = 0;
    for (JsonNode group : file.path("testGroups")) {
      String groupError = null;
      try {
        if (!group.path("type").isTextual()) {
          throw new Mismatch("every test group has a 'type'");
        }
        checker.checkGroup(group);
      } catch (Exception | AssertionError e) {
        groupError = describe(e);
        fileLevel.add(
            new CaseFailure(0, "", "test group " + groupIndex + " not understood: " + groupError));
      }
      groupIndex++;
      for (JsonNode test : group.path("tests")) {
        cases++;
        int tcId = test.path("tcId").asInt(0);
        String comment = test.path("comment").asText("");
        try {
          if (groupError != null) {
            throw new Mismatch("its test group is not understood");
          }
          if (!test.path("tcId").isIntegralNumber() || tcId < 1) {
            throw new Mismatch("tcId must be a positive integer");
          }
          if (!ids.add(tcId)) {
            throw new Mismatch("duplicate tcId");
          }
          for (JsonNode flag : test.path("flags")) {
            if (!flagsWithNotes.contains(flag.asText())) {
              throw new Mismatch("flag '" + flag.asText() + "' has no note");
            }
          }
          boolean valid = Vectors.isValid(test);
          anyValid |= valid;
          anyInvalid |= !valid;
          if (valid && test.has("error")) {
            throw new Mismatch("a valid case names no error");
          }
          if (!valid && checker.invalidCasesNameTheirError() && !test.path("error").isTextual()) {
            throw new Mismatch("an invalid case must name its expected error in 'error'");
          }
          checker.checkTest(group, test);
          passed++;
        } catch (Exception | AssertionError e) {
          caseLevel.add(new CaseFailure(Math.max(tcId, 0), comment, describe(e)));
        }
      }
    }
    if (cases != file.path("numberOfTests").asInt(-1)) {
      fileLevel.add(
          new CaseFailure(
              0, "", "numberOfTests says " + file.path("numberOfTests") + " but the file has "
                  + cases));
    }
    if (!anyValid || !anyInvalid) {
      fileLevel.add(new CaseFailure(0, "", "a file must have both valid and invalid cases"));
    }
    fileLevel.addAll(caseLevel);
    return new FileReport(name, file.path("algorithm").asText(), cases, passed, fileLevel, "");
  }

  private static String describe(Throwable e) {
    String message = e instanceof Mismatch ? e.getMessage() : e.toString();
    return firstLine(message == null ? e.getClass().getSimpleName() : message);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static FileReport fileFailure(String name, String algorithm, String error) {
    return new FileReport(name, algorithm, 0, 0, List.of(new CaseFailure(0, "", error)), "");
  }
}
