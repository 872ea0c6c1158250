package io.secagg.examples.hospitals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HospitalsSettingsTest {
  @Test
  void defaultsAreFiveHospitalsTwentyRoundsEpsilonTen() {
    HospitalsSettings s = HospitalsSettings.builder().build();
    assertEquals(5, s.hospitals());
    assertEquals(20, s.rounds());
    assertEquals(10, s.epsilon());
    assertEquals(1e-5, s.delta());
    assertEquals(1, s.seed());
  }

  @Test
  void rejectsSettingsNoRunCanHave() {
    HospitalsSettings.Builder b = HospitalsSettings.builder();
    assertThrows(IllegalArgumentException.class, () -> b.hospitals(3));
    assertThrows(IllegalArgumentException.class, () -> b.hospitals(11));
    assertThrows(IllegalArgumentException.class, () -> b.rounds(0));
    assertThrows(IllegalArgumentException.class, () -> b.rounds(201));
    assertThrows(IllegalArgumentException.class, () -> b.epsilon(0));
    assertThrows(IllegalArgumentException.class, () -> b.epsilon(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> b.epsilon(Double.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> b.delta(0));
    assertThrows(IllegalArgumentException.class, () -> b.delta(1));
  }
}
