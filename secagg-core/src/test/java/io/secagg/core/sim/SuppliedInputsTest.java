package io.secagg.core.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.protocol.Round;
import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuppliedInputsTest {
  private static final Modulus M = Modulus.powerOfTwo(20);

  /** Client id's vector: id * (i + 1), so any sum of included clients is easy to state. */
  private static ModVector input(int id) {
    long[] e = new long[8];
    for (int i = 0; i < e.length; i++) {
      e[i] = (long) id * (i + 1);
    }
    return ModVector.of(M, e);
  }

  private static SimulationSpec.Builder base() {
    return SimulationSpec.builder()
        .clientCount(6).threshold(3).vectorLength(8).modulus(M).completeGraph().seed(9);
  }

  @Test
  void serverSumIsTheSumOfTheSuppliedInputsOfTheIncludedClients() {
    List<Integer> asked = new ArrayList<>();
    SimulationReport r = Simulator.run(base()
        .inputs(id -> {
          asked.add(id);
          return input(id);
        })
        .dropouts(DropoutSchedule.scripted().drop(Round.SHARE_KEYS, 4).build())
        .build());
    assertEquals(List.of(1, 2, 3, 4, 5, 6), asked);
    assertTrue(r.sumVerified(), r::summary);
    assertEquals(List.of(1, 2, 3, 5, 6), r.includedClients());
    long ids = 1 + 2 + 3 + 5 + 6;
    ModVector sum = r.sum();
    for (int i = 0; i < 8; i++) {
      assertEquals(ids * (i + 1), sum.get(i));
    }
  }

  @Test
  void randomInputsRemainTheDefault() {
    SimulationSpec spec = base().build();
    assertFalse(spec.suppliedInputs());
    SimulationReport r = Simulator.run(spec);
    assertTrue(r.sumVerified());
    assertEquals(8, r.sum().length());
  }

  @Test
  void supplierMayReuseItsVectorBecauseTheSimulatorCopiesIt() {
    ModVector shared = ModVector.zeros(M, 8);
    SimulationReport r = Simulator.run(base()
        .inputs(id -> {
          shared.set(0, id);
          return shared;
        })
        .build());
    assertTrue(r.sumVerified(), r::summary);
    assertEquals(21, r.sum().get(0));
  }

  @Test
  void rejectsInputOfWrongLength() {
    SimulationSpec spec = base().inputs(id -> ModVector.zeros(M, 7)).build();
    assertThrows(IllegalArgumentException.class, () -> Simulator.run(spec));
  }

  @Test
  void rejectsInputOfWrongModulus() {
    SimulationSpec spec = base().inputs(id -> ModVector.zeros(Modulus.powerOfTwo(21), 8)).build();
    assertThrows(IllegalArgumentException.class, () -> Simulator.run(spec));
  }

  @Test
  void rejectsNullSupplierAndNullInput() {
    assertThrows(NullPointerException.class, () -> base().inputs(null));
    SimulationSpec spec = base().inputs(id -> null).build();
    assertThrows(NullPointerException.class, () -> Simulator.run(spec));
  }

  @Test
  void abortedSessionHasNoSum() {
    SimulationReport r = Simulator.run(base()
        .inputs(SuppliedInputsTest::input)
        .dropouts(DropoutSchedule.scripted().drop(Round.SHARE_KEYS, 1, 2, 3, 4).build())
        .build());
    assertFalse(r.completed());
    assertNull(r.sum());
  }
}
