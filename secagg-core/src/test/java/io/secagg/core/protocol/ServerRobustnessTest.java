package io.secagg.core.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.crypto.Ed25519;
import io.secagg.core.protocol.client.ClientAborted;
import io.secagg.core.protocol.internal.Derivations;
import io.secagg.core.protocol.server.ServerAborted;
import io.secagg.core.protocol.server.ServerCompleted;
import io.secagg.core.protocol.server.ServerOptions;
import io.secagg.core.protocol.server.ServerOutcome;
import io.secagg.core.vector.Modulus;
import io.secagg.core.wire.WireCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The server against misbehaving clients, and its resource and determinism guarantees. */
class ServerRobustnessTest {
  private static ServerCompleted completed(Harness h) {
    return assertInstanceOf(ServerCompleted.class, h.server.state(), () -> "not completed: " + h.server.state());
  }

  private static void assertViolation(ServerCompleted done, int client, AbortReason reason) {
    assertTrue(
        done.result().dropouts().contains(new Dropout(client, Round.MASKED_INPUT_COLLECTION, Dropout.Cause.PROTOCOL_VIOLATION, reason))
            || done.result().dropouts().stream().anyMatch(d -> d.clientId() == client && d.violation() == reason),
        () -> "no " + reason + " recorded for client " + client + ": " + done.result().dropouts());
  }

  /** Runs to round 2 and swaps client 3's masked input for {@code forged}. */
  private static Harness withForgedMaskedInput(SecAggConfig.Builder b, MaskedInput forged) {
    Harness h = Harness.create(b, SecurityMode.SEMI_HONEST, 6, 41);
    h.start();
    h.runUntilRequestsOf(Round.MASKED_INPUT_COLLECTION);
    h.take(3);
    h.toServer.add(new Object[] {3, forged});
    h.runToEnd();
    return h;
  }

  @Test
  void excludesAMaskedInputOfTheWrongLengthAndRecoversTheRest() {
    Harness h = withForgedMaskedInput(Harness.complete(6, 3), new MaskedInput(new byte[4 * 8 - 1]));
    ServerCompleted done = completed(h);
    assertEquals(List.of(1, 2, 4, 5, 6), done.result().includedClients());
    assertEquals(h.plaintextSum(List.of(1, 2, 4, 5, 6)), done.result().sum());
    assertViolation(done, 3, AbortReason.MALFORMED_MESSAGE);
  }

  @Test
  void excludesAMaskedInputWithAnElementNotBelowTheModulus() {
    SecAggConfig.Builder b =
        SecAggConfig.builder().clientCount(6).threshold(3).vectorLength(2).modulus(Modulus.of(1000)).completeGraph();
    byte[] bad = new byte[4];
    bad[0] = (byte) 0xe8; // 1000 as two little-endian bytes: not below m
    bad[1] = 0x03;
    Harness h = withForgedMaskedInput(b, new MaskedInput(bad));
    ServerCompleted done = completed(h);
    assertEquals(h.plaintextSum(done.result().includedClients()), done.result().sum());
    assertViolation(done, 3, AbortReason.MALFORMED_MESSAGE);
  }

  @Test
  void keepsTheFirstMaskedInputWhenAClientSendsItTwice() {
    Harness h = Harness.create(Harness.complete(5, 3), SecurityMode.SEMI_HONEST, 5, 42);
    h.start();
    h.runUntilRequestsOf(Round.MASKED_INPUT_COLLECTION);
    h.deliver(2, h.take(2));
    MaskedInput first = (MaskedInput) h.sentBy.get(2).get(2);
    h.toServer.add(new Object[] {2, first});
    h.runToEnd();
    ServerCompleted done = completed(h);
    assertEquals(List.of(1, 2, 3, 4, 5), done.result().includedClients());
    assertEquals(h.plaintextSum(List.of(1, 2, 3, 4, 5)), done.result().sum());
  }

