package io.secagg.vectors.internal;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

/** Writing vector files: what every generator shares. */
public final class VectorFiles {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private VectorFiles() {}

  /** The folder {@code test-vectors/v1}, from the {@code secagg.testVectors} system property. */
  public static Path vectorDir() {
    String dir = System.getProperty("secagg.testVectors");
    if (dir == null) {
      dir = "../test-vectors/v1";
    }
    return Paths.get(dir).toAbsolutePath().normalize();
  }

  /** Parses a JSON file. */
  public static JsonNode read(Path file) {
    try {
      return MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + file, e);
    }
  }

  /** The canonical text of a vector file: two-space indentation, LF line ends, final newline. */
  public static String render(JsonNode node) {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter();
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    printer.indentObjectsWith(indenter);
    printer.indentArraysWith(indenter);
    try {
      return MAPPER.writer(printer).writeValueAsString(node) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The skeleton of a Wycheproof-shaped file. The caller adds groups to the returned
   * {@code testGroups} array, then calls {@link #finish}.
   *
   * @param notes flag name to its explanation; every flag a test uses must be listed here
   */
  public static ObjectNode newFile(
      String algorithm, String schema, String header, Map<String, String> notes) {
    ObjectNode file = Vectors.object();
    file.put("algorithm", algorithm);
    file.put("schema", schema);
    file.put("generatorVersion", "1");
    file.put("numberOfTests", 0);
    file.putArray("header").add(header);
    ObjectNode notesNode = file.putObject("notes");
    notes.forEach(notesNode::put);
    file.putArray("testGroups");
    return file;
  }

  /** Numbers the tests 1, 2, ... across groups and sets {@code numberOfTests}. */
  public static ObjectNode finish(ObjectNode file) {
    int id = 0;
    for (JsonNode group : file.get("testGroups")) {
      for (JsonNode test : group.get("tests")) {
        ((ObjectNode) test).put("tcId", ++id);
      }
    }
    file.put("numberOfTests", id);
    return file;
  }

  /**
   * Starts a test case object with {@code tcId} (filled in by {@link #finish}), {@code comment}
   * and {@code flags}, in that order; the caller adds inputs, outputs and then {@code result}.
   */
  public static ObjectNode newTest(ArrayNode tests, String comment, String... flags) {
    ObjectNode test = tests.addObject();
    test.put("tcId", 0);
    test.put("comment", comment);
    ArrayNode f = test.putArray("flags");
    for (String flag : flags) {
      f.add(flag);
    }
    return test;
  }
}
