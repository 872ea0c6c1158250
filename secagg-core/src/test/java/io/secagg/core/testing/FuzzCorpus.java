package io.secagg.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The checked-in seed corpora of the Jazzer fuzz tests. Jazzer runs a fuzz test {@code m} of
 * class {@code C} in regression mode on every file of the resource directory {@code
 * <package>/<C>Inputs/<m>/}; the seeds there come from real transcripts and known-answer
 * vectors, written by a deterministic generator, so that the corpus cannot drift from the code.
 *
 * <p>{@link #check} compares the committed directory with the generator's seeds and fails on a
 * difference; with {@code -Dsecagg.regenerateCorpus=true} it rewrites the directory instead.
 * Seed files are named {@code seed-<first 16 hex digits of SHA-256>}, so the same bytes always
 * get the same name. Shipped in secagg-core's test-jar for every module's fuzz tests.
 */
public final class FuzzCorpus {
  private static final String REGENERATE = "secagg.regenerateCorpus";

  private FuzzCorpus() {}

  /** The source directory of {@code fuzzTest}'s corpus for {@code method}, under the module. */
  public static Path sourceDirectory(Class<?> fuzzTest, String method) {
    String basedir = System.getProperty("basedir", ".");
    return Path.of(basedir, "src", "test", "resources")
        .resolve(fuzzTest.getPackageName().replace('.', '/'))
        .resolve(fuzzTest.getSimpleName() + "Inputs")
        .resolve(method);
  }

  /** The seeds as files: name to content, in a stable order. */
  public static Map<String, byte[]> named(List<byte[]> seeds) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (byte[] s : seeds) {
      out.put(name(s), s);
    }
    return out;
  }

  private static String name(byte[] seed) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(seed);
      return "seed-" + HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Checks (or, with {@code -Dsecagg.regenerateCorpus=true}, rewrites) the committed corpus of
   * {@code fuzzTest#method} against {@code seeds}.
   *
   * @return a description of every difference; empty when the corpus matches
   */
  public static List<String> check(Class<?> fuzzTest, String method, List<byte[]> seeds) throws IOException {
    Path dir = sourceDirectory(fuzzTest, method);
    Map<String, byte[]> expected = named(seeds);
    List<String> problems = new ArrayList<>();
    if (Boolean.getBoolean(REGENERATE)) {
      Files.createDirectories(dir);
      try (Stream<Path> old = Files.list(dir)) {
        for (Path p : (Iterable<Path>) old::iterator) {
          if (p.getFileName().toString().startsWith("seed-")) {
            Files.delete(p);
          }
        }
      }
      for (Map.Entry<String, byte[]> e : expected.entrySet()) {
        Files.write(dir.resolve(e.getKey()), e.getValue());
      }
      return problems;
    }
    for (Map.Entry<String, byte[]> e : expected.entrySet()) {
      Path p = dir.resolve(e.getKey());
      if (!Files.exists(p) || !Arrays.equals(Files.readAllBytes(p), e.getValue())) {
        problems.add(dir + ": seed " + e.getKey() + " missing or different");
      }
    }
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        files.map(p -> p.getFileName().toString())
            .filter(n -> n.startsWith("seed-") && !expected.containsKey(n))
            .forEach(n -> problems.add(dir + ": stale seed " + n));
      }
    }
    if (!problems.isEmpty()) {
      problems.add("rerun with -D" + REGENERATE + "=true and review the diff");
    }
    return problems;
  }

  /**
   * {@link #check} for every target, each against {@code seedsOf.apply(target)}.
   *
   * @return every difference, in target order; empty when every corpus matches
   */
  public static List<String> checkAll(
      List<UntrustedInputSurface.Target> targets,
      Function<UntrustedInputSurface.Target, List<byte[]>> seedsOf) throws IOException {
    List<String> problems = new ArrayList<>();
    for (UntrustedInputSurface.Target t : targets) {
      problems.addAll(check(t.fuzzTest(), t.method(), seedsOf.apply(t)));
    }
    return problems;
  }

  /** Every file of the corpus of {@code fuzzTest#method} on the test class path. */
  public static List<byte[]> load(Class<?> fuzzTest, String method) {
    String resource = fuzzTest.getSimpleName() + "Inputs/" + method;
    URL url = fuzzTest.getResource(resource);
    if (url == null) {
      throw new IllegalStateException("no corpus for " + fuzzTest.getName() + "#" + method);
    }
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      List<byte[]> out = new ArrayList<>();
      for (Path p : (Iterable<Path>) files.sorted()::iterator) {
        out.add(Files.readAllBytes(p));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
