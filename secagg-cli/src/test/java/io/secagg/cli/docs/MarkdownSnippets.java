package io.secagg.cli.docs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles, and where it can runs, every {@code ```java} block of a Markdown file, so that the
 * documentation cannot drift from the API.
 *
 * <p>The convention (also stated in {@code README.md}, section "Build and test"): a block is a
 * fragment of a method body unless an HTML comment on the line just before its fence says
 * otherwise, as {@code <!-- snippet: DIRECTIVE; DIRECTIVE -->} with these directives:
 *
 * <ul>
 *   <li>{@code given TYPE NAME, TYPE NAME} - names the block uses without defining them (a
 *       transport, the caller's update); they become parameters, so the block is only compiled;
 *   <li>{@code run} - the block needs nothing it does not define: it is compiled, run, and each
 *       line that ends in {@code // prints: TEXT} must have printed TEXT (in order);
 *   <li>{@code unit} - the block is a whole compilation unit (its own classes and imports, no
 *       package clause, no public top-level class) rather than a method body; the other blocks
 *       of the file can use its classes;
 *   <li>{@code imports NAME, NAME} - imports beyond {@link #DEFAULT_IMPORTS}, each a type or a
 *       package with {@code .*}.
 * </ul>
 *
 * <p>Every block is compiled with {@link #DEFAULT_IMPORTS}: each exported package of the library
 * modules and the common JDK packages; a simple name two of them share means the type in {@link
 * #PREFERRED}, unless the block imports its own. A block may throw any exception. An unknown directive is an
 * error, so that a typo cannot quietly exclude a block.
 */
public final class MarkdownSnippets {
  /** The library's exported packages and the JDK packages a snippet may use unqualified. */
  public static final List<String> DEFAULT_IMPORTS =
      List.of(
          "io.secagg.core",
          "io.secagg.core.crypto",
          "io.secagg.core.graph",
          "io.secagg.core.prg",
          "io.secagg.core.protocol",
          "io.secagg.core.protocol.client",
          "io.secagg.core.protocol.server",
          "io.secagg.core.quant",
          "io.secagg.core.session",
          "io.secagg.core.shamir",
          "io.secagg.core.transport",
          "io.secagg.core.vector",
          "io.secagg.core.wire",
          "io.secagg.dp.accounting",
          "io.secagg.dp.central",
          "io.secagg.dp.clip",
          "io.secagg.dp.ddg",
          "io.secagg.dp.sampling",
          "io.secagg.federated",
          "io.secagg.he",
          "io.secagg.he.aggregation",
          "io.secagg.he.encoding",
          "io.secagg.he.packing",
          "io.secagg.he.threshold",
          "io.secagg.session",
          "io.secagg.transport.grpc",
          "io.secagg.transport.grpc.pki",
          "io.secagg.vdaf",
          "io.secagg.vectors",
          "java.io",
          "java.math",
          "java.nio.charset",
          "java.nio.file",
          "java.security",
          "java.time",
          "java.util",
          "java.util.concurrent");

  /**
   * Simple names that two default packages share, and the type they mean in a snippet unless the
   * snippet imports another one of that name itself.
   */
  public static final List<String> PREFERRED = List.of("io.secagg.core.protocol.AggregationResult");

  private static final Pattern FENCE = Pattern.compile("^```java\\s*$");
  private static final Pattern DIRECTIVE = Pattern.compile("^<!--\\s*snippet:(.*)-->\\s*$");
  private static final Pattern PRINTS = Pattern.compile("//\\s*prints:\\s*(.*?)\\s*$");

  /**
   * One {@code ```java} block and what its directive says.
   *
   * @param origin where the block starts, as {@code FILE:LINE} (the line of the opening fence)
   * @param firstLine the file line of the block's first line of code
   * @param lines the block's lines of code
   * @param given the parameter list the directive gives the block, or {@code ""}
   * @param run whether the directive says {@code run}
   * @param unit whether the block is a compilation unit of its own rather than a method body
   * @param imports the imports the directive adds
   * @param index the block's 1-based position in its file
   */
  public record Snippet(
      String origin,
      int firstLine,
      List<String> lines,
      String given,
      boolean run,
      boolean unit,
      List<String> imports,
      int index) {

    /** One package for every block of a file, so a fragment can use a {@code unit}'s classes. */
    String packageName() {
      return "readme";
    }

    String className() {
      return "Snippet" + index;
    }

    /** The Java source the block becomes; the block's own lines start at {@link #offset()}. */
    String source() {
      StringBuilder b = new StringBuilder();
      b.append("package ").append(packageName()).append(";\n");
      for (String p : DEFAULT_IMPORTS) {
        b.append("import ").append(p).append(".*;\n");
      }
      for (String p : preferred()) {
        b.append("import ").append(p).append(";\n");
      }
      for (String i : imports) {
        b.append("import ").append(i).append(";\n");
      }
      if (!unit) {
        b.append("final class ").append(className()).append(" {\n");
        b.append("  static void run(").append(given).append(") throws Exception {\n");
      }
      for (String line : lines) {
        b.append(line).append('\n');
      }
      if (!unit) {
        b.append("  }\n}\n");
      }
      return b.toString();
    }

    /** The preferred types whose simple name the snippet does not import itself. */
    private List<String> preferred() {
      List<String> out = new ArrayList<>();
      for (String p : PREFERRED) {
        String simple = p.substring(p.lastIndexOf('.'));
        if (imports.stream().noneMatch(i -> i.endsWith(simple))) {
          out.add(p);
        }
      }
      return out;
    }

    /** The source line (1-based) of the block's first line: after the package and imports. */
    int offset() {
      return 1 + DEFAULT_IMPORTS.size() + preferred().size() + imports.size() + (unit ? 1 : 3);
    }

    /** The expected outputs, in order: the TEXT of every {@code // prints: TEXT}. */
    List<String> expectedPrints() {
      List<String> out = new ArrayList<>();
      for (String line : lines) {
        Matcher m = PRINTS.matcher(line);
        if (m.find()) {
          out.add(m.group(1));
        }
      }
      return out;
    }
  }

  private MarkdownSnippets() {}

  /**
   * Every {@code ```java} block of {@code markdown}, with its directive.
   *
   * @param name the file's name, for {@link Snippet#origin()}
   * @throws IllegalArgumentException for an unknown directive, a {@code run} block with {@code
   *     given} names, or an unclosed block
   */
  public static List<Snippet> parse(String name, String markdown) {
    List<String> text = markdown.lines().toList();
    List<Snippet> out = new ArrayList<>();
    for (int i = 0; i < text.size(); i++) {
      if (!FENCE.matcher(text.get(i)).matches()) {
        continue;
      }
      String origin = name + ":" + (i + 1);
      String given = "";
      boolean run = false;
      boolean unit = false;
      List<String> imports = new ArrayList<>();
      if (i > 0) {
        Matcher d = DIRECTIVE.matcher(text.get(i - 1).strip());
        if (d.matches()) {
          for (String part : d.group(1).split(";")) {
            String p = part.strip();
            String word = p.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
            String rest = p.length() > word.length() ? p.substring(word.length()).strip() : "";
            switch (word) {
              case "":
                break;
              case "given":
                given = rest;
                break;
              case "run":
                run = true;
                break;
              case "unit":
                unit = true;
                break;
              case "imports":
                for (String imp : rest.split(",")) {
                  if (!imp.isBlank()) {
                    imports.add(imp.strip());
                  }
                }
                break;
              default:
                throw new IllegalArgumentException(origin + ": unknown snippet directive '" + p + "'");
            }
          }
        }
      }
      if (run && !given.isEmpty()) {
        throw new IllegalArgumentException(origin + ": a 'run' snippet cannot have 'given' names");
      }
      if (run && unit) {
        throw new IllegalArgumentException(origin + ": a 'unit' snippet has no body to run");
      }
      List<String> lines = new ArrayList<>();
      int j = i + 1;
      while (j < text.size() && !text.get(j).startsWith("```")) {
        lines.add(text.get(j));
        j++;
      }
      if (j == text.size()) {
        throw new IllegalArgumentException(origin + ": the block is never closed");
      }
      out.add(new Snippet(origin, i + 2, lines, given, run, unit, imports, out.size() + 1));
      i = j;
    }
    return out;
  }

  /**
   * Compiles every snippet into {@code classes} in one compiler run.
   *
   * @return one line per error, {@code FILE:LINE: message}, pointing into the Markdown file;
   *     empty when everything compiles
   */
  public static List<String> compile(List<Snippet> snippets, Path classes) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no Java compiler in this runtime (a JDK is needed, not a JRE)");
    }
    List<JavaFileObject> sources = new ArrayList<>();
    for (Snippet s : snippets) {
      sources.add(new Source(s));
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options = List.of("--release", "17", "-proc:none", "-implicit:none", "-nowarn",
        "-classpath", classPath(), "-d", classes.toString());
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      javac.getTask(null, files, diagnostics, options, null, sources).call();
    }
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() != Diagnostic.Kind.ERROR) {
        continue;
      }
      String where = "?";
      if (d.getSource() instanceof Source) {
        Snippet s = ((Source) d.getSource()).snippet;
        long line = d.getLineNumber() - s.offset();
        where = s.origin.substring(0, s.origin.lastIndexOf(':') + 1) + (s.firstLine + line);
      }
      errors.add(where + ": " + d.getMessage(Locale.ROOT));
    }
    return errors;
  }

  /**
   * Runs one compiled {@code run} snippet and checks what it printed.
   *
   * @return problems, empty if it ran and printed every {@code // prints:} text in order
   */
  public static List<String> run(Snippet s, Path classes) throws IOException {
    List<String> problems = new ArrayList<>();
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, MarkdownSnippets.class.getClassLoader())) {
      Method m = loader.loadClass(s.packageName() + "." + s.className()).getDeclaredMethod("run");
      m.setAccessible(true);
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      try {
        m.invoke(null);
      } finally {
        System.setOut(original);
      }
    } catch (InvocationTargetException e) {
      problems.add(s.origin + ": the snippet threw " + e.getCause());
      return problems;
    } catch (ReflectiveOperationException e) {
      problems.add(s.origin + ": cannot run the snippet: " + e);
      return problems;
    }
    String printed = captured.toString(StandardCharsets.UTF_8);
    int from = 0;
    for (String expected : s.expectedPrints()) {
      int at = printed.indexOf(expected, from);
      if (at < 0) {
        problems.add(s.origin + ": expected it to print '" + expected + "' but it printed:\n" + printed);
        return problems;
      }
      from = at + expected.length();
    }
    return problems;
  }

  /** Reads a Markdown file and returns its snippets. */
  public static List<Snippet> parse(Path file) throws IOException {
    return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
  }

  /**
   * The test class path. Surefire runs tests from a manifest-only jar, so {@code java.class.path}
   * does not list the real entries; it publishes them as {@code surefire.test.class.path}.
   */
  private static String classPath() {
    String cp = System.getProperty("surefire.test.class.path");
    return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path", "");
  }

  private static final class Source extends SimpleJavaFileObject {
    final Snippet snippet;

    Source(Snippet snippet) {
      super(java.net.URI.create("string:///" + snippet.packageName().replace('.', '/') + "/"
          + snippet.className() + Kind.SOURCE.extension), Kind.SOURCE);
      this.snippet = snippet;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return snippet.source();
    }
  }

}
