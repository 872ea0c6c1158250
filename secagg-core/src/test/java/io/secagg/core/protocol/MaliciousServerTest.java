package io.secagg.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.crypto.Ed25519;
import io.secagg.core.protocol.client.ClientAborted;
import io.secagg.core.protocol.client.ClientOutcome;
import io.secagg.core.protocol.internal.Derivations;
import io.secagg.core.protocol.server.ServerCompleted;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A lying server in malicious mode: n = 7, t = 4 (2t > k = 6), complete graph. Each test lets
 * the session run honestly up to one request and then forges it for client 1.
 */
class MaliciousServerTest {
  private static Harness start(long seed) {
    Harness h = Harness.create(Harness.complete(7, 4), SecurityMode.MALICIOUS, 7, seed);
    h.start();
    return h;
  }

  private static void assertAborted(ClientOutcome o, AbortReason reason) {
    ClientAborted a = assertInstanceOf(ClientAborted.class, o.state(), () -> "expected an abort, got " + o.state());
    assertEquals(reason, a.reason(), a.message());
    assertEquals(List.of(new ClientAbort(reason)), o.messages());
  }

  @Test
  void completesAndSumsExactlyTheSurvivorsWhenHonest() {
    Harness h = start(21);
    h.runUntilRequestsOf(Round.MASKED_INPUT_COLLECTION);
    h.offline.add(7);
    h.runToEnd();
    ServerCompleted done = assertInstanceOf(ServerCompleted.class, h.server.state());
    assertEquals(List.of(1, 2, 3, 4, 5, 6), done.result().includedClients());
    assertEquals(h.plaintextSum(List.of(1, 2, 3, 4, 5, 6)), done.result().sum());
  }

  @Test
  void abortsOnAForgedKeyAdvertisementSignature() {
    Harness h = start(22);
    h.runUntilRequestsOf(Round.SHARE_KEYS);
    List<AdvertisedKeys> keys = new ArrayList<>(((ShareKeysRequest) h.take(1)).keys());
    AdvertisedKeys k = keys.get(1);
    keys.set(1, new AdvertisedKeys(k.clientId(), k.encryptionPublicKey(), k.maskingPublicKey(),
        HonestClientRulesTest.flip(k.signature())));
    assertAborted(h.deliver(1, new ShareKeysRequest(keys)), AbortReason.INVALID_SIGNATURE);
  }

  @Test
  void abortsWhenTheServerSubstitutesANeighboursKeys() {
    Harness h = start(23);
    h.runUntilRequestsOf(Round.SHARE_KEYS);
    List<AdvertisedKeys> keys = new ArrayList<>(((ShareKeysRequest) h.take(1)).keys());
    AdvertisedKeys k = keys.get(1);
    byte[] attacker = io.secagg.core.crypto.X25519.create(Harness.random(99, "attacker", 0))
        .generateKeyPair().publicKey();
    keys.set(1, new AdvertisedKeys(k.clientId(), attacker, k.maskingPublicKey(), k.signature()));
    assertAborted(h.deliver(1, new ShareKeysRequest(keys)), AbortReason.INVALID_SIGNATURE);
  }

  @Test
  void abortsWhenTheSurvivorSetOmitsTheClient() {
    Harness h = start(24);
    h.runUntilRequestsOf(Round.CONSISTENCY_CHECK);
    h.take(1);
    assertAborted(
        h.deliver(1, new ConsistencyCheckRequest(List.of(2, 3, 4, 5, 6, 7))),
        AbortReason.INVALID_SURVIVOR_SET);
  }

  @Test
  void abortsWhenTheSurvivorSetNamesANeighbourWhoseSharesNeverCame() {
    Harness h = start(25);
    h.runUntilRequestsOf(Round.SHARE_KEYS);
    h.offline.add(7);
    h.runUntilRequestsOf(Round.CONSISTENCY_CHECK);
    h.take(1);
    assertAborted(
        h.deliver(1, new ConsistencyCheckRequest(List.of(1, 2, 3, 4, 5, 6, 7))),
        AbortReason.INVALID_SURVIVOR_SET);
  }

  /** Runs to round 4 with client 7 dropped before its masked input. */
  private static Harness atUnmasking(long seed) {
    Harness h = start(seed);
    h.runUntilRequestsOf(Round.MASKED_INPUT_COLLECTION);
    h.offline.add(7);
    h.runUntilRequestsOf(Round.UNMASKING);
    return h;
  }

