package io.secagg.he.aggregation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.secagg.he.InvalidPaillierKeyException;
import io.secagg.he.KeyMismatchException;
import io.secagg.he.PaillierEncryptor;
import io.secagg.he.TestKeys;
import io.secagg.he.packing.EncryptedVector;
import io.secagg.he.threshold.InvalidPartialDecryptionException;
import io.secagg.he.threshold.PartialDecryption;
import io.secagg.he.threshold.ThresholdKeyDealer;
import io.secagg.he.threshold.ThresholdKeySet;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The aggregation flow's parts: the server's and the committee's refusals. */
class AggregationFlowTest {
  private static final SecureRandom RANDOM = TestKeys.random(5150);
  private static final BigInteger[] PQ = TestKeys.smallSafePrimes();
  private static final ThresholdKeySet KEYS = deal();
  private static final ExecutorService POOL = Executors.newFixedThreadPool(2);

  private static ThresholdKeySet deal() {
    try {
      return ThresholdKeyDealer.dealFromSafePrimesForTesting(PQ[0], PQ[1], 2, 3, RANDOM);
    } catch (InvalidPaillierKeyException e) {
      throw new AssertionError(e);
    }
  }

  @AfterAll
  static void stop() {
    POOL.shutdownNow();
  }

  private static AggregationClient client(AggregationConfig config) {
    return new AggregationClient(PaillierEncryptor.create(KEYS.publicKey().paillierKey()), config);
  }

  @Test
  void twoCommitteeMembersDecryptExactlyTheSumOfThreeUploads() throws Exception {
    AggregationConfig config = AggregationConfig.builder().vectorLength(5).maxClients(3).build();
    AggregationClient client = client(config);
    AggregationServer server = new AggregationServer(KEYS.publicKey().paillierKey(), config);
    long[][] in = {{1, -2, 3, -4, 5}, {-32768, 0, 7, 1, 1}, {100, 20, 5, 3, 9}};
    for (int c = 0; c < in.length; c++) {
      server.accept("c" + c, client.encrypt(in[c]).toBytes(), POOL, 1);
    }
    EncryptedVector sum = server.sum();
    List<List<PartialDecryption>> partials = List.of(
        new CommitteeMember(KEYS.share(1), config, RANDOM).partialDecrypt(sum, POOL, 1),
        new CommitteeMember(KEYS.share(3), config, RANDOM).partialDecrypt(sum, POOL, 1));
    assertArrayEquals(new long[] {-32667, 18, 15, 0, 15},
        CommitteeMember.combine(KEYS.publicKey(), config, sum, partials, POOL, 1).values());
  }

  private static InvalidContributionException.Reason refusal(Executable e) {
    return assertThrows(InvalidContributionException.class, e).reason();
  }

  @Test
  void theServerRefusesDuplicatesExtraClientsSumsAndGarbageWithOneCheckedType() throws Exception {
    AggregationConfig config = AggregationConfig.builder().vectorLength(10).maxClients(2).build();
    AggregationClient client = client(config);
    AggregationServer server = new AggregationServer(KEYS.publicKey().paillierKey(), config);
    EncryptedVector v = client.encrypt(new long[10]);
    byte[] bytes = v.toBytes();
    assertEquals(InvalidContributionException.Reason.MALFORMED,
        refusal(() -> server.accept("x", Arrays.copyOf(bytes, bytes.length - 1), POOL, 1)));
    assertEquals(InvalidContributionException.Reason.MALFORMED,
        refusal(() -> server.accept("x", new byte[0], POOL, 1)));
    EncryptedVector shorter = new AggregationClient(
        PaillierEncryptor.create(KEYS.publicKey().paillierKey()),
        AggregationConfig.builder().vectorLength(9).maxClients(2).build()).encrypt(new long[9]);
    assertEquals(InvalidContributionException.Reason.WRONG_LENGTH,
        refusal(() -> server.accept("x", shorter.toBytes(), POOL, 1)));
    server.accept("a", v, POOL, 1);
    assertThrows(IllegalStateException.class, server::sum);
    assertEquals(InvalidContributionException.Reason.DUPLICATE_CLIENT, refusal(() -> server.accept("a", v, POOL, 1)));
    assertEquals(InvalidContributionException.Reason.NOT_A_SINGLE_VECTOR,
        refusal(() -> server.accept("b", v.add(v).toBytes(), POOL, 1)));
    server.accept("b", bytes, POOL, 1);
    assertEquals(InvalidContributionException.Reason.ROUND_FULL, refusal(() -> server.accept("c", v, POOL, 1)));
    assertEquals(2, server.sum().summands());
    assertThrows(IllegalArgumentException.class, () -> client.encrypt(new long[9]));
    long[] tooBig = new long[10];
    tooBig[0] = 1 << 15;
    // The caller's own value out of range: a bug, unchecked.
    assertThrows(IllegalArgumentException.class, () -> client.encrypt(tooBig));
    // A vector the caller parsed under another key is the caller's bug, not the client's.
    EncryptedVector foreign = new AggregationClient(PaillierEncryptor.create(TestKeys.small().publicKey()),
        AggregationConfig.builder().vectorLength(10).maxClients(2).build()).encrypt(new long[10]);
    assertThrows(KeyMismatchException.class, () -> server.accept("d", foreign, POOL, 1));
  }

