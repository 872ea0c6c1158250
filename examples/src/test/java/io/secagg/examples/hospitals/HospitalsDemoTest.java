package io.secagg.examples.hospitals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.dp.accounting.PrivacyGuarantee;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The "done when", on the default run (5 hospitals, 20 rounds, epsilon 10, seed 1): run
 * once, about 3 s of CPU, and checked from every side.
 */
class HospitalsDemoTest {
  private static HospitalsReport report;

  @BeforeAll
  static void runTheDemo() throws Exception {
    report = HospitalsDemo.run(HospitalsSettings.builder().build());
  }

  @Test
  void federatedModelIsWithinTwoPointsOfTheCentralizedOne() {
    assertTrue(Math.abs(report.federatedAccuracy() - report.centralizedAccuracy()) <= 0.02,
        report::table);
  }

  @Test
  void federatedModelBeatsTheWorstLocalOnlyModel() {
    assertTrue(report.federatedAccuracy() > report.worstLocalAccuracy(), report::table);
  }

  @Test
  void federatedModelBeatsEveryLocalOnlyModel() {
    for (int k = 1; k <= report.settings().hospitals(); k++) {
      assertTrue(report.federatedAccuracy() > report.localAccuracy(k), report::table);
    }
  }

  @Test
  void secureRunMatchesItsFloatReferenceWithinTheQuantizationBoundAtEveryRound() {
    assertTrue(report.referenceVerified(), report::table);
    double last = 0;
    for (int r = 0; r < report.settings().rounds(); r++) {
      double bound = report.referenceBound(r);
      assertTrue(report.referenceDeviation(r) <= bound, "round " + r);
      // The bound is a real one: positive, growing, and far below the models' scale.
      assertTrue(bound > last && bound < 1e-4, "round " + r + ": " + bound);
      last = bound;
    }
    // The runs are not trivially equal: quantization moved the secure model.
    assertTrue(report.referenceDeviation(report.settings().rounds() - 1) > 0);
  }

  @Test
  void privateRunStatesThePrivacyItSpentWithinItsTarget() {
    PrivacyGuarantee spent = report.privacySpent();
    assertTrue(spent.epsilon() > 0 && spent.epsilon() <= report.settings().epsilon(),
        spent::toString);
    assertEquals(report.settings().delta(), spent.delta());
    String table = report.table();
    assertTrue(table.contains(String.format(java.util.Locale.ROOT, "epsilon %.3g at delta 1e-05",
        spent.epsilon())), table);
    assertTrue(table.contains("noise std"), table);
  }

  @Test
  void privateRunAccuracyIsReportedAsMeasured() {
    double[] curve = report.privateCurve();
    assertEquals(curve[curve.length - 1], report.privateAccuracy());
    assertTrue(report.table().contains(String.format(java.util.Locale.ROOT, "%.3f",
        report.privateAccuracy())), report::table);
  }

  @Test
  void plotIsAnSvgWithOneLinePerModel() {
    String svg = report.svgPlot();
    assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
    assertEquals(5, svg.split("<polyline", -1).length - 1, svg);
    assertTrue(svg.contains("worst local only") && svg.contains("federated + DP"), svg);
  }

  @Test
  void sameSeedPrintsTheSameTableTimingsAside() throws Exception {
    HospitalsSettings small = HospitalsSettings.builder().rounds(3).seed(7).build();
    assertEquals(withoutTimings(HospitalsDemo.run(small).table()),
        withoutTimings(HospitalsDemo.run(small).table()));
  }

  private static String withoutTimings(String table) {
    return table.replaceAll("(?m)^Time per round.*$", "");
  }
}
