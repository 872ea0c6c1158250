package io.secagg.core.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GraphRequirementsTest {

  @Test
  void defaultsAreAMaliciousServerWithFortyTwentyAndSixtyFourBits() {
    GraphRequirements r = GraphRequirements.builder().build();
    assertEquals(0, r.dropoutRate());
    assertEquals(0, r.corruptionRate());
    assertEquals(ThreatModel.MALICIOUS_SERVER, r.threatModel());
    assertEquals(40, r.securityBits());
    assertEquals(20, r.correctnessBits());
    assertEquals(64, r.grindingBits());
  }

  @Test
  void countsClientsFromTheDecimalRatesRoundingUp() {
    GraphRequirements r = GraphRequirements.builder().dropoutRate(0.05).corruptionRate(0.05).build();
    assertEquals(50, r.droppedClients(1000));
    assertEquals(6, r.corruptedClients(101));
  }

  @Test
  void rateOfIsReadBackAsExactlyTheCountItWasMadeFrom() {
    // 5/7 rounds up in binary64; its shortest decimal form times 7 would be read as 6.
    for (int n = 1; n <= 200; n++) {
      for (int count = 0; count < n; count++) {
        double r = GraphRequirements.rateOf(count, n);
        GraphRequirements q = GraphRequirements.builder().dropoutRate(r).corruptionRate(r).build();
        assertEquals(count, q.droppedClients(n), count + "/" + n);
        assertEquals(count, q.corruptedClients(n), count + "/" + n);
      }
    }
    assertEquals(0.0, GraphRequirements.rateOf(0, 10));
    assertThrows(IllegalArgumentException.class, () -> GraphRequirements.rateOf(10, 10));
    assertThrows(IllegalArgumentException.class, () -> GraphRequirements.rateOf(-1, 10));
    assertThrows(IllegalArgumentException.class, () -> GraphRequirements.rateOf(0, 0));
  }

  @Test
  void everySetterRejectsOutOfRangeValuesAtOnce() {
    GraphRequirements.Builder b = GraphRequirements.builder();
    assertThrows(IllegalArgumentException.class, () -> b.dropoutRate(1.0));
    assertThrows(IllegalArgumentException.class, () -> b.dropoutRate(-0.1));
    assertThrows(IllegalArgumentException.class, () -> b.corruptionRate(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> b.securityBits(0));
    assertThrows(IllegalArgumentException.class, () -> b.correctnessBits(257));
    assertThrows(IllegalArgumentException.class, () -> b.grindingBits(-1));
    assertThrows(IllegalArgumentException.class, () -> b.grindingBits(129));
    assertThrows(IllegalArgumentException.class, () -> b.grindingBits(Double.NaN));
    assertThrows(NullPointerException.class, () -> b.threatModel(null));
  }

  @Test
  void equalityIsByValue() {
    GraphRequirements a = GraphRequirements.builder().grindingBits(0).build();
    assertEquals(a, GraphRequirements.builder().grindingBits(0).build());
    assertEquals(a.hashCode(), GraphRequirements.builder().grindingBits(0).build().hashCode());
    assertNotEquals(a, GraphRequirements.builder().build());
  }
}
