package io.secagg.vdaf;

import com.fasterxml.jackson.databind.JsonNode;
import io.secagg.core.testvectors.Vectors;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code notes} of a generated vector file (flag name to its explanation, in file order), kept
 * as a JSON object in a test resource beside the generator: data, not code.
 */
final class VectorNotes {
  private VectorNotes() {}

  /**
   * The notes in resource {@code name} of this package.
   *
   * @throws IllegalStateException if the resource is missing or not a JSON object of strings
   */
  static Map<String, String> load(String name) {
    try (InputStream in = VectorNotes.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no resource " + name);
      }
      JsonNode node = Vectors.parse(in.readAllBytes());
      Map<String, String> notes = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (!e.getValue().isTextual()) {
          throw new IllegalStateException(name + ": note " + e.getKey() + " is not a string");
        }
        notes.put(e.getKey(), e.getValue().asText());
      }
      return notes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