  @Test
  void unmasksWhenTheRequestMatchesTheSignedSurvivors() {
    Harness h = atUnmasking(26);
    UnmaskingRequest r = (UnmaskingRequest) h.take(1);
    assertEquals(List.of(2, 3, 4, 5, 6), r.alive());
    assertEquals(List.of(7), r.dropped());
    assertEquals(5, r.signatures().size());
    assertInstanceOf(UnmaskingResponse.class, h.deliver(1, r).messages().get(0));
  }

  @Test
  void abortsWhenTheServerCallsASignedSurvivorDropped() {
    // The attack the consistency check exists for: client 2's input is in the sum, yet the
    // server asks client 1 for client 2's key share.
    Harness h = atUnmasking(27);
    UnmaskingRequest r = (UnmaskingRequest) h.take(1);
    List<SurvivorSignature> sigs = new ArrayList<>(r.signatures());
    sigs.remove(0);
    assertAborted(
        h.deliver(1, new UnmaskingRequest(List.of(3, 4, 5, 6), List.of(2, 7), sigs)),
        AbortReason.INVALID_UNMASKING_REQUEST);
  }

  @Test
  void abortsOnAForgedSurvivorSignature() {
    Harness h = atUnmasking(28);
    UnmaskingRequest r = (UnmaskingRequest) h.take(1);
    List<SurvivorSignature> sigs = new ArrayList<>(r.signatures());
    sigs.set(2, new SurvivorSignature(sigs.get(2).clientId(), HonestClientRulesTest.flip(sigs.get(2).signature())));
    assertAborted(h.deliver(1, new UnmaskingRequest(r.alive(), r.dropped(), sigs)), AbortReason.INVALID_SIGNATURE);
  }

  @Test
  void abortsOnASignatureOverAnotherSurvivorSet() {
    // The server showed client 3 a different U3; client 3's genuine signature over it must not
    // count for the U3 client 1 signed.
    Harness h = atUnmasking(29);
    UnmaskingRequest r = (UnmaskingRequest) h.take(1);
    byte[] other =
        Ed25519.create(Harness.random(1, "x", 0))
            .sign(h.identities[3], Derivations.consistencyMessage(h.server.sessionId(), new int[] {1, 2, 3, 4, 5, 7}));
    List<SurvivorSignature> sigs = new ArrayList<>(r.signatures());
    sigs.set(1, new SurvivorSignature(3, other));
    assertAborted(h.deliver(1, new UnmaskingRequest(r.alive(), r.dropped(), sigs)), AbortReason.INVALID_SIGNATURE);
  }

  @Test
  void abortsWithFewerThanThresholdSignatures() {
    Harness h = atUnmasking(30);
    UnmaskingRequest r = (UnmaskingRequest) h.take(1);
    assertAborted(
        h.deliver(1, new UnmaskingRequest(r.alive(), r.dropped(), r.signatures().subList(0, 3))),
        AbortReason.TOO_FEW_NEIGHBOURS);
  }

  @Test
  void abortsOnADuplicatedSignature() {
    Harness h = atUnmasking(31);
    UnmaskingRequest r = (UnmaskingRequest) h.take(1);
    List<SurvivorSignature> sigs = new ArrayList<>(r.signatures());
    sigs.add(1, sigs.get(0));
    assertAborted(h.deliver(1, new UnmaskingRequest(r.alive(), r.dropped(), sigs)), AbortReason.INVALID_UNMASKING_REQUEST);
  }

  @Test
  void abortsOnASignatureFromADroppedClient() {
    Harness h = atUnmasking(32);
    UnmaskingRequest r = (UnmaskingRequest) h.take(1);
    List<SurvivorSignature> sigs = new ArrayList<>(r.signatures());
    sigs.add(new SurvivorSignature(7, sigs.get(0).signature()));
    assertAborted(h.deliver(1, new UnmaskingRequest(r.alive(), r.dropped(), sigs)), AbortReason.INVALID_UNMASKING_REQUEST);
  }

  @Test
  void serverExcludesAClientWhoseSurvivorSignatureIsInvalid() {
    Harness h = start(33);
    h.runUntilRequestsOf(Round.CONSISTENCY_CHECK);
    h.take(2);
    h.toServer.add(new Object[] {2, new ConsistencyCheckResponse(new byte[64])});
    h.runToEnd();
    ServerCompleted done = assertInstanceOf(ServerCompleted.class, h.server.state());
    assertTrue(done.result().dropouts().stream().anyMatch(
        d -> d.clientId() == 2 && d.violation() == AbortReason.INVALID_SIGNATURE));
    assertEquals(h.plaintextSum(done.result().includedClients()), done.result().sum());
  }
}
