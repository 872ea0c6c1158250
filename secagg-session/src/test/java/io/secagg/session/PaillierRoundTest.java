package io.secagg.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.he.InvalidPaillierKeyException;
import io.secagg.he.aggregation.AggregationConfig;
import io.secagg.he.threshold.ThresholdKeyDealer;
import io.secagg.he.threshold.ThresholdKeySet;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PaillierRoundTest {
  // Two 128-bit safe primes: a 256-bit modulus, INSECURE, through the testing entry point only.
  private static final BigInteger P = new BigInteger("219696744652113973279370777339351347463");
  private static final BigInteger Q = new BigInteger("311684680655156867517529374871271272523");
  private static final ThresholdKeySet KEYS = deal();

  private static ThresholdKeySet deal() {
    try {
      return ThresholdKeyDealer.dealFromSafePrimesForTesting(P, Q, 2, 3, DeterministicRandom.forTestVectorsOnly(5150));
    } catch (InvalidPaillierKeyException e) {
      throw new AssertionError(e);
    }
  }

  private static long[][] inputs(int clients, int length, long seed) {
    Random r = new Random(seed);
    long[][] in = new long[clients + 1][length];
    for (long[] v : in) {
      for (int i = 0; i < length; i++) {
        v[i] = r.nextInt(1 << 16) - (1 << 15);
      }
    }
    return in;
  }

  @Test
  void theCommitteeDecryptsExactlyTheSumOfTheUploadedVectors() {
    AggregationConfig config = AggregationConfig.builder().vectorLength(200).maxClients(10).build();
    long[][] in = inputs(7, 200, 1);
    List<String> phases = new ArrayList<>();
    PaillierReport r = PaillierRound.builder(KEYS, config).clients(7).inputs(id -> in[id])
        .crashedClients(List.of(3)).threads(2).seed(9)
        .listener(new RoundListener() {
          @Override
          public void phaseEnded(PhaseReport report) {
            phases.add(report.name());
          }
        }).build().run();
    long[] expected = new long[200];
    for (int id = 1; id <= 7; id++) {
      if (id != 3) {
        for (int i = 0; i < 200; i++) {
          expected[i] += in[id][i];
        }
      }
    }
    assertArrayEquals(expected, r.sum());
    assertTrue(r.verified());
    assertEquals(List.of(1, 2, 4, 5, 6, 7), r.includedClients());
    assertEquals(7, r.clients());
    assertEquals(config.layout(KEYS.publicKey().paillierKey()).ciphertextCount(200), r.ciphertextsPerClient());
    assertEquals(2, r.committeeResponders());
    assertEquals(List.of("ENCRYPTOR_SETUP", "ENCRYPT_AND_ADD", "PARTIAL_DECRYPT", "COMBINE"), phases);
    PhaseReport upload = r.phases().get(1);
    assertEquals(7, upload.participants());
    assertEquals(6, upload.answers());
    assertEquals(6 * r.bytesPerClient(), upload.serverBytesReceived());
  }

  @Test
  void randomInputsCoverTheSignedRangeAndVerify() {
    AggregationConfig config = AggregationConfig.builder().vectorLength(50).valueBits(8).maxClients(4).build();
    PaillierReport r = PaillierRound.builder(KEYS, config).seed(3).build().run();
    assertTrue(r.verified(), r::toString);
    assertEquals(List.of(1, 2, 3, 4), r.includedClients());
  }

  @Test
  void rejectsTooFewUploadsBadInputsAndBadSettings() {
    AggregationConfig config = AggregationConfig.builder().vectorLength(4).maxClients(5).minClients(3).build();
    assertThrows(IllegalArgumentException.class,
        () -> PaillierRound.builder(KEYS, config).clients(2).build().run());
    assertThrows(IllegalArgumentException.class,
        () -> PaillierRound.builder(KEYS, config).crashedClients(List.of(1, 2, 3)).build().run());
    assertThrows(IllegalArgumentException.class,
        () -> PaillierRound.builder(KEYS, config).inputs(id -> new long[3]).build().run());
    long[] tooBig = {1 << 15, 0, 0, 0};
    // The caller's own value out of range: a bug, unchecked.
    assertThrows(IllegalArgumentException.class,
        () -> PaillierRound.builder(KEYS, config).inputs(id -> tooBig).build().run());
    assertThrows(IllegalArgumentException.class, () -> PaillierRound.builder(KEYS, config).clients(6));
    assertThrows(IllegalArgumentException.class, () -> PaillierRound.builder(KEYS, config).threads(0));
    assertThrows(IllegalArgumentException.class, () -> PaillierRound.builder(KEYS, config).crashedClients(List.of(0)));
    assertThrows(NullPointerException.class, () -> PaillierRound.builder(null, config));
  }
}
