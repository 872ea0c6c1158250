package io.secagg.cli.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.cli.docs.MarkdownSnippets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The rules a new library module must follow, checked on the repository itself (this module's
 * tests see every other module): it is listed in {@code secagg-bom} and in the parent's
 * dependency management, the BOM keeps the parent's version and metadata, every package it
 * exports has a {@code package-info.java}, and the README's snippets may use its packages.
 *
 * <p>A library module is a {@code jar} module of the parent that does not set {@code
 * secagg.publish.skip} (the applications, {@code secagg-cli} and {@code benchmarks}, do).
 */
class RepositoryLayoutTest {
  private static final Path ROOT = Path.of("..");
  private static final Pattern EXPORTS = Pattern.compile("^\\s*exports\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

  private static Element parent;
  private static Element bom;
  private static List<String> libraries;

  @BeforeAll
  static void readPoms() throws Exception {
    parent = pom(ROOT.resolve("pom.xml"));
    bom = pom(ROOT.resolve("secagg-bom/pom.xml"));
    libraries = new ArrayList<>();
    for (Element m : children(child(parent, "modules"), "module")) {
      Element module = pom(ROOT.resolve(m.getTextContent().strip()).resolve("pom.xml"));
      String packaging = text(module, "packaging");
      Element properties = child(module, "properties");
      boolean skip = properties != null && "true".equals(text(properties, "secagg.publish.skip"));
      if ((packaging == null || packaging.equals("jar")) && !skip) {
        libraries.add(text(module, "artifactId"));
      }
    }
  }

  @Test
  void theLibraryModulesAreTheFourWeKnowOrMore() {
    assertTrue(libraries.containsAll(
        List.of("secagg-core", "secagg-he", "secagg-dp", "secagg-transport-grpc")), libraries.toString());
    assertFalse(libraries.contains("secagg-cli") || libraries.contains("benchmarks"), libraries.toString());
  }

  @Test
  void theBomManagesExactlyTheLibraryModules() {
    assertEquals(new TreeSet<>(libraries), managedJars(bom),
        "secagg-bom/pom.xml must list every library module (and nothing else)");
  }

  @Test
  void theParentManagesEveryLibraryModuleLikeTheBom() {
    assertTrue(managedJars(parent).containsAll(libraries),
        "the parent pom.xml's dependencyManagement must list every library module");
  }

  @Test
  void theBomKeepsTheParentsVersionAndMetadata() {
    assertEquals(text(parent, "version"), text(bom, "version"), "version");
    assertEquals(text(parent, "groupId"), text(bom, "groupId"), "groupId");
    for (String field : List.of("url", "inceptionYear")) {
      assertEquals(text(parent, field), text(bom, field), field);
    }
    for (String[] path : new String[][] {
        {"licenses", "license", "name"}, {"licenses", "license", "url"}, {"scm", "url"}, {"scm", "connection"},
        {"scm", "developerConnection"}, {"issueManagement", "url"}, {"developers", "developer", "name"}}) {
      assertEquals(deep(parent, path), deep(bom, path), String.join("/", path));
    }
    assertEquals(outputTimestamp(parent), outputTimestamp(bom), "project.build.outputTimestamp");
  }

  @Test
  void everyExportedPackageHasAPackageInfoAndIsImportedByReadmeSnippets() throws IOException {
    List<String> problems = new ArrayList<>();
    for (String library : libraries) {
      Path sources = ROOT.resolve(library).resolve("src/main/java");
      for (String p : exportedPackages(sources)) {
        if (!Files.isRegularFile(sources.resolve(p.replace('.', '/')).resolve("package-info.java"))) {
          problems.add(library + ": " + p + " has no package-info.java");
        }
        if (!MarkdownSnippets.DEFAULT_IMPORTS.contains(p)) {
          problems.add(library + ": " + p + " is missing from MarkdownSnippets.DEFAULT_IMPORTS");
        }
      }
    }
    assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
  }

  /** The module's {@code exports}, or for a module without a descriptor every non-internal package. */
  private static Set<String> exportedPackages(Path sources) throws IOException {
    Set<String> out = new TreeSet<>();
    Path descriptor = sources.resolve("module-info.java");
    if (Files.isRegularFile(descriptor)) {
      Matcher m = EXPORTS.matcher(Files.readString(descriptor, StandardCharsets.UTF_8));
      while (m.find()) {
        out.add(m.group(1));
      }
      return out;
    }
    try (Stream<Path> files = Files.walk(sources)) {
      files.filter(f -> f.toString().endsWith(".java"))
          .map(f -> sources.relativize(f.getParent()).toString().replace('/', '.').replace('\\', '.'))
          .filter(p -> !p.isEmpty() && !p.contains("internal"))
          .forEach(out::add);
    }
    return out;
  }

  private static Set<String> managedJars(Element project) {
    Set<String> out = new TreeSet<>();
    for (Element d : children(child(child(project, "dependencyManagement"), "dependencies"), "dependency")) {
      String type = text(d, "type");
      if ("io.secagg".equals(text(d, "groupId")) && (type == null || type.equals("jar"))) {
        out.add(text(d, "artifactId"));
      }
    }
    return out;
  }

  private static String outputTimestamp(Element project) {
    return text(child(project, "properties"), "project.build.outputTimestamp");
  }

  private static Element pom(Path file) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document d = f.newDocumentBuilder().parse(file.toFile());
    return d.getDocumentElement();
  }

  private static String deep(Element e, String... path) {
    Element at = e;
    for (int i = 0; i < path.length - 1 && at != null; i++) {
      at = child(at, path[i]);
    }
    return at == null ? null : text(at, path[path.length - 1]);
  }

  private static Element child(Element e, String name) {
    if (e == null) {
      return null;
    }
    List<Element> c = children(e, name);
    return c.isEmpty() ? null : c.get(0);
  }

  private static List<Element> children(Element e, String name) {
    List<Element> out = new ArrayList<>();
    if (e == null) {
      return out;
    }
    NodeList nodes = e.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node n = nodes.item(i);
      if (n instanceof Element && ((Element) n).getTagName().equals(name)) {
        out.add((Element) n);
      }
    }
    return out;
  }

  private static String text(Element e, String name) {
    Element c = child(e, name);
    return c == null ? null : c.getTextContent().strip();
  }
}
