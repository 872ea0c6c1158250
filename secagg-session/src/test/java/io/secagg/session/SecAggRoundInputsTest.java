package io.secagg.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.protocol.Round;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecAggRoundInputsTest {
  private static final Modulus M = Modulus.powerOfTwo(20);
  private static final SecAggConfig CONFIG =
      SecAggConfig.builder().clientCount(6).threshold(3).vectorLength(8).modulus(M).completeGraph().build();

  /** Client id's vector: id * (i + 1), so any sum of included clients is easy to state. */
  private static ModVector input(int id) {
    long[] e = new long[8];
    for (int i = 0; i < e.length; i++) {
      e[i] = (long) id * (i + 1);
    }
    return ModVector.of(M, e);
  }

  private static SecAggRound.Builder base() {
    return SecAggRound.builder(CONFIG).seed(9);
  }

  @Test
  void theSumIsTheSumOfTheSuppliedInputsOfTheIncludedClients() throws Exception {
    List<Integer> asked = new ArrayList<>();
    SecAggReport r = base()
        .inputs(id -> {
          asked.add(id);
          return input(id);
        })
        .dropouts(DropoutSchedule.scripted().drop(Round.SHARE_KEYS, 4).build())
        .build().run();
    assertEquals(List.of(1, 2, 3, 4, 5, 6), asked);
    assertTrue(r.sumVerified(), r::summary);
    assertEquals(List.of(1, 2, 3, 5, 6), r.includedClients());
    long ids = 1 + 2 + 3 + 5 + 6;
    ModVector sum = r.sum().orElseThrow();
    for (int i = 0; i < 8; i++) {
      assertEquals(ids * (i + 1), sum.get(i));
    }
  }

  @Test
  void randomInputsRemainTheDefault() throws Exception {
    SecAggReport r = base().build().run();
    assertTrue(r.sumVerified());
    assertEquals(8, r.sum().orElseThrow().length());
  }

  @Test
  void aSupplierMayReuseItsVectorBecauseTheRunnerCopiesIt() throws Exception {
    ModVector shared = ModVector.zeros(M, 8);
    SecAggReport r = base()
        .inputs(id -> {
          shared.set(0, id);
          return shared;
        })
        .build().run();
    assertTrue(r.sumVerified(), r::summary);
    assertEquals(21, r.sum().orElseThrow().get(0));
  }

  @Test
  void rejectsInputsOfTheWrongLengthOrModulusAndNull() {
    assertThrows(IllegalArgumentException.class, () -> base().inputs(id -> ModVector.zeros(M, 7)).build().run());
    assertThrows(IllegalArgumentException.class,
        () -> base().inputs(id -> ModVector.zeros(Modulus.powerOfTwo(21), 8)).build().run());
    assertThrows(NullPointerException.class, () -> base().inputs(null));
    assertThrows(NullPointerException.class, () -> base().inputs(id -> null).build().run());
  }

  @Test
  void anAbortedSessionHasNoSum() throws Exception {
    SecAggReport r = base()
        .inputs(SecAggRoundInputsTest::input)
        .dropouts(DropoutSchedule.scripted().drop(Round.SHARE_KEYS, 1, 2, 3, 4).build())
        .build().run();
    assertFalse(r.completed());
    assertTrue(r.sum().isEmpty());
  }
}