  @Test
  void excludesAClientThatReplaysAnEarlierRoundsMessage() {
    Harness h = Harness.create(Harness.complete(5, 3), SecurityMode.SEMI_HONEST, 5, 43);
    h.start();
    h.runUntilRequestsOf(Round.MASKED_INPUT_COLLECTION);
    ShareKeys replay = (ShareKeys) h.sentBy.get(4).get(1);
    h.take(4);
    h.toServer.add(new Object[] {4, replay});
    h.runToEnd();
    ServerCompleted done = completed(h);
    assertEquals(List.of(1, 2, 3, 5), done.result().includedClients());
    assertEquals(h.plaintextSum(List.of(1, 2, 3, 5)), done.result().sum());
  }

  @Test
  void excludesAClientWhoseUnmaskingShareIsNotItsOwn() {
    Harness h = Harness.create(Harness.complete(6, 3), SecurityMode.SEMI_HONEST, 6, 44);
    h.start();
    h.runUntilRequestsOf(Round.UNMASKING);
    UnmaskingRequest r = (UnmaskingRequest) h.take(1);
    h.deliver(2, h.take(2));
    UnmaskingResponse fromTwo = (UnmaskingResponse) h.sentBy.get(2).get(3);
    List<byte[]> self = new ArrayList<>();
    for (int i = 0; i < r.alive().size(); i++) {
      self.add(fromTwo.selfMaskShare(0));
    }
    h.toServer.add(new Object[] {1, new UnmaskingResponse(self, List.of())});
    h.runToEnd();
    ServerCompleted done = completed(h);
    assertEquals(h.plaintextSum(List.of(1, 2, 3, 4, 5, 6)), done.result().sum());
    assertTrue(done.result().dropouts().stream().anyMatch(d -> d.clientId() == 1 && d.violation() == AbortReason.INVALID_SHARE));
  }

  @Test
  void anUndecodableFrameExcludesItsSender() {
    Harness h = Harness.create(Harness.complete(5, 3), SecurityMode.SEMI_HONEST, 5, 45);
    h.start();
    h.runUntilRequestsOf(Round.SHARE_KEYS);
    h.take(5);
    h.enqueue(h.server.handleUndecodableMessage(5));
    h.runToEnd();
    ServerCompleted done = completed(h);
    assertEquals(List.of(1, 2, 3, 4), done.result().includedClients());
  }

