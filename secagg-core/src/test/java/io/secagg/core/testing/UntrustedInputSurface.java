package io.secagg.core.testing;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The decoding and accepting methods a module exports, found by reflection, and the harness that
 * feeds each of them malformed input through its fuzz target (issue 12: "a test feeds malformed
 * untrusted bytes to every exported decoding and accepting method"). A module's coverage test
 * maps every method found to a fuzz target, or to a written reason why it takes no untrusted
 * input; a method added later without either fails that test, so no decoder is forgotten.
 *
 * <p>Found: the public methods, static or not, of public classes outside {@code internal}
 * packages whose name starts with {@code decode}, {@code parse} or {@code accept}, or has the
 * form {@code from...Bytes}.
 */
public final class UntrustedInputSurface {
  private static final Pattern NAME = Pattern.compile("^(decode|parse|accept)\\w*$|^from\\w*Bytes$");

  private UntrustedInputSurface() {}

  /**
   * One fuzz target: its {@code @FuzzTest} method, the body it runs on an input, and how many
   * malformations of each seed {@link #runMalformed} feeds it (targets whose every execution
   * costs big-integer exponentiations get a sample, headers first).
   */
  public record Target(Class<?> fuzzTest, String method, Consumer<byte[]> body, int budget) {
    /** A target fed every malformation. */
    public Target(Class<?> fuzzTest, String method, Consumer<byte[]> body) {
      this(fuzzTest, method, body, Integer.MAX_VALUE);
    }

    /** {@code Class#method}, as the maps of coverage tests name targets. */
    public String name() {
      return fuzzTest.getSimpleName() + "#" + method;
    }
  }

  /**
   * Every matching method of the module whose classes {@code anyClass} was loaded from, as
   * {@code fully.qualified.Class#method}, sorted.
   */
  public static List<String> methods(Class<?> anyClass) throws IOException, URISyntaxException {
    Path root = Path.of(anyClass.getProtectionDomain().getCodeSource().getLocation().toURI());
    TreeSet<String> out = new TreeSet<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String rel = root.relativize(p).toString().replace('\\', '/');
        if (!rel.endsWith(".class") || rel.contains("$") || rel.contains("/internal/")
            || rel.endsWith("module-info.class") || rel.endsWith("package-info.class")) {
          continue;
        }
        String name = rel.substring(0, rel.length() - ".class".length()).replace('/', '.');
        Class<?> c;
        try {
          c = Class.forName(name, false, anyClass.getClassLoader());
        } catch (ClassNotFoundException e) {
          throw new IllegalStateException(e);
        }
        if (!Modifier.isPublic(c.getModifiers())) {
          continue;
        }
        for (Method m : c.getDeclaredMethods()) {
          if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && NAME.matcher(m.getName()).matches()) {
            out.add(c.getName() + "#" + m.getName());
          }
        }
      }
    }
    return new ArrayList<>(out);
  }

  /**
   * What is wrong with a module's map from methods to fuzz targets (or exemptions): methods
   * found but not mapped, mapped but not found, and targets that are not {@code @FuzzTest}
   * methods taking {@code byte[]}.
   *
   * @param covered method to target name ({@link Target#name()})
   * @param exempt method to the reason it takes no untrusted input
   */
  public static List<String> coverageProblems(
      List<String> found, Map<String, String> covered, Map<String, String> exempt, List<Target> targets) {
    List<String> problems = new ArrayList<>();
    for (String m : found) {
      if (!covered.containsKey(m) && !exempt.containsKey(m)) {
        problems.add(m + " decodes or accepts input but has no fuzz target (nor a stated exemption)");
      }
    }
    for (String m : covered.keySet()) {
      if (!found.contains(m)) {
        problems.add(m + " is mapped but no longer exists");
      }
      String t = covered.get(m);
      if (targets.stream().noneMatch(x -> x.name().equals(t))) {
        problems.add(m + " is mapped to unknown target " + t);
      }
    }
    for (String m : exempt.keySet()) {
      if (!found.contains(m)) {
        problems.add(m + " is exempted but no longer exists");
      }
    }
    for (Target t : targets) {
      try {
        Method fm = t.fuzzTest().getDeclaredMethod(t.method(), byte[].class);
        if (!fm.isAnnotationPresent(FuzzTest.class)) {
          problems.add(t.name() + " is not a @FuzzTest");
        }
      } catch (NoSuchMethodException e) {
        problems.add(t.name() + " does not exist");
      }
    }
    return problems;
  }

  /**
   * What is wrong with the throws clauses of the mapped methods: each must declare a subtype of
   * {@code root} (the module's checked untrusted-input supertype) and no other checked exception.
   */
  public static List<String> declarationProblems(Iterable<String> methods, Class<? extends Exception> root)
      throws ClassNotFoundException {
    List<String> problems = new ArrayList<>();
    for (String m : methods) {
      String[] parts = m.split("#");
      for (Method method : Class.forName(parts[0]).getMethods()) {
        if (!method.getName().equals(parts[1])) {
          continue;
        }
        boolean declares = false;
        for (Class<?> t : method.getExceptionTypes()) {
          declares |= root.isAssignableFrom(t);
          if (!root.isAssignableFrom(t) && !RuntimeException.class.isAssignableFrom(t)) {
            problems.add(method + " declares " + t.getSimpleName());
          }
        }
        if (!declares) {
          problems.add(method + " declares no " + root.getSimpleName());
        }
      }
    }
    return problems;
  }

  /**
   * Runs every target on every seed of its checked-in corpus and on every {@link Mutations
   * malformation} of each seed. A target lets only its documented checked exception pass
   * (and checks re-encoding), so anything thrown here is a failure.
   *
   * @return one line per failing input (target, seed, mutation index, what was thrown)
   */
  public static List<String> runMalformed(List<Target> targets) {
    List<String> failures = new ArrayList<>();
    for (Target t : targets) {
      List<byte[]> seeds = FuzzCorpus.load(t.fuzzTest(), t.method());
      if (seeds.isEmpty()) {
        failures.add(t.name() + ": empty corpus");
      }
      for (int s = 0; s < seeds.size(); s++) {
        List<byte[]> inputs = new ArrayList<>();
        inputs.add(seeds.get(s));
        List<byte[]> all = Mutations.of(seeds.get(s));
        if (all.size() <= t.budget()) {
          inputs.addAll(all);
        } else {
          // The first malformations hit the header (version, type, counts); the rest evenly.
          int head = t.budget() / 2;
          inputs.addAll(all.subList(0, head));
          int rest = t.budget() - head;
          for (int k = 0; k < rest; k++) {
            inputs.add(all.get(head + (int) ((long) k * (all.size() - head) / rest)));
          }
        }
        for (int i = 0; i < inputs.size(); i++) {
          try {
            t.body().accept(inputs.get(i));
          } catch (RuntimeException | AssertionError | StackOverflowError e) {
            if (failures.size() < 50) {
              failures.add(t.name() + " seed " + s + " mutation " + (i - 1) + ": " + e);
            }
          }
        }
      }
    }
    return failures;
  }
}
