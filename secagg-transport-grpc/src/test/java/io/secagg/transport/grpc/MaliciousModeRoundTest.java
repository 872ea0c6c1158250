package io.secagg.transport.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static io.secagg.transport.grpc.Harness.due;
import static io.secagg.transport.grpc.Harness.expireWhenQueued;

import io.secagg.core.crypto.Ed25519;
import io.secagg.core.crypto.Ed25519KeyPair;
import io.secagg.core.protocol.Dropout;
import io.secagg.core.protocol.Round;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.protocol.SecurityMode;
import io.secagg.core.session.GroupPlan;
import io.secagg.core.session.GroupedResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malicious-server mode over the network: signed key advertisements and the consistency-check
 * round (five frames per client) pass through the session envelopes like the semi-honest four.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class MaliciousModeRoundTest {
  @TempDir Path dir;

  private static SecAggConfig maliciousConfig(List<Ed25519KeyPair> identities, int length) {
    List<byte[]> keys = new ArrayList<>();
    for (Ed25519KeyPair k : identities) {
      keys.add(k.publicKey());
    }
    int n = identities.size();
    return SecAggConfig.builder().clientCount(n).threshold(n / 2 + 1).vectorLength(length).modulus(TestPki.M)
        .completeGraph().securityMode(SecurityMode.MALICIOUS).identityKeys(keys).build();
  }

  @Test
  void completesAMaliciousModeRoundWithADropoutAtTheConsistencyCheck() throws Exception {
    int n = 6;
    List<Ed25519KeyPair> identities = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      identities.add(Ed25519.create().generateKeyPair());
    }
    GroupPlan plan = GroupPlan.single(maliciousConfig(identities, 40));
    TestPki pki = TestPki.create(dir);
    List<String> rounds = Collections.synchronizedList(new ArrayList<>());
    // Frame 4 is the signed consistency check: the round ends once participants 1..5 sent theirs.
    try (Harness h = new Harness(pki, plan, true, expireWhenQueued(4, 1, 2, 3, 4, 5))) {
      List<Future<Participation>> fs = new ArrayList<>();
      for (int p = 1; p <= n - 1; p++) {
        int id = p;
        fs.add(h.join(h.client(id).identityKey(identities.get(id - 1)).listener(new ClientListener() {
          @Override
          public void answering(Round round) {
            if (id == 1) {
              rounds.add(round.name());
            }
          }
        }), id));
      }
      // Participant 6 sends its masked input, then never signs the survivor set.
      Future<Participation> silent = h.join(h.client(n).identityKey(identities.get(n - 1)).listener(new ClientListener() {
        @Override
        public void answering(Round round) throws InterruptedException {
          if (round == Round.CONSISTENCY_CHECK) {
            new CountDownLatch(1).await(); // until the harness closes and interrupts it
          }
        }
      }), n);
      GroupedResult r = h.run();
      assertTrue(r.allGroupsCompleted());
      // Its input is in the sum (masked inputs cannot be withdrawn); its masks are removed.
      assertEquals(List.of(1, 2, 3, 4, 5, 6), r.includedParticipants());
      assertEquals(h.sumOf(r.includedParticipants()), r.sum());
      List<Dropout> dropouts = r.groups().get(0).result().dropouts();
      assertEquals(1, dropouts.size(), dropouts.toString());
      assertEquals(n, dropouts.get(0).clientId());
      assertEquals(Round.CONSISTENCY_CHECK, dropouts.get(0).round());
      for (Future<Participation> f : fs) {
        Participation p = due(f);
        assertTrue(p.completed(), p.toString());
        assertEquals(SecurityMode.MALICIOUS, p.config().securityMode());
      }
      assertEquals(List.of("ADVERTISE_KEYS", "SHARE_KEYS", "MASKED_INPUT_COLLECTION", "CONSISTENCY_CHECK", "UNMASKING"), rounds);
    }
  }
}