  /**
   * Client {@code copier} advertises client {@code owner}'s public keys (signed with its own
   * identity key in malicious mode: copying a public key needs no private key) before round 0
   * closes. Whatever the order of the ids, both are excluded, never only the owner.
   */
  @ParameterizedTest
  @CsvSource({"SEMI_HONEST, 2, 5", "SEMI_HONEST, 5, 2", "MALICIOUS, 1, 6", "MALICIOUS, 6, 1"})
  void aCopiedKeyExcludesTheCopierAndTheOwnerNeverOnlyTheOwner(SecurityMode mode, int copier, int owner) {
    Harness h = Harness.create(Harness.complete(6, 3), mode, 6, 56);
    h.start();
    byte[] nonce = ((AdvertiseKeysRequest) h.toClients.peek().message()).serverNonce();
    for (int id = 1; id <= 6; id++) {
      h.deliver(id, h.take(id));
    }
    AdvertiseKeys original = (AdvertiseKeys) h.sentBy.get(owner).get(0);
    byte[] signature = new byte[0];
    if (mode == SecurityMode.MALICIOUS) {
      byte[] signed = Derivations.advertiseKeysMessage(
          Derivations.configDigest(h.config), nonce, copier, original.encryptionPublicKey(),
          original.maskingPublicKey());
      signature = Ed25519.create().sign(h.identities[copier], signed);
    }
    AdvertiseKeys copy = new AdvertiseKeys(original.encryptionPublicKey(), original.maskingPublicKey(), signature);
    h.toServer.removeIf(m -> (Integer) m[0] == copier);
    h.toServer.add(new Object[] {copier, copy});
    h.runToEnd();
    ServerCompleted done = completed(h);
    List<Integer> rest = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6));
    rest.removeAll(List.of(copier, owner));
    assertEquals(rest, done.result().includedClients());
    assertEquals(h.plaintextSum(rest), done.result().sum());
    for (int id : List.of(copier, owner)) {
      assertTrue(
          done.result().dropouts().contains(
              new Dropout(id, Round.ADVERTISE_KEYS, Dropout.Cause.PROTOCOL_VIOLATION, AbortReason.INVALID_KEY_LIST)),
          () -> "client " + id + " not excluded for the copied key: " + done.result().dropouts());
    }
  }

  @Test
  void aClientThatAdvertisesOneKeyTwiceIsExcludedAlone() {
    Harness h = Harness.create(Harness.complete(5, 3), SecurityMode.SEMI_HONEST, 5, 57);
    h.start();
    for (int id = 1; id <= 5; id++) {
      h.deliver(id, h.take(id));
    }
    AdvertiseKeys own = (AdvertiseKeys) h.sentBy.get(3).get(0);
    h.toServer.removeIf(m -> (Integer) m[0] == 3);
    h.toServer.add(new Object[] {3, new AdvertiseKeys(own.maskingPublicKey(), own.maskingPublicKey(), new byte[0])});
    h.runToEnd();
    ServerCompleted done = completed(h);
    assertEquals(List.of(1, 2, 4, 5), done.result().includedClients());
    assertEquals(h.plaintextSum(List.of(1, 2, 4, 5)), done.result().sum());
    assertViolation(done, 3, AbortReason.INVALID_KEY_LIST);
  }

  /** Runs to round 1 and replaces client {@code id}'s commitment to its self-mask seed. */
  private static Harness withCommitment(int n, int t, int id, byte[] commitment) {
    Harness h = Harness.create(Harness.complete(n, t), SecurityMode.SEMI_HONEST, n, 58);
    h.start();
    h.runUntilRequestsOf(Round.SHARE_KEYS);
    h.deliver(id, h.take(id));
    ShareKeys honest = (ShareKeys) h.sentBy.get(id).get(1);
    h.toServer.removeIf(m -> (Integer) m[0] == id);
    h.toServer.add(new Object[] {id, new ShareKeys(honest.shares(), commitment)});
    h.runToEnd();
    return h;
  }

  @Test
  void anOwnerWhoseSharesDisagreeWithItsCommitmentAbortsTheSessionNamingIt() {
    // Client 3 deals consistent shares of one seed but commits to another: its own masked input
    // is in the sum and its self mask cannot be removed with certainty, so no sum is output.
    byte[] other = new byte[32];
    other[0] = 1;
    Harness h = withCommitment(7, 3, 3, other);
    ServerAborted a = assertInstanceOf(ServerAborted.class, h.server.state());
    assertEquals(AbortReason.RECONSTRUCTION_MISMATCH, a.reason());
    assertTrue(a.message().contains("client 3's self-mask seed"), a.message());
    assertTrue(a.message().contains("committed"), a.message());
  }

  @Test
  void aCommitmentOfTheWrongLengthExcludesItsSender() {
    Harness h = withCommitment(5, 3, 4, new byte[31]);
    ServerCompleted done = completed(h);
    assertEquals(List.of(1, 2, 3, 5), done.result().includedClients());
    assertEquals(h.plaintextSum(List.of(1, 2, 3, 5)), done.result().sum());
    assertViolation(done, 4, AbortReason.MALFORMED_MESSAGE);
  }

  @Test
  void withExactlyTSharesALyingShareAbortsRatherThanCorruptTheSum() throws Exception {
    // n = 4, t = 3: every self-mask seed has exactly 3 shares, so a lie cannot be located.
    Harness h = Harness.create(Harness.complete(4, 3), SecurityMode.SEMI_HONEST, 4, 59);
    h.start();
    h.runUntilRequestsOf(Round.UNMASKING);
    h.deliver(2, h.take(2));
    UnmaskingResponse honest = (UnmaskingResponse) h.sentBy.get(2).get(3);
    h.toServer.removeIf(m -> (Integer) m[0] == 2);
    h.toServer.add(new Object[] {2, LyingShareProperties.lieIn(honest, false, 0, 2, 1)});
    h.runToEnd();
    ServerAborted a = assertInstanceOf(ServerAborted.class, h.server.state());
    assertEquals(AbortReason.RECONSTRUCTION_MISMATCH, a.reason());
    assertTrue(a.message().contains("exactly t shares"), a.message());
  }

  @Test
  void aLiarCaughtOnceIsLeftOutOfEveryOtherReconstructionAndRecordedForEachLie() throws Exception {
    // n = 8, t = 3: seven shares per seed, up to two lies each are corrected.
    Harness h = Harness.create(Harness.complete(8, 3), SecurityMode.SEMI_HONEST, 8, 60);
    h.start();
    h.runUntilRequestsOf(Round.UNMASKING);
    UnmaskingRequest request = (UnmaskingRequest) h.take(5);
    h.deliver(5, request);
    UnmaskingResponse lie = (UnmaskingResponse) h.sentBy.get(5).get(3);
    for (int i = 0; i < request.alive().size(); i++) {
      lie = LyingShareProperties.lieIn(lie, false, i, i % 5, 1000 + i);
    }
    UnmaskingResponse allLies = lie;
    h.toServer.removeIf(m -> (Integer) m[0] == 5);
    h.toServer.add(new Object[] {5, allLies});
    h.runToEnd();
    ServerCompleted done = completed(h);
    assertEquals(h.plaintextSum(List.of(1, 2, 3, 4, 5, 6, 7, 8)), done.result().sum());
    List<RejectedShare> expected = new ArrayList<>();
    for (int v : request.alive()) {
      expected.add(new RejectedShare(5, v, RejectedShare.SecretKind.SELF_MASK_SEED));
    }
    assertEquals(expected, done.result().rejectedShares());
  }

  @Test
  void ignoresMessagesFromUnknownOrUnexpectedClients() {
    Harness h = Harness.create(Harness.complete(5, 3), SecurityMode.SEMI_HONEST, 5, 46);
    h.start();
    MaskedInput junk = new MaskedInput(new byte[3]);
    assertTrue(h.server.handle(0, junk).messages().isEmpty());
    assertTrue(h.server.handle(6, junk).messages().isEmpty());
    assertTrue(h.server.handle(-1, junk).messages().isEmpty());
    h.runToEnd();
    assertEquals(h.plaintextSum(List.of(1, 2, 3, 4, 5)), completed(h).result().sum());
  }

  @Test
  void abortsAndNotifiesWhenTooFewSurvive() {
    Harness h = Harness.create(Harness.complete(5, 3), SecurityMode.SEMI_HONEST, 5, 47);
    h.start();
    h.runUntilRequestsOf(Round.MASKED_INPUT_COLLECTION);
    h.offline.add(4);
    h.offline.add(5);
    h.runToEnd();
    ServerAborted a = assertInstanceOf(ServerAborted.class, h.server.state());
    assertEquals(AbortReason.TOO_FEW_SURVIVORS, a.reason());
    for (int id = 1; id <= 3; id++) {
      assertInstanceOf(ClientAborted.class, h.clients[id].state());
    }
  }

  @Test
  void cancelAbortsTheSession() {
    Harness h = Harness.create(Harness.complete(5, 3), SecurityMode.SEMI_HONEST, 5, 48);
    h.start();
    h.runUntilRequestsOf(Round.SHARE_KEYS);
    ServerOutcome o = h.server.cancel();
    assertEquals(5, o.messages().size());
    assertEquals(AbortReason.CANCELLED, ((ServerAborted) o.state()).reason());
  }

  @Test
  void handleBeforeStartIsACallerError() {
    Harness h = Harness.create(Harness.complete(5, 3), SecurityMode.SEMI_HONEST, 5, 49);
    assertThrows(IllegalStateException.class, () -> h.server.handle(1, new MaskedInput(new byte[0])));
    assertThrows(IllegalStateException.class, h.server::advance);
    h.start();
    assertThrows(IllegalStateException.class, h.server::start);
  }

  // ------------------------------------------------------------------ memory and determinism

  private static Harness run(int n, long seed, ServerOptions options) {
    SecAggConfig.Builder b = Harness.complete(n, 2).vectorLength(64);
    Harness h = Harness.create(b, SecurityMode.SEMI_HONEST, n, seed, options);
    h.start();
    h.runUntilRequestsOf(Round.MASKED_INPUT_COLLECTION);
    h.offline.add(n);
    h.runToEnd();
    return h;
  }

  @Test
  void keepsOneAccumulatorHoweverManyClientsThereAre() {
    for (int n : new int[] {4, 12, 30}) {
      Harness h = run(n, 50, ServerOptions.defaults());
      assertEquals(h.plaintextSum(completed(h).result().includedClients()), completed(h).result().sum());
      // The accumulator plus the one masked input being decoded: independent of n.
      assertEquals(2, h.server.stats().peakLiveVectors(), "n=" + n);
      assertEquals(64L * 4 * 2, h.server.stats().peakVectorBytes(), "n=" + n);
    }
  }

  @Test
  void parallelUnmaskingGivesTheSameSumWithOneVectorPerPart() {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Harness sequential = run(12, 51, ServerOptions.defaults());
      Harness parallel = run(12, 51, ServerOptions.withExecutor(pool, 3));
      assertEquals(completed(sequential).result().sum(), completed(parallel).result().sum());
      assertEquals(3, parallel.server.stats().peakLiveVectors());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aShutDownExecutorFallsBackToTheCallingThread() {
    ExecutorService pool = Executors.newFixedThreadPool(1);
    pool.shutdownNow();
    Harness h = run(8, 55, ServerOptions.withExecutor(pool, 2));
    assertEquals(h.plaintextSum(completed(h).result().includedClients()), completed(h).result().sum());
  }

  @Test
  void theSameSeedsGiveTheSameTranscriptByteForByte() {
    List<byte[]> a = transcript(52);
    List<byte[]> b = transcript(52);
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(a.get(i), b.get(i), "frame " + i);
    }
    assertTrue(!java.util.Arrays.equals(a.get(1), transcript(53).get(1)));
  }

  /** Every frame of a malicious-mode session (clients' frames in client order per round). */
  private static List<byte[]> transcript(long seed) {
    Harness h = Harness.create(Harness.complete(5, 3), SecurityMode.MALICIOUS, 5, seed);
    WireCodec codec = WireCodec.forConfig(h.config);
    List<byte[]> frames = new ArrayList<>();
    h.start();
    h.toClients.forEach(m -> frames.add(codec.encode(m.message())));
    h.runToEnd();
    for (int id = 1; id <= 5; id++) {
      for (ClientMessage m : h.sentBy.get(id)) {
        frames.add(codec.encode(m));
      }
    }
    frames.add(completed(h).result().sum().encode());
    return frames;
  }

  @Test
  void clientsOnDifferentContextsAreNeverAggregatedTogether() {
    SecAggConfig modelA = Harness.complete(4, 2).context(new byte[] {1}).build();
    SecAggConfig modelB = Harness.complete(4, 2).context(new byte[] {2}).build();
    assertNotEquals(modelA, modelB);
    assertTrue(!java.util.Arrays.equals(
        io.secagg.core.protocol.internal.Derivations.configDigest(modelA),
        io.secagg.core.protocol.internal.Derivations.configDigest(modelB)));
    // A client configured for model B inside a model-A session: its shares do not decrypt for
    // the others, so they abort rather than sum it in.
    Harness h = Harness.create(Harness.complete(4, 2).context(new byte[] {1}), SecurityMode.SEMI_HONEST, 4, 54);
    io.secagg.core.protocol.client.ClientMachine stranger =
        io.secagg.core.protocol.client.ClientMachine.builder(modelB, 4)
            .input(Harness.randomInput(modelB, 54, 4)).random(Harness.random(54, "stranger", 4)).build();
    h.clients[4] = stranger;
    h.start();
    h.runToEnd();
    assertTrue(h.server.result() == null || !h.server.result().includedClients().contains(4));
    assertTrue(h.server.result() == null, "a session mixing contexts must not complete");
  }
}
