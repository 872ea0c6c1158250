package io.secagg.examples.hospitals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CohortTest {
  private static final Wdbc DATA = Wdbc.load();

  @Test
  void readsAllPatientsOfTheBundledCopy() {
    assertEquals(569, DATA.size());
    int malignant = 0;
    for (int i = 0; i < DATA.size(); i++) {
      malignant += DATA.malignant(i) ? 1 : 0;
    }
    assertEquals(212, malignant);
    assertEquals(17.99, DATA.features(0)[Wdbc.MEAN_RADIUS]);
  }

  @Test
  void holdsOutThirtyPercentWithTheDataSetsShareOfMalignantCases() {
    Cohort c = Cohort.split(DATA, 5, 1);
    assertEquals(171, c.test.size());
    assertEquals(64, c.test.malignantCount()); // round(212 * 0.3)
    assertEquals(569 - 171, c.pooled().size());
  }

  @Test
  void splitsTrainingPatientsUnevenlyBySizeAndDiagnosis() {
    for (int h = HospitalsSettings.MIN_HOSPITALS; h <= HospitalsSettings.MAX_HOSPITALS; h++) {
      Cohort c = Cohort.split(DATA, h, 3);
      Patients first = c.hospitals.get(0);
      Patients last = c.hospitals.get(h - 1);
      assertTrue(first.size() > 2 * last.size(), "hospitals " + h);
      assertTrue(last.size() >= 7, "hospitals " + h);
      assertTrue(first.malignantCount() <= 0.1 * first.size(), "hospitals " + h);
      assertTrue(last.malignantCount() >= 0.9 * last.size(), "hospitals " + h);
    }
  }

  @Test
  void dependsOnlyOnTheSeed() {
    Cohort a = Cohort.split(DATA, 5, 42);
    Cohort b = Cohort.split(DATA, 5, 42);
    Cohort c = Cohort.split(DATA, 5, 43);
    for (int k = 0; k < 5; k++) {
      assertEquals(a.hospitals.get(k).size(), b.hospitals.get(k).size());
      assertEquals(a.hospitals.get(k).malignantCount(), b.hospitals.get(k).malignantCount());
    }
    assertTrue(!java.util.Arrays.equals(a.test.labels(), c.test.labels())
        || a.hospitals.get(2).malignantCount() != c.hospitals.get(2).malignantCount());
  }
}