  @Test
  void theCommitteeDecryptsWithAnyTValidMembersAndNamesTheOthers() throws Exception {
    AggregationConfig config = AggregationConfig.builder().vectorLength(20).maxClients(3).minClients(2).build();
    AggregationClient client =
        new AggregationClient(PaillierEncryptor.create(KEYS.publicKey().paillierKey()), config);
    AggregationServer server = new AggregationServer(KEYS.publicKey().paillierKey(), config);
    long[] a = new long[20];
    long[] b = new long[20];
    for (int i = 0; i < 20; i++) {
      a[i] = i - 7;
      b[i] = 3 * i;
    }
    server.accept("a", client.encrypt(a).toBytes(), POOL, 1);
    server.accept("b", client.encrypt(b).toBytes(), POOL, 1);
    EncryptedVector sum = server.sum();
    List<List<PartialDecryption>> responses = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      responses.add(new ArrayList<>(new CommitteeMember(KEYS.share(i), config, RANDOM).partialDecrypt(sum, POOL, 2)));
    }
    // Member 1 corrupts its last partial decryption; member 2 sends one too few.
    List<PartialDecryption> one = responses.get(0);
    PartialDecryption last = one.get(one.size() - 1);
    byte[] tampered = last.toBytes(KEYS.publicKey());
    tampered[tampered.length - 1] ^= 1; // the proof's response z, changed by one
    one.set(one.size() - 1, PartialDecryption.fromBytes(KEYS.publicKey(), tampered));
    responses.get(1).remove(0);
    long[] expected = new long[20];
    for (int i = 0; i < 20; i++) {
      expected[i] = a[i] + b[i];
    }
    // t = 2 of 3: members 1 (valid except its last) and 3 decrypt every ciphertext but the last,
    // which fails for lack of a second valid member.
    InvalidPartialDecryptionException e = assertThrows(InvalidPartialDecryptionException.class,
        () -> CommitteeMember.combine(KEYS.publicKey(), config, sum, responses, POOL, 1));
    assertEquals(java.util.Set.of(1, 2), e.rejectedParties().keySet());
    // With member 2's full answer, every ciphertext has two valid members.
    responses.set(1, new CommitteeMember(KEYS.share(2), config, RANDOM).partialDecrypt(sum, POOL, 1));
    DecryptedSum d = CommitteeMember.combine(KEYS.publicKey(), config, sum, responses, POOL, 2);
    assertArrayEquals(expected, d.values());
    assertEquals(java.util.Set.of(1), d.rejectedMembers().keySet());
  }

  @Test
  void aCommitteeMemberRefusesToDecryptASingleContribution() {
    AggregationConfig config = AggregationConfig.builder().vectorLength(10).maxClients(5).minClients(2).build();
    EncryptedVector single = new AggregationClient(
        PaillierEncryptor.create(KEYS.publicKey().paillierKey()), config).encrypt(new long[10]);
    CommitteeMember member = new CommitteeMember(KEYS.share(1), config, RANDOM);
    assertThrows(IllegalArgumentException.class, () -> member.partialDecrypt(single, POOL, 1));
  }
}
