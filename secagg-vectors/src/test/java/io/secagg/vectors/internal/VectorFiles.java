package io.secagg.vectors.internal;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;

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
   * {@code testGroups} array, then calls {@link #finish}. Its {@code notes} (flag name to
   * explanation; every flag a test uses must be listed) are those of {@code fileName} in the data
   * table {@value #NOTES_RESOURCE}, in the table's order.
   *
   * @throws IllegalStateException if the table has no notes for {@code fileName}
   */
  public static ObjectNode newFile(String fileName, String algorithm, String schema, String header) {
    ObjectNode file = Vectors.object();
    file.put("algorithm", algorithm);
    file.put("schema", schema);
    file.put("generatorVersion", "1");
    file.put("numberOfTests", 0);
    file.putArray("header").add(header);
    file.set("notes", notesOf(fileName));
    file.putArray("testGroups");
    return file;
  }

  /** The data table of every generated file's notes, a resource beside this class. */
  static final String NOTES_RESOURCE = "generator-notes.json";

  private static ObjectNode notesOf(String fileName) {
    JsonNode notes = NOTES.get(fileName);
    if (!(notes instanceof ObjectNode)) {
      throw new IllegalStateException(NOTES_RESOURCE + " has no notes for " + fileName);
    }
    // A copy: the caller's file must not share nodes with the table.
    return ((ObjectNode) notes).deepCopy();
  }

  private static final JsonNode NOTES = readNotes();

  private static JsonNode readNotes() {
    try (InputStream in = VectorFiles.class.getResourceAsStream(NOTES_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + NOTES_RESOURCE);
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + NOTES_RESOURCE, e);
    }
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
