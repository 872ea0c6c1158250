package io.secagg.core.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.secagg.core.testvectors.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs every case of one Wycheproof file (the project's copy in {@code
 * test-vectors/third_party/wycheproof/}) in the Tink style: failures are collected as {@code tcId
 * N [flags]: reason} and asserted empty once at the end, then the number of cases per outcome is
 * compared with what the test expects, so that a rule which starts to reject (or accept) a whole
 * class of cases cannot go unnoticed.
 */
final class WycheproofCases {
  /** One case's check; returns the outcome label it was counted under. */
  @FunctionalInterface
  interface CaseCheck {
    String check(JsonNode group, JsonNode test) throws Exception;
  }

  private WycheproofCases() {}

  /**
   * Runs {@code check} on every test of {@code fileName} and asserts that the outcome labels it
   * returned occur exactly as often as {@code expectedCounts} says.
   */
  static void runAll(String fileName, Map<String, Integer> expectedCounts, CaseCheck check) {
    JsonNode file = Vectors.read(Vectors.wycheproofFile(fileName));
    List<String> failures = new ArrayList<>();
    Map<String, Integer> counts = new TreeMap<>();
    int total = 0;
    for (JsonNode group : file.get("testGroups")) {
      for (JsonNode test : group.get("tests")) {
        total++;
        try {
          String outcome = check.check(group, test);
          counts.merge(outcome, 1, Integer::sum);
        } catch (Exception | AssertionError e) {
          failures.add("tcId " + test.path("tcId").asInt() + " " + test.path("flags") + ": " + e);
        }
      }
    }
    assertTrue(
        failures.isEmpty(),
        fileName + ": " + failures.size() + " failing cases:\n" + String.join("\n", failures));
    assertEquals(file.get("numberOfTests").asInt(), total, fileName + ": numberOfTests");
    assertEquals(new TreeMap<>(expectedCounts), counts, fileName + ": cases per outcome");
  }

  /** True iff {@code test} has flag {@code flag}. */
  static boolean hasFlag(JsonNode test, String flag) {
    for (JsonNode f : test.path("flags")) {
      if (f.asText().equals(flag)) {
        return true;
      }
    }
    return false;
  }
}
