package io.secagg.core.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.protocol.Round;
import io.secagg.core.vector.Modulus;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulationListenerTest {
  /** Records every event, and checks the order rules as they arrive. */
  private static final class Recorder implements SimulationListener {
    final List<Round> started = new ArrayList<>();
    final Map<Round, Integer> recipients = new EnumMap<>(Round.class);
    final Map<Round, Integer> lastDone = new EnumMap<>(Round.class);
    final Map<Round, Integer> lastReceived = new EnumMap<>(Round.class);

    @Override
    public void roundStarted(Round round, int count) {
      if (!started.isEmpty()) {
        assertTrue(round.compareTo(started.get(started.size() - 1)) > 0, "rounds in order");
      }
      started.add(round);
      recipients.put(round, count);
    }

    @Override
    public void clientDone(Round round, int done, int count) {
      assertEquals(started.get(started.size() - 1), round, "only the open round progresses");
      assertEquals(recipients.get(round), count);
      assertEquals(lastDone.getOrDefault(round, 0) + 1, done, "counts up by one");
      assertTrue(done <= count);
      lastDone.put(round, done);
    }

    @Override
    public void answerReceived(Round round, int received) {
      assertEquals(lastReceived.getOrDefault(round, 0) + 1, received, "counts up by one");
      lastReceived.put(round, received);
    }
  }

  @Test
  void reportsEveryRoundWithItsRecipientsDropoutsAndAnswers() {
    Recorder rec = new Recorder();
    SimulationReport r =
        Simulator.run(
            SimulationSpec.builder()
                .clientCount(8).threshold(4).vectorLength(5).modulus(Modulus.powerOfTwo(16))
                .completeGraph()
                .dropouts(
                    DropoutSchedule.scripted()
                        .drop(Round.SHARE_KEYS, 2)
                        .drop(Round.MASKED_INPUT_COLLECTION, 5, 6)
                        .build())
                .seed(11).build(),
            rec);
    assertTrue(r.sumVerified(), r::summary);
    assertEquals(
        List.of(Round.ADVERTISE_KEYS, Round.SHARE_KEYS, Round.MASKED_INPUT_COLLECTION, Round.UNMASKING),
        rec.started);
    assertEquals(Map.of(
        Round.ADVERTISE_KEYS, 8, Round.SHARE_KEYS, 8, Round.MASKED_INPUT_COLLECTION, 7,
        Round.UNMASKING, 5), rec.recipients);
    // Every recipient deals with its request, dropping clients included.
    assertEquals(rec.recipients, rec.lastDone);
    for (PhaseReport p : r.phases()) {
      assertEquals(p.clientsAnswering(), rec.lastReceived.get(p.round()), p.round().name());
    }
  }

  @Test
  void listenerExceptionEndsTheRun() {
    SimulationSpec spec =
        SimulationSpec.builder()
            .clientCount(4).threshold(2).vectorLength(3).modulus(Modulus.powerOfTwo(8))
            .completeGraph().seed(2).build();
    SimulationListener failing =
        new SimulationListener() {
          @Override
          public void roundStarted(Round round, int recipients) {
            if (round == Round.SHARE_KEYS) {
              throw new IllegalStateException("stop here");
            }
          }
        };
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Simulator.run(spec, failing));
    assertEquals("stop here", e.getMessage());
  }

  @Test
  void rejectsNullListener() {
    SimulationSpec spec =
        SimulationSpec.builder()
            .clientCount(4).threshold(2).vectorLength(3).modulus(Modulus.powerOfTwo(8))
            .completeGraph().build();
    assertThrows(NullPointerException.class, () -> Simulator.run(spec, null));
  }
}
