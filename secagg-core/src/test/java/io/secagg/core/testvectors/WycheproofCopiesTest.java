package io.secagg.core.testvectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Wycheproof copy generator keeps facts and drops prose deterministically, and the committed
 * copies follow its rules (the upstream files themselves are not part of the repository).
 */
class WycheproofCopiesTest {
  @TempDir Path upstream;

  /** A small upstream-shaped file with prose in every place upstream has it. */
  private static String upstreamFile(String groupExtra, String testExtra) {
    return "{\n"
        + "  \"algorithm\" : \"HKDF-SHA-256\",\n"
        + "  \"schema\" : \"hkdf_test_schema_v1.json\",\n"
        + "  \"numberOfTests\" : 2,\n"
        + "  \"header\" : [ \"Some prose about the file.\" ],\n"
        + "  \"notes\" : { \"Normal\" : { \"bugType\" : \"BASIC\", \"description\" : \"prose\" } },\n"
        + "  \"testGroups\" : [ {\n"
        + "    \"type\" : \"HkdfTest\",\n"
        + "    \"source\" : { \"name\" : \"google-wycheproof\", \"version\" : \"0.9\" },\n"
        + "    \"keySize\" : 176," + groupExtra + "\n"
        + "    \"tests\" : [\n"
        + "      { \"tcId\" : 1, \"comment\" : \"RFC 5869\", \"flags\" : [ \"Normal\" ], \"ikm\" : \"0b\","
        + " \"salt\" : \"\", \"info\" : \"\", \"size\" : 2, \"okm\" : \"abcd\", \"result\" : \"valid\"" + testExtra
        + " },\n"
        + "      { \"tcId\" : 2, \"comment\" : \"too long\", \"flags\" : [ \"SizeTooLarge\" ], \"ikm\" : \"0c\","
        + " \"salt\" : \"00\", \"info\" : \"01\", \"size\" : 9000, \"okm\" : \"\", \"result\" : \"invalid\" }\n"
        + "    ]\n"
        + "  } ]\n"
        + "}\n";
  }

  private static WycheproofCopies.Selection hkdf() {
    for (WycheproofCopies.Selection s : WycheproofCopies.SELECTIONS) {
      if (s.fileName().equals("hkdf_sha256_test.json")) {
        return s;
      }
    }
    throw new AssertionError("no HKDF selection");
  }

  @Test
  void keepsInputsOutputsResultsAndFlagNamesAndDropsEveryPieceOfProse() throws Exception {
    byte[] raw = upstreamFile("", "").getBytes(StandardCharsets.UTF_8);
    String copy = Vectors.render(WycheproofCopies.copy(hkdf(), raw));
    assertEquals(copy, Vectors.render(WycheproofCopies.copy(hkdf(), raw)), "deterministic");
    JsonNode c = Vectors.parse(copy.getBytes(StandardCharsets.UTF_8));
    assertEquals(
        Set.of("algorithm", "schema", "numberOfTests", "upstream", "testGroups"), fieldNames(c));
    assertEquals("testvectors_v1/hkdf_sha256_test.json", c.get("upstream").get("path").asText());
    assertEquals(
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw)),
        c.get("upstream").get("sha256").asText());
    JsonNode group = c.get("testGroups").get(0);
    assertEquals(Set.of("type", "keySize", "tests"), fieldNames(group));
    JsonNode first = group.get("tests").get(0);
    assertEquals(
        Set.of("tcId", "flags", "ikm", "salt", "info", "size", "okm", "result"), fieldNames(first));
    assertEquals("[\"Normal\"]", first.get("flags").toString());
    assertEquals("abcd", first.get("okm").asText());
    assertEquals(9000, group.get("tests").get(1).get("size").asInt());
    assertFalse(copy.contains("prose") || copy.contains("RFC 5869") || copy.contains("too long"));
  }

  @Test
  void rejectsAnUpstreamFieldItNeitherKeepsNorDrops() {
    byte[] newTestField = upstreamFile("", ", \"label\" : \"x\"").getBytes(StandardCharsets.UTF_8);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> WycheproofCopies.copy(hkdf(), newTestField));
    assertTrue(e.getMessage().contains("[label]"), e.getMessage());
    byte[] newGroupField = upstreamFile(" \"hash\" : \"SHA-256\",", "").getBytes(StandardCharsets.UTF_8);
    assertThrows(IllegalArgumentException.class, () -> WycheproofCopies.copy(hkdf(), newGroupField));
  }

  @Test
  void rejectsAFileWhoseCaseCountDisagreesWithNumberOfTests() {
    byte[] raw =
        upstreamFile("", "").replace("\"numberOfTests\" : 2", "\"numberOfTests\" : 3")
            .getBytes(StandardCharsets.UTF_8);
    assertThrows(IllegalArgumentException.class, () -> WycheproofCopies.copy(hkdf(), raw));
  }

  @Test
  void copyAllReadsEverySelectedFileFromTheGivenFolder() throws IOException {
    IOException missing = assertThrows(IOException.class, () -> WycheproofCopies.copyAll(upstream));
    assertTrue(missing.getMessage().contains("_test.json"), missing.getMessage());
  }

  @Test
  void everyCommittedCopyHoldsOnlyTheFieldsItsSelectionKeeps() throws IOException {
    for (WycheproofCopies.Selection s : WycheproofCopies.SELECTIONS) {
      Path file = Vectors.wycheproofFile(s.fileName());
      String text = Files.readString(file, StandardCharsets.UTF_8);
      JsonNode c = Vectors.parse(text.getBytes(StandardCharsets.UTF_8));
      assertEquals(text, Vectors.render(c), s.fileName() + ": canonical layout");
      assertEquals(
          Set.of("algorithm", "schema", "numberOfTests", "upstream", "testGroups"), fieldNames(c), s.fileName());
      assertEquals(
          Map.of("repository", WycheproofCopies.UPSTREAM_REPOSITORY,
              "path", WycheproofCopies.UPSTREAM_FOLDER + "/" + s.fileName()),
          Map.of("repository", c.get("upstream").get("repository").asText(),
              "path", c.get("upstream").get("path").asText()));
      assertEquals(64, c.get("upstream").get("sha256").asText().length(), s.fileName());
      int cases = 0;
      for (JsonNode group : c.get("testGroups")) {
        Set<String> groupFields = fieldNames(group);
        groupFields.remove("tests");
        assertTrue(s.groupKeep().containsAll(groupFields), s.fileName() + " group " + groupFields);
        for (JsonNode test : group.get("tests")) {
          assertTrue(s.testKeep().containsAll(fieldNames(test)), s.fileName() + " " + fieldNames(test));
          cases++;
        }
      }
      assertEquals(c.get("numberOfTests").asInt(), cases, s.fileName());
    }
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new java.util.HashSet<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
