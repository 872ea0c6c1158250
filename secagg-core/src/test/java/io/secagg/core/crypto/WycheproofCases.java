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
 * Runs every case of one Wycheproof file in the Tink style: failures are collected as {@code tcId
 * N (comment): reason} and asserted empty once at the end; the number of cases exercised per
 * outcome is printed and checked against the file's {@code numberOfTests}.
 */
final class WycheproofCases {
  /** One case's check; returns the outcome label it was counted under. */
  @FunctionalInterface
  interface CaseCheck {
    String check(JsonNode group, JsonNode test) throws Exception;
  }

  private WycheproofCases() {}

  /** Runs {@code check} on every test of {@code fileName}; returns outcome label to count. */
  static Map<String, Integer> runAll(String fileName, CaseCheck check) {
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
          failures.add(
              "tcId " + test.path("tcId").asInt() + " (" + test.path("comment").asText() + "): "
                  + e);
        }
      }
    }
    System.out.println("Wycheproof " + fileName + ": " + total + " cases exercised " + counts);
    assertTrue(
        failures.isEmpty(),
        fileName + ": " + failures.size() + " failing cases:\n" + String.join("\n", failures));
    assertEquals(file.get("numberOfTests").asInt(), total, fileName + ": numberOfTests");
    return counts;
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
