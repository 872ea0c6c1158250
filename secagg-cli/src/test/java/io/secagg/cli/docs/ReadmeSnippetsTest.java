package io.secagg.cli.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.cli.docs.MarkdownSnippets.Snippet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java snippet of the README compiles against the library as built, and the runnable ones
 * run and print what they say (the convention is in {@link MarkdownSnippets}).
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ReadmeSnippetsTest {
  /** The repository's README, seen from this module (tests run in the module's folder). */
  private static final Path README = Path.of("..", "README.md");

  /** The README's snippets, compiled once for the two tests that use them. */
  @TempDir static Path readmeClasses;

  private static List<Snippet> readme;
  private static List<String> readmeErrors;

  @TempDir Path classes;

  @BeforeAll
  static void compileTheReadme() throws IOException {
    assertTrue(Files.isRegularFile(README), "no " + README.toAbsolutePath());
    readme = MarkdownSnippets.parse(README);
    readmeErrors = MarkdownSnippets.compile(readme, readmeClasses);
  }

  @Test
  void everyJavaSnippetOfTheReadmeCompiles() throws IOException {
    String text = Files.readString(README, StandardCharsets.UTF_8);
    long fences = text.lines().filter(l -> l.startsWith("```java")).count();
    assertEquals(fences, readme.size(), "a ```java block was not picked up");
    assertTrue(readme.size() >= 3, "the README has lost its Java examples");
    assertTrue(readmeErrors.isEmpty(), () -> "README snippets do not compile:\n" + String.join("\n", readmeErrors));
  }

  @Test
  void runnableSnippetsRunAndPrintWhatTheySay() throws IOException {
    assertTrue(readmeErrors.isEmpty(), () -> String.join("\n", readmeErrors));
    List<String> problems = new ArrayList<>();
    int ran = 0;
    for (Snippet s : readme) {
      if (s.run()) {
        problems.addAll(MarkdownSnippets.run(s, readmeClasses));
        ran++;
      }
    }
    assertTrue(ran >= 1, "no README snippet is marked run");
    assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
  }

  @Test
  void aSnippetThatStopsCompilingFailsWithItsReadmeLine() throws IOException {
    String markdown = String.join("\n",
        "# Title",
        "",
        "```java",
        "SecAggConfig config = SecAggConfig.builder().clientCount(\"100\").build();",
        "```",
        "");
    List<String> errors = MarkdownSnippets.compile(MarkdownSnippets.parse("BROKEN.md", markdown), classes);
    assertFalse(errors.isEmpty(), "a broken snippet compiled");
    assertTrue(errors.get(0).startsWith("BROKEN.md:4: "), errors.toString());
  }

  @Test
  void aGivenNameAndAUnitsClassCompileAndAnUndefinedNameDoesNot() throws IOException {
    String markdown = String.join("\n",
        "<!-- snippet: given ServerTransport transport -->",
        "```java",
        "ServerDriver.builder(ServerMachine.builder(Helper.config()).build(), transport).build();",
        "```",
        "<!-- snippet: unit -->",
        "```java",
        "class Helper { static SecAggConfig config() { return null; } }",
        "```",
        "```java",
        "transport.toString();",
        "```");
    List<String> errors = MarkdownSnippets.compile(MarkdownSnippets.parse("GIVEN.md", markdown), classes);
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).startsWith("GIVEN.md:10: "), errors.toString());
  }

  @Test
  void aRunnableSnippetThatPrintsSomethingElseFails() throws IOException {
    String markdown = String.join("\n",
        "<!-- snippet: run -->",
        "```java",
        "System.out.println(Arrays.toString(new int[] {1, 2}));   // prints: [1, 3]",
        "```");
    List<Snippet> snippets = MarkdownSnippets.parse("RUN.md", markdown);
    assertTrue(MarkdownSnippets.compile(snippets, classes).isEmpty());
    List<String> problems = MarkdownSnippets.run(snippets.get(0), classes);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("RUN.md:2: expected it to print '[1, 3]'"), problems.toString());
  }

  @Test
  void rejectsUnknownOrContradictoryDirectives() {
    assertThrows(IllegalArgumentException.class,
        () -> MarkdownSnippets.parse("X.md", "<!-- snippet: rnu -->\n```java\nint a;\n```\n"));
    assertThrows(IllegalArgumentException.class,
        () -> MarkdownSnippets.parse("X.md", "<!-- snippet: run; given int a -->\n```java\na++;\n```\n"));
    assertThrows(IllegalArgumentException.class, () -> MarkdownSnippets.parse("X.md", "```java\nint a;\n"));
  }
}
