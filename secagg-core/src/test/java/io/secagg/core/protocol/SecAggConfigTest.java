package io.secagg.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.graph.GraphKind;
import io.secagg.core.graph.GraphParameters;
import io.secagg.core.protocol.internal.Derivations;
import io.secagg.core.vector.Modulus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecAggConfigTest {
  private static SecAggConfig.Builder valid() {
    return SecAggConfig.builder().clientCount(10).threshold(5).vectorLength(100)
        .modulus(Modulus.powerOfTwo(32)).completeGraph();
  }

  private static List<byte[]> keys(int n) {
    List<byte[]> k = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      k.add(new byte[32]);
    }
    return k;
  }

  @Test
  void buildsAValidConfigurationWithTheCompleteGraphsDegree() {
    SecAggConfig c = valid().build();
    assertEquals(9, c.degree());
    assertEquals(GraphKind.COMPLETE, c.graphKind());
    assertEquals(400, c.encodedVectorLength());
    assertEquals(SecurityMode.SEMI_HONEST, c.securityMode());
    assertEquals(0, c.context().length);
  }

  @Test
  void rejectsEachValueOutOfRangeAtOnce() {
    assertThrows(IllegalArgumentException.class, () -> SecAggConfig.builder().clientCount(2));
    assertThrows(IllegalArgumentException.class, () -> SecAggConfig.builder().clientCount(65536));
    assertThrows(IllegalArgumentException.class, () -> SecAggConfig.builder().threshold(1));
    assertThrows(IllegalArgumentException.class, () -> SecAggConfig.builder().vectorLength(0));
    assertThrows(IllegalArgumentException.class, () -> SecAggConfig.builder().vectorLength(SecAggConfig.MAX_VECTOR_LENGTH + 1));
    assertThrows(IllegalArgumentException.class, () -> SecAggConfig.builder().hararyGraph(3));
    assertThrows(IllegalArgumentException.class, () -> SecAggConfig.builder().hararyGraph(0));
    assertThrows(IllegalArgumentException.class, () -> SecAggConfig.builder().context(new byte[1025]));
    assertThrows(IllegalArgumentException.class, () -> SecAggConfig.builder().identityKeys(List.of(new byte[31])));
    assertThrows(NullPointerException.class, () -> SecAggConfig.builder().modulus(null));
  }

  @Test
  void rejectsInconsistentCombinationsAtBuild() {
    assertThrows(IllegalStateException.class, () -> SecAggConfig.builder().build());
    assertThrows(IllegalStateException.class, () -> valid().threshold(10).build());
    assertThrows(IllegalStateException.class, () -> valid().hararyGraph(10).build());
    assertThrows(IllegalStateException.class, () -> valid().hararyGraph(4).threshold(5).build());
    // Malicious mode: identity keys required, and 2t > k.
    assertThrows(IllegalStateException.class, () -> valid().securityMode(SecurityMode.MALICIOUS).build());
    assertThrows(
        IllegalStateException.class,
        () -> valid().securityMode(SecurityMode.MALICIOUS).threshold(4).identityKeys(keys(10)).build());
    assertThrows(IllegalStateException.class, () -> valid().identityKeys(keys(10)).build());
    assertTrue(valid().securityMode(SecurityMode.MALICIOUS).identityKeys(keys(10)).build().degree() == 9);
  }

  @Test
  void takesGraphAndThresholdFromTheGraphPackagesRecommendation() {
    GraphParameters p = GraphParameters.recommend(1000, 0.1, 0.1);
    SecAggConfig c =
        SecAggConfig.builder().graph(p).vectorLength(10).modulus(Modulus.powerOfTwo(16))
            .identityKeys(keys(1000)).build();
    assertEquals(p.kind(), c.graphKind());
    assertEquals(p.degree(), c.degree());
    assertEquals(p.threshold(), c.threshold());
    assertEquals(SecurityMode.MALICIOUS, c.securityMode());
  }

  @Test
  void everyFieldChangesTheConfigurationDigest() {
    byte[] base = Derivations.configDigest(valid().build());
    List<SecAggConfig> variants =
        List.of(
            valid().clientCount(11).build(), valid().threshold(6).build(), valid().vectorLength(101).build(),
            valid().modulus(Modulus.of(1L << 32 | 1)).build(), valid().hararyGraph(6).build(),
            valid().context(new byte[] {0}).build(),
            valid().securityMode(SecurityMode.MALICIOUS).identityKeys(keys(10)).build());
    for (SecAggConfig v : variants) {
      assertFalse(Arrays.equals(base, Derivations.configDigest(v)), v::toString);
      assertNotEquals(valid().build(), v);
    }
    assertEquals(valid().build(), valid().build());
  }

  @Test
  void identityKeysAreOnlyForMaliciousMode() {
    assertThrows(IllegalStateException.class, () -> valid().build().identityKey(1));
    SecAggConfig m = valid().securityMode(SecurityMode.MALICIOUS).identityKeys(keys(10)).build();
    assertThrows(IllegalArgumentException.class, () -> m.identityKey(11));
    assertEquals(32, m.identityKey(10).length);
  }

  @Test
  void toStringShowsNoKeysOrContextBytes() {
    String s = valid().context(new byte[] {42, 42}).build().toString();
    assertTrue(s.contains("context=2 bytes"), s);
  }
}
