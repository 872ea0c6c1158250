package io.secagg.transport.grpc;

import static io.secagg.transport.grpc.Harness.due;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.session.GroupPlan;
import io.secagg.core.session.GroupedResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broken stream is resumed with the resume token; every frame counts exactly once. The round
 * has only generous deadlines: however slow the machine, every participant is in the sum.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ResumptionTest {
  @TempDir Path dir;

  private void roundWithBrokenStream(boolean resendAll) throws Exception {
    GroupPlan plan = GroupPlan.single(TestPki.config(5, 64));
    try (Harness h = new Harness(TestPki.create(dir), plan, false)) {
      List<Future<Participation>> fs = new ArrayList<>();
      for (int p = 1; p <= 4; p++) {
        fs.add(h.join(p));
      }
      Future<Participation> flaky = h.join(h.client(5).hooks(new ClientHooks() {
        @Override
        public boolean breakAfterSend(long seq) {
          return seq == 1 || seq == 3; // after the key advertisement and after the masked input
        }

        @Override
        public boolean resendAllOnResume() {
          return resendAll;
        }
      }), 5);
      GroupedResult r = h.run();
      assertTrue(r.allGroupsCompleted());
      assertEquals(List.of(1, 2, 3, 4, 5), r.includedParticipants());
      assertEquals(h.sumOf(r.includedParticipants()), r.sum());
      assertTrue(r.groups().get(0).result().dropouts().isEmpty());
      Participation p = due(flaky);
      assertTrue(p.completed(), p.toString());
      assertTrue(p.reconnects() >= 2, p.toString());
      for (Future<Participation> f : fs) {
        assertTrue(due(f).completed());
      }
    }
  }

  @Test
  void resumesBrokenStreamAndCountsInputOnce() throws Exception {
    roundWithBrokenStream(false);
  }

  @Test
  void dropsDeliberatelyResentDuplicateFrames() throws Exception {
    roundWithBrokenStream(true);
  }
}
