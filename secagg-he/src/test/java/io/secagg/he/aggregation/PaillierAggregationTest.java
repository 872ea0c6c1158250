package io.secagg.he.aggregation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.secagg.he.PaillierEncryptor;
import io.secagg.he.PlaintextOverflowException;
import io.secagg.he.TestKeys;
import io.secagg.he.packing.EncryptedVector;
import io.secagg.he.threshold.ThresholdKeyDealer;
import io.secagg.he.threshold.ThresholdKeySet;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class PaillierAggregationTest {
  private static final SecureRandom RANDOM = TestKeys.random(5150);
  private static final BigInteger[] PQ = TestKeys.smallSafePrimes();
  private static final ThresholdKeySet KEYS =
      ThresholdKeyDealer.dealFromSafePrimesForTesting(PQ[0], PQ[1], 2, 3, RANDOM);
  private static final ExecutorService POOL = Executors.newFixedThreadPool(2);

  @AfterAll
  static void stop() {
    POOL.shutdownNow();
  }

  private static long[][] inputs(int clients, int length, long seed) {
    Random r = new Random(seed);
    long[][] in = new long[clients][length];
    for (long[] v : in) {
      for (int i = 0; i < length; i++) {
        v[i] = r.nextInt(1 << 16) - (1 << 15);
      }
    }
    return in;
  }

  @Test
  void theCommitteeDecryptsExactlyTheSumOfTheClientsVectors() {
    AggregationConfig config = AggregationConfig.builder().vectorLength(200).maxClients(10).build();
    long[][] in = inputs(7, 200, 1);
    AggregationResult result = PaillierAggregation.simulate(KEYS, config, in, RANDOM, POOL, 2);
    long[] expected = new long[200];
    for (long[] v : in) {
      for (int i = 0; i < 200; i++) {
        expected[i] += v[i];
      }
    }
    assertArrayEquals(expected, result.sum());
    assertEquals(7, result.clients());
    assertEquals(config.layout(KEYS.publicKey().paillierKey()).ciphertextCount(200), result.ciphertextsPerClient());
    assertEquals(2, result.committeeResponders());
  }

  @Test
  void theServerRejectsDuplicatesExtraClientsAndSums() {
    AggregationConfig config = AggregationConfig.builder().vectorLength(10).maxClients(2).build();
    AggregationClient client =
        new AggregationClient(PaillierEncryptor.create(KEYS.publicKey().paillierKey()), config);
    AggregationServer server = new AggregationServer(KEYS.publicKey().paillierKey(), config);
    EncryptedVector v = client.encrypt(new long[10]);
    server.accept("a", v, POOL, 1);
    assertThrows(IllegalStateException.class, server::sum);
    assertThrows(IllegalArgumentException.class, () -> server.accept("a", v, POOL, 1));
    assertThrows(IllegalArgumentException.class, () -> server.accept("b", v.add(v), POOL, 1));
    server.accept("b", v.toBytes(), POOL, 1);
    assertThrows(IllegalStateException.class, () -> server.accept("c", v, POOL, 1));
    assertEquals(2, server.sum().summands());
    assertThrows(IllegalArgumentException.class, () -> client.encrypt(new long[9]));
    long[] tooBig = new long[10];
    tooBig[0] = 1 << 15;
    assertThrows(PlaintextOverflowException.class, () -> client.encrypt(tooBig));
  }

  @Test
  void aCommitteeMemberRefusesToDecryptASingleContribution() {
    AggregationConfig config = AggregationConfig.builder().vectorLength(10).maxClients(5).minClients(2).build();
    EncryptedVector single = new AggregationClient(
        PaillierEncryptor.create(KEYS.publicKey().paillierKey()), config).encrypt(new long[10]);
    CommitteeMember member = new CommitteeMember(KEYS.share(1), config, RANDOM);
    assertThrows(IllegalArgumentException.class, () -> member.partialDecrypt(single, POOL, 1));
  }

  @Test
  void simulateRejectsTooFewClients() {
    AggregationConfig config = AggregationConfig.builder().vectorLength(4).maxClients(5).minClients(3).build();
    assertThrows(IllegalArgumentException.class,
        () -> PaillierAggregation.simulate(KEYS, config, inputs(2, 4, 1), RANDOM, POOL, 1));
  }
}
