package io.secagg.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.protocol.Round;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.vector.Modulus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class RoundListenerTest {
  /** Records every event, and checks the order rules as they arrive. */
  private static final class Recorder implements RoundListener {
    final List<String> started = new ArrayList<>();
    final Map<String, Integer> participants = new HashMap<>();
    final Map<String, Integer> lastDone = new HashMap<>();
    final Map<String, Integer> lastReceived = new HashMap<>();
    final List<PhaseReport> ended = new ArrayList<>();

    @Override
    public void phaseStarted(String phase, int count) {
      if (!started.isEmpty()) {
        assertTrue(Round.valueOf(phase).compareTo(Round.valueOf(started.get(started.size() - 1))) > 0, "in order");
      }
      started.add(phase);
      participants.put(phase, count);
    }

    @Override
    public void participantDone(String phase, int done, int count) {
      assertEquals(started.get(started.size() - 1), phase, "only the open phase progresses");
      assertEquals(participants.get(phase), count);
      assertEquals(lastDone.getOrDefault(phase, 0) + 1, done, "counts up by one");
      lastDone.put(phase, done);
    }

    @Override
    public void answerReceived(String phase, int received) {
      assertEquals(lastReceived.getOrDefault(phase, 0) + 1, received, "counts up by one");
      lastReceived.put(phase, received);
    }

    @Override
    public void phaseEnded(PhaseReport report) {
      assertEquals(started.get(started.size() - 1), report.name());
      ended.add(report);
    }
  }

  private static SecAggConfig config(int n, int t) {
    return SecAggConfig.builder().clientCount(n).threshold(t).vectorLength(5).modulus(Modulus.powerOfTwo(16))
        .completeGraph().build();
  }

  @Test
  void reportsEveryPhaseWithItsParticipantsCrashesAndAnswers() throws Exception {
    Recorder rec = new Recorder();
    SecAggReport r = SecAggRound.builder(config(8, 4))
        .dropouts(DropoutSchedule.scripted().drop(Round.SHARE_KEYS, 2).drop(Round.MASKED_INPUT_COLLECTION, 5, 6).build())
        .listener(rec).seed(11).build().run();
    assertTrue(r.sumVerified(), r::summary);
    assertEquals(List.of("ADVERTISE_KEYS", "SHARE_KEYS", "MASKED_INPUT_COLLECTION", "UNMASKING"), rec.started);
    assertEquals(Map.of("ADVERTISE_KEYS", 8, "SHARE_KEYS", 8, "MASKED_INPUT_COLLECTION", 7, "UNMASKING", 5),
        rec.participants);
    // Every participant deals with its request, crashing ones included.
    assertEquals(rec.participants, rec.lastDone);
    assertEquals(r.phases(), rec.ended);
    for (PhaseReport p : r.phases()) {
      assertEquals(p.answers(), rec.lastReceived.get(p.name()), p.name());
    }
  }

  @Test
  void aThrowingListenerIsLoggedAndTheRoundGoesOn() throws Exception {
    RoundListener failing = new RoundListener() {
      @Override
      public void phaseStarted(String phase, int count) {
        throw new IllegalStateException("display bug");
      }
    };
    Logger log = Logger.getLogger(SecAggRound.class.getName());
    List<LogRecord> records = new ArrayList<>();
    Handler capture = new Handler() {
      @Override
      public synchronized void publish(LogRecord r) {
        records.add(r);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    boolean parents = log.getUseParentHandlers();
    log.setUseParentHandlers(false);
    log.addHandler(capture);
    try {
      SecAggReport r = SecAggRound.builder(config(4, 2)).listener(failing).seed(2).build().run();
      assertTrue(r.sumVerified(), r::summary);
    } finally {
      log.removeHandler(capture);
      log.setUseParentHandlers(parents);
    }
    assertTrue(records.stream().anyMatch(x -> x.getLevel() == Level.WARNING), "the listener's failure is logged");
  }
}
