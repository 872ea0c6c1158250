package io.secagg.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.secagg.vectors.internal.VectorFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schemas of {@code test-vectors/schemas/} (draft 2020-12): every vector file names an
 * existing schema in its {@code schema} field and validates against it, every schema is used,
 * and every object a schema describes forbids unknown fields.
 */
class VectorSchemasTest {
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  private static Path schemaDir() {
    return VectorFiles.vectorDir().resolveSibling("schemas");
  }

  private static List<Path> vectorFiles() throws IOException {
    try (Stream<Path> files = Files.list(VectorFiles.vectorDir())) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
    }
  }

  private static JsonSchema schemaOf(JsonNode file) {
    Path schema = schemaDir().resolve(file.path("schema").asText());
    assertTrue(Files.isRegularFile(schema), "no schema file " + schema);
    return FACTORY.getSchema(VectorFiles.read(schema));
  }

  @Test
  void everyVectorFileValidatesAgainstTheSchemaItNames() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path p : vectorFiles()) {
      JsonNode file = VectorFiles.read(p);
      Set<ValidationMessage> errors = schemaOf(file).validate(file);
      for (ValidationMessage m : errors) {
        problems.add(p.getFileName() + ": " + m.getMessage());
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void everySchemaIsUsedByAVectorFile() throws IOException {
    Set<String> named = new TreeSet<>();
    for (Path p : vectorFiles()) {
      named.add(VectorFiles.read(p).path("schema").asText());
    }
    Set<String> present;
    try (Stream<Path> files = Files.list(schemaDir())) {
      present = files.map(f -> f.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
    }
    assertEquals(named, present);
  }

  @Test
  void everyObjectOfEverySchemaForbidsUnknownFields() throws IOException {
    List<String> open = new ArrayList<>();
    try (Stream<Path> files = Files.list(schemaDir())) {
      for (Path p : (Iterable<Path>) files::iterator) {
        walk(VectorFiles.read(p), p.getFileName() + " #", open);
      }
    }
    assertTrue(open.isEmpty(), "objects without additionalProperties false: " + open);
  }

  private static void walk(JsonNode node, String where, List<String> open) {
    if (node.isObject()) {
      if ("object".equals(node.path("type").asText()) && node.has("properties")
          && !node.path("additionalProperties").isBoolean()) {
        open.add(where);
      }
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        walk(e.getValue(), where + "/" + e.getKey(), open);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), where + "/" + i, open);
      }
    }
  }

  /** The schemas have teeth: an unknown field, a missing error name or a bad result fail. */
  @Test
  void aSchemaRejectsAnUnknownFieldAnInvalidCaseWithoutItsErrorAndAnUnknownResult() {
    Path x25519 = VectorFiles.vectorDir().resolve("x25519_test.json");
    JsonSchema schema = schemaOf(VectorFiles.read(x25519));
    assertTrue(schema.validate(VectorFiles.read(x25519)).isEmpty());

    JsonNode extra = VectorFiles.read(x25519);
    ((ObjectNode) extra.get("testGroups").get(0).get("tests").get(0)).put("sharedSecret", "00");
    assertFalse(schema.validate(extra).isEmpty(), "unknown test field accepted");

    JsonNode noError = VectorFiles.read(x25519);
    boolean removed = false;
    for (JsonNode g : noError.get("testGroups")) {
      for (JsonNode t : g.get("tests")) {
        if (!removed && t.has("error")) {
          ((ObjectNode) t).remove("error");
          removed = true;
        }
      }
    }
    assertTrue(removed);
    assertFalse(schema.validate(noError).isEmpty(), "an invalid case without its error accepted");

    JsonNode badResult = VectorFiles.read(x25519);
    ((ObjectNode) badResult.get("testGroups").get(0).get("tests").get(0)).put("result", "acceptable");
    assertFalse(schema.validate(badResult).isEmpty(), "result 'acceptable' accepted");
  }
}
