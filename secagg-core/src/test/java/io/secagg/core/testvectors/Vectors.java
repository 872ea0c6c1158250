package io.secagg.core.testvectors;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Set;

/** Helpers shared by every known-answer checker and generator. */
public final class Vectors {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final HexFormat HEX = HexFormat.of();

  private Vectors() {}

  /** The folder {@code test-vectors/v1}, from the {@code secagg.testVectors} system property. */
  public static Path vectorDir() {
    String dir = System.getProperty("secagg.testVectors");
    if (dir == null) {
      dir = "../test-vectors/v1";
    }
    return Paths.get(dir).toAbsolutePath().normalize();
  }

  /**
   * A file of the project's copies of the Wycheproof vectors, {@code
   * test-vectors/third_party/wycheproof/} (beside {@link #vectorDir()}; rebuilt from upstream by
   * {@link WycheproofCopies}).
   *
   * @throws AssertionError if the file does not exist: a Wycheproof test must never pass
   *     silently without its vectors
   */
  public static Path wycheproofFile(String name) {
    Path file = vectorDir().resolveSibling("third_party").resolve("wycheproof").resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new AssertionError("Wycheproof vector file " + file + " is missing");
    }
    return file;
  }

  /** Parses JSON text given as UTF-8 bytes. */
  public static JsonNode parse(byte[] json) throws IOException {
    return MAPPER.readTree(json);
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

  /** A new empty object node, keys kept in insertion order. */
  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** A new empty array node. */
  public static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  /**
   * The skeleton of a Wycheproof-shaped file. The caller adds groups to the returned
   * {@code testGroups} array, then calls {@link #finish}.
   *
   * @param notes flag name to its explanation; every flag a test uses must be listed here
   */
  public static ObjectNode newFile(
      String algorithm, String schema, String header, java.util.Map<String, String> notes) {
    ObjectNode file = object();
    file.put("algorithm", algorithm);
    file.put("schema", schema);
    file.put("generatorVersion", "1");
    file.put("numberOfTests", 0);
    ArrayNode headerLines = file.putArray("header");
    headerLines.add(header);
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

  /** Lowercase hex of {@code bytes}. */
  public static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  /** Decodes field {@code name} of {@code node} from lowercase hex. */
  public static byte[] bytes(JsonNode node, String name) {
    return HEX.parseHex(text(node, name));
  }

  /** Field {@code name} as text; fails if absent or not a string. */
  public static String text(JsonNode node, String name) {
    JsonNode v = node.get(name);
    if (v == null || !v.isTextual()) {
      throw new AssertionError("missing string field '" + name + "'");
    }
    return v.asText();
  }

  /** Field {@code name} as an int; fails if absent or not an integral number. */
  public static int integer(JsonNode node, String name) {
    JsonNode v = node.get(name);
    if (v == null || !v.canConvertToInt()) {
      throw new AssertionError("missing int field '" + name + "'");
    }
    return v.intValue();
  }

  /** Field {@code name}, a big integer written as a decimal string. */
  public static BigInteger bigInteger(JsonNode node, String name) {
    return new BigInteger(text(node, name));
  }

  /** True iff the test's {@code result} is {@code valid}. */
  public static boolean isValid(JsonNode test) {
    String result = text(test, "result");
    switch (result) {
      case "valid":
        return true;
      case "invalid":
        return false;
      default:
        throw new AssertionError("unknown result '" + result + "'");
    }
  }

  /** Fails unless every field name of {@code node} is in {@code allowed}. */
  public static void onlyFields(JsonNode node, Set<String> allowed) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name)) {
        throw new AssertionError("field '" + name + "' is not understood");
      }
    }
  }

  /** A body that is expected to throw. */
  @FunctionalInterface
  public interface Body {
    void run() throws Exception;
  }

  /**
   * Runs {@code body} and fails unless it throws an instance of {@code expected} (the documented
   * exception type of the invalid case).
   */
  public static void expectInvalid(Class<? extends Throwable> expected, Body body) {
    try {
      body.run();
    } catch (Throwable t) {
      if (expected.isInstance(t)) {
        return;
      }
      AssertionError e =
          new AssertionError("expected " + expected.getSimpleName() + " but got " + t);
      e.initCause(t);
      throw e;
    }
    throw new AssertionError("expected " + expected.getSimpleName() + " but nothing was thrown");
  }
}
