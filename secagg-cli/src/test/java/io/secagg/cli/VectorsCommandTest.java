package io.secagg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code secagg vectors verify}: the bundled files pass; a changed value fails naming its case. */
class VectorsCommandTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static Path committedVectors() {
    return Paths.get(System.getProperty("secagg.testVectors", "../test-vectors/v1"))
        .toAbsolutePath().normalize();
  }

  /** A copy of the committed v1 folder under {@code tmp}. */
  private static Path copyOfVectors(Path tmp) throws IOException {
    Path copy = tmp.resolve("v1");
    Files.createDirectories(copy);
    try (Stream<Path> files = Files.list(committedVectors())) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    return copy;
  }

  @Test
  void everyBundledFilePassesOnAFreshBuild() {
    Run run = Run.of("vectors", "verify");
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("v1/secagg_transcript_test.json"), run.out());
    assertTrue(run.out().strip().endsWith("OK"), run.out());
    assertFalse(run.out().contains("FAIL "), run.out());
  }

  @Test
  void aChangedOutputValueFailsNamingTheFileAndTheCase(@TempDir Path tmp) throws IOException {
    Path dir = copyOfVectors(tmp);
    Path file = dir.resolve("x25519_test.json");
    JsonNode root = MAPPER.readTree(file.toFile());
    // The first valid peer-key case: flip the last hex digit of its shared secret.
    ObjectNode victim = null;
    for (JsonNode g : root.get("testGroups")) {
      for (JsonNode t : g.get("tests")) {
        if (victim == null && t.has("shared") && t.get("result").asText().equals("valid")) {
          victim = (ObjectNode) t;
        }
      }
    }
    String shared = victim.get("shared").asText();
    char last = shared.charAt(shared.length() - 1);
    victim.put("shared", shared.substring(0, shared.length() - 1) + (last == '0' ? '1' : '0'));
    Files.writeString(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    int tcId = victim.get("tcId").asInt();

    Run run = Run.of("vectors", "verify", dir.toString());
    assertEquals(1, run.exitCode(), run.toString());
    assertTrue(run.out().contains("  FAIL tcId " + tcId + " ("), run.out());
    assertTrue(run.out().contains("shared"), "the error names the field: " + run.out());
    assertEquals(1, run.out().lines().filter(l -> l.startsWith("  FAIL ")).count(), run.out());
    assertTrue(run.out().strip().endsWith("FAILED"), run.out());

    Run json = Run.of("vectors", "verify", dir.toString(), "--json");
    assertEquals(1, json.exitCode(), json.toString());
    JsonNode report = MAPPER.readTree(json.out());
    assertFalse(report.get("ok").asBoolean());
    assertEquals(1, report.get("failed").asInt());
    for (JsonNode f : report.get("files")) {
      boolean changed = f.get("file").asText().equals("x25519_test.json");
      assertEquals(changed ? 1 : 0, f.get("failed").asInt(), f.toString());
      if (changed) {
        assertEquals(tcId, f.get("failures").get(0).get("tcId").asInt());
      }
    }
  }

  @Test
  void anUnchangedCopyPassesAndReportsTheVdafAndFederatedFilesAsCheckedByTheirModule(@TempDir Path tmp)
      throws IOException {
    Run run = Run.of("vectors", "verify", copyOfVectors(tmp).toString(), "--json");
    assertEquals(0, run.exitCode(), run.toString());
    JsonNode report = MAPPER.readTree(run.out());
    assertTrue(report.get("ok").asBoolean());
    assertTrue(report.get("cases").asInt() > 600, run.out());
    for (JsonNode f : report.get("files")) {
      String name = f.get("file").asText();
      boolean elsewhere = name.startsWith("vdaf_") || name.startsWith("federated_");
      assertEquals(elsewhere, f.has("skipped"), f.toString());
    }
  }

  @Test
  void aMissingFolderIsAUsageError(@TempDir Path tmp) {
    Run run = Run.of("vectors", "verify", tmp.resolve("nowhere").toString());
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("is not a folder"), run.err());
  }
}
