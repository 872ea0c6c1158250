package io.secagg.cli;

import static io.secagg.cli.Run.assertUsageHint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HospitalsCommandTest {
  @TempDir Path dir;

  @Test
  void printsTheTableAndWritesThePlot() throws Exception {
    Path plot = dir.resolve("accuracy.svg");
    Run r = Run.of("demo", "hospitals", "--hospitals", "4", "--rounds", "3", "--epsilon", "5",
        "--seed", "9", "--plot", plot.toString()).assertOk();
    for (int k = 1; k <= 4; k++) {
      assertTrue(r.out().contains("hospital " + k + ", its own patients only"), r::toString);
    }
    assertTrue(r.out().contains("federated, secure aggregation "), r::toString);
    assertTrue(r.out().contains("federated, secure aggregation + DP (eps "), r::toString);
    assertTrue(r.out().contains("centralized, pooled data"), r::toString);
    assertTrue(r.out().contains("at delta 1e-05 spent over 3 rounds"), r::toString);
    assertTrue(r.out().contains("(target 5, planned for rounds of 3 hospitals"), r::toString);
    assertTrue(r.out().contains("hospital 2 crashed after sharing its keys in round 2;"),
        r::toString);
    assertTrue(r.out().contains("VERIFIED"), r::toString);
    assertTrue(r.out().contains("Plot: " + plot), r::toString);
    assertTrue(Files.readString(plot).startsWith("<svg"), r::toString);
  }

  @Test
  void rejectsTooFewHospitalsWithAOneLineHint() {
    Run r = Run.of("demo", "hospitals", "--hospitals", "3").assertUsageError("Invalid number of hospitals 3; must be 4..10");
    assertNestedUsageHint(r);
  }

  @Test
  void rejectsANonPositiveEpsilon() {
    Run r = Run.of("demo", "hospitals", "--epsilon", "0").assertUsageError("Invalid epsilon 0.0; must be finite and > 0");
    assertNestedUsageHint(r);
  }

  @Test
  void rejectsAnEpsilonNoDpRunCanMeet() {
    Run r = Run.of("demo", "hospitals", "--epsilon", "1e-4", "--rounds", "5")
        .assertUsageError("No DP run of 5 hospitals meets epsilon 1.0E-4");
    assertNestedUsageHint(r);
  }

  /** Picocli's help command looks up one level: below that the hint names --help. */
  private static void assertNestedUsageHint(Run r) {
    List<String> lines = r.err().strip().lines().toList();
    assertEquals(List.of("Run 'secagg demo hospitals --help' for every option."),
        lines.subList(1, lines.size()), r::toString);
  }

  @Test
  void demoWithoutADemoListsTheDemos() {
    Run r = Run.of("demo").assertUsageError("Missing demo; the demos are: hospitals");
    assertUsageHint(r, "demo");
  }

  @Test
  void helpDemoListsHospitalsAndItsHelpListsItsOptions() {
    Run demo = Run.of("help", "demo").assertOk();
    assertTrue(demo.out().contains("hospitals  Hospitals that may not pool"), demo::toString);
    Run hospitals = Run.of("demo", "hospitals", "--help").assertOk();
    for (String option : new String[] {"--hospitals", "--rounds", "--epsilon", "--delta",
        "--seed", "--plot"}) {
      assertTrue(hospitals.out().contains(option), hospitals::toString);
    }
  }
}
