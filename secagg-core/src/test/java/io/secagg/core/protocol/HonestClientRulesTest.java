package io.secagg.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.protocol.client.ClientAborted;
import io.secagg.core.protocol.client.ClientOutcome;
import io.secagg.core.protocol.client.ClientCompleted;
import io.secagg.core.vector.Modulus;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule an honest client enforces, each broken once by a lying server. */
class HonestClientRulesTest {
  private static void assertAborted(ClientOutcome o, AbortReason reason) {
    ClientAborted a = assertInstanceOf(ClientAborted.class, o.state(), () -> "expected an abort, got " + o.state());
    assertEquals(reason, a.reason(), a.message());
    // The only thing sent is the notice: nothing secret leaves an aborting client.
    assertEquals(List.of(new ClientAbort(reason)), o.messages());
  }

  /** n = 5, t = 3, complete graph; client 5 drops before sending its masked input. */
  private static Harness atUnmasking() {
    Harness h = Harness.create(Harness.complete(5, 3), SecurityMode.SEMI_HONEST, 5, 11);
    h.start();
    h.runUntilRequestsOf(Round.MASKED_INPUT_COLLECTION);
    h.offline.add(5);
    h.runUntilRequestsOf(Round.UNMASKING);
    return h;
  }

  private static UnmaskingRequest request(List<Integer> alive, List<Integer> dropped) {
    return new UnmaskingRequest(alive, dropped, List.of());
  }

  @Test
  void honestServerListsAreDisjointNeighboursAndOneShareKindEach() {
    Harness h = atUnmasking();
    UnmaskingRequest r = (UnmaskingRequest) h.take(1);
    assertEquals(List.of(2, 3, 4), r.alive());
    assertEquals(List.of(5), r.dropped());
    ClientOutcome o = h.deliver(1, r);
    assertInstanceOf(ClientCompleted.class, o.state());
    UnmaskingResponse response = (UnmaskingResponse) o.messages().get(0);
    assertEquals(3, response.selfMaskShareCount());
    assertEquals(1, response.keyShareCount());
  }

  @Test
  void neverAnswersASecondUnmaskingRequest() {
    Harness h = atUnmasking();
    h.deliver(1, h.take(1));
    // A second request asking for the other share of the same peers gets nothing at all.
    ClientOutcome again = h.deliver(1, request(List.of(5), List.of(2, 3, 4)));
    assertTrue(again.messages().isEmpty());
    assertInstanceOf(ClientCompleted.class, again.state());
  }

  /** Unmasking requests of n = 5 to client 1 that break a rule: alive, dropped, the abort. */
  static Stream<Arguments> brokenUnmaskingRequests() {
    return Stream.of(
        Arguments.of("the lists overlap", List.of(2, 3, 4), List.of(2, 5), AbortReason.INVALID_UNMASKING_REQUEST),
        Arguments.of("it is listed as dropped", List.of(2, 3, 4), List.of(1, 5), AbortReason.INVALID_UNMASKING_REQUEST),
        Arguments.of("the alive list names itself", List.of(1, 2, 3, 4), List.of(5), AbortReason.INVALID_UNMASKING_REQUEST),
        Arguments.of("an id is listed twice", List.of(2, 3, 3, 4), List.of(5), AbortReason.INVALID_UNMASKING_REQUEST),
        Arguments.of("a list is unsorted", List.of(3, 2, 4), List.of(5), AbortReason.INVALID_UNMASKING_REQUEST),
        Arguments.of("a neighbour is left out", List.of(2, 3, 4), List.of(), AbortReason.INVALID_UNMASKING_REQUEST),
        // The classic attack: call most neighbours dropped to collect their key shares.
        Arguments.of("fewer than t neighbours are alive", List.of(2, 3), List.of(4, 5), AbortReason.TOO_FEW_NEIGHBOURS));
  }

  @ParameterizedTest(name = "aborts when {0}")
  @MethodSource("brokenUnmaskingRequests")
  void abortsOnAnUnmaskingRequestThatBreaksARule(
      String rule, List<Integer> alive, List<Integer> dropped, AbortReason reason) {
    Harness h = atUnmasking();
    h.take(1);
    assertAborted(h.deliver(1, request(alive, dropped)), reason);
  }

  @Test
  void abortsWhenUnmaskListsNameANonNeighbour() {
    SecAggConfig.Builder b =
        SecAggConfig.builder().clientCount(9).threshold(3).vectorLength(4)
            .modulus(Modulus.powerOfTwo(16)).hararyGraph(4);
    Harness h = Harness.create(b, SecurityMode.SEMI_HONEST, 9, 12);
    h.start();
    h.runUntilRequestsOf(Round.UNMASKING);
    UnmaskingRequest honest = (UnmaskingRequest) h.take(1);
    int stranger = 2;
    while (h.graph().containsEdge(1, stranger)) {
      stranger++;
    }
    List<Integer> alive = new ArrayList<>(honest.alive());
    alive.add(stranger);
    alive.sort(null);
    assertAborted(h.deliver(1, request(alive, honest.dropped())), AbortReason.INVALID_UNMASKING_REQUEST);
  }

  @Test
  void semiHonestUnmaskingRequestCarriesNoSignatures() {
    Harness h = atUnmasking();
    UnmaskingRequest r = (UnmaskingRequest) h.take(1);
    UnmaskingRequest withSignature =
        new UnmaskingRequest(r.alive(), r.dropped(), List.of(new SurvivorSignature(2, new byte[64])));
    assertAborted(h.deliver(1, withSignature), AbortReason.INVALID_UNMASKING_REQUEST);
  }

  // ------------------------------------------------------------------ round 1: the key list

  private static Harness atShareKeys() {
    Harness h = Harness.create(Harness.complete(5, 3), SecurityMode.SEMI_HONEST, 5, 13);
    h.start();
    h.runUntilRequestsOf(Round.SHARE_KEYS);
    return h;
  }

  private static AdvertisedKeys withKeys(AdvertisedKeys k, byte[] c, byte[] s) {
    return new AdvertisedKeys(k.clientId(), c, s, k.signature());
  }

  @Test
  void abortsWhenKeyListMisquotesItsOwnKeys() {
    Harness h = atShareKeys();
    List<AdvertisedKeys> keys = new ArrayList<>(((ShareKeysRequest) h.take(1)).keys());
    AdvertisedKeys other = keys.get(1);
    keys.set(0, withKeys(keys.get(0), keys.get(0).encryptionPublicKey(), flip(keys.get(0).maskingPublicKey())));
    assertAborted(h.deliver(1, new ShareKeysRequest(keys)), AbortReason.INVALID_KEY_LIST);
    assertEquals(2, other.clientId());
  }

  @Test
  void abortsWhenTwoClientsShareAPublicKey() {
    Harness h = atShareKeys();
    List<AdvertisedKeys> keys = new ArrayList<>(((ShareKeysRequest) h.take(1)).keys());
    keys.set(2, withKeys(keys.get(2), keys.get(1).encryptionPublicKey(), keys.get(2).maskingPublicKey()));
    assertAborted(h.deliver(1, new ShareKeysRequest(keys)), AbortReason.INVALID_KEY_LIST);
  }

  @Test
  void abortsWhenKeyListIsUnsorted() {
    Harness h = atShareKeys();
    List<AdvertisedKeys> keys = new ArrayList<>(((ShareKeysRequest) h.take(1)).keys());
    java.util.Collections.swap(keys, 1, 2);
    assertAborted(h.deliver(1, new ShareKeysRequest(keys)), AbortReason.INVALID_KEY_LIST);
  }

  /**
   * Spec 5.5 step 1: a list of n entries naming one client twice (in place of the next one) is
   * within the wire bound of 5.10 and canonical, so it decodes; the client must then abort with
   * INVALID_KEY_LIST, not MALFORMED_MESSAGE.
   */
  @Test
  void abortsWithInvalidKeyListWhenAListWithinTheWireBoundNamesAClientTwice() throws Exception {
    Harness h = atShareKeys();
    List<AdvertisedKeys> keys = new ArrayList<>(((ShareKeysRequest) h.take(1)).keys());
    keys.set(3, keys.get(2));
    io.secagg.core.wire.WireCodec codec = io.secagg.core.wire.WireCodec.forConfig(h.config);
    ServerMessage decoded = codec.decodeServerMessage(codec.encode(new ShareKeysRequest(keys)));
    assertEquals(5, ((ShareKeysRequest) decoded).keys().size());
    assertAborted(h.deliver(1, decoded), AbortReason.INVALID_KEY_LIST);
  }

  @Test
  void abortsWhenKeyListOmitsTheClient() {
    Harness h = atShareKeys();
    List<AdvertisedKeys> keys = new ArrayList<>(((ShareKeysRequest) h.take(1)).keys());
    keys.remove(0);
    assertAborted(h.deliver(1, new ShareKeysRequest(keys)), AbortReason.INVALID_KEY_LIST);
  }

  @Test
  void abortsWhenFewerThanThresholdNeighboursAdvertised() {
    Harness h = atShareKeys();
    List<AdvertisedKeys> keys = new ArrayList<>(((ShareKeysRequest) h.take(1)).keys());
    keys.subList(3, 5).clear();
    assertAborted(h.deliver(1, new ShareKeysRequest(keys)), AbortReason.TOO_FEW_NEIGHBOURS);
  }

  @Test
  void abortsOnAKeyOfTheWrongLength() {
    Harness h = atShareKeys();
    List<AdvertisedKeys> keys = new ArrayList<>(((ShareKeysRequest) h.take(1)).keys());
    keys.set(3, withKeys(keys.get(3), new byte[31], keys.get(3).maskingPublicKey()));
    assertAborted(h.deliver(1, new ShareKeysRequest(keys)), AbortReason.MALFORMED_MESSAGE);
  }

  @Test
  void abortsOnASmallOrderPeerKey() {
    Harness h = atShareKeys();
    List<AdvertisedKeys> keys = new ArrayList<>(((ShareKeysRequest) h.take(1)).keys());
    byte[] zero = new byte[32];
    keys.set(3, withKeys(keys.get(3), keys.get(3).encryptionPublicKey(), zero));
    assertAborted(h.deliver(1, new ShareKeysRequest(keys)), AbortReason.KEY_AGREEMENT_FAILED);
  }

  // ------------------------------------------------------------------ round 2: the ciphertexts

  /** Runs to round 2 and returns the harness; {@code ShareKeys} of every client are in sentBy. */
  private static Harness atMaskedInput(long seed) {
    Harness h = Harness.create(Harness.complete(5, 3), SecurityMode.SEMI_HONEST, 5, seed);
    h.start();
    h.runUntilRequestsOf(Round.MASKED_INPUT_COLLECTION);
    return h;
  }

  private static byte[] ciphertext(Harness h, int from, int to) {
    ShareKeys sent = (ShareKeys) h.sentBy.get(from).get(1);
    return sent.shares().stream().filter(e -> e.peerId() == to).findFirst().orElseThrow().ciphertext();
  }

  private static MaskedInputRequest replacing(MaskedInputRequest honest, int sender, byte[] ciphertext) {
    List<EncryptedShares> list = new ArrayList<>();
    for (EncryptedShares e : honest.shares()) {
      list.add(e.peerId() == sender ? new EncryptedShares(sender, ciphertext) : e);
    }
    return new MaskedInputRequest(list);
  }

  @Test
  void acceptsTheHonestCiphertexts() {
    Harness h = atMaskedInput(14);
    ClientOutcome o = h.deliver(1, h.take(1));
    assertInstanceOf(MaskedInput.class, o.messages().get(0));
  }

  @Test
  void abortsOnATamperedCiphertext() {
    Harness h = atMaskedInput(14);
    MaskedInputRequest honest = (MaskedInputRequest) h.take(1);
    byte[] bad = flip(ciphertext(h, 2, 1));
    assertAborted(h.deliver(1, replacing(honest, 2, bad)), AbortReason.SHARE_DECRYPTION_FAILED);
  }

  @Test
  void abortsOnACiphertextEncryptedForAnotherReceiver() {
    Harness h = atMaskedInput(14);
    MaskedInputRequest honest = (MaskedInputRequest) h.take(1);
    assertAborted(h.deliver(1, replacing(honest, 2, ciphertext(h, 2, 3))), AbortReason.SHARE_DECRYPTION_FAILED);
  }

  @Test
  void abortsOnItsOwnCiphertextReflectedBack() {
    Harness h = atMaskedInput(14);
    MaskedInputRequest honest = (MaskedInputRequest) h.take(1);
    assertAborted(h.deliver(1, replacing(honest, 2, ciphertext(h, 1, 2))), AbortReason.SHARE_DECRYPTION_FAILED);
  }

  @Test
  void abortsOnACiphertextReplayedFromAnotherSession() {
    Harness other = atMaskedInput(15);
    Harness h = atMaskedInput(14);
    MaskedInputRequest honest = (MaskedInputRequest) h.take(1);
    assertAborted(
        h.deliver(1, replacing(honest, 2, ciphertext(other, 2, 1))), AbortReason.SHARE_DECRYPTION_FAILED);
  }

  @Test
  void abortsOnADuplicatedCiphertext() {
    Harness h = atMaskedInput(14);
    List<EncryptedShares> list = new ArrayList<>(((MaskedInputRequest) h.take(1)).shares());
    list.add(1, list.get(0));
    assertAborted(h.deliver(1, new MaskedInputRequest(list)), AbortReason.INVALID_SHARE_LIST);
  }

  @Test
  void abortsWhenACiphertextClaimsToComeFromItself() {
    Harness h = atMaskedInput(14);
    List<EncryptedShares> list = new ArrayList<>(((MaskedInputRequest) h.take(1)).shares());
    list.add(0, new EncryptedShares(1, ciphertext(h, 2, 1)));
    assertAborted(h.deliver(1, new MaskedInputRequest(list)), AbortReason.INVALID_SHARE_LIST);
  }

  @Test
  void abortsWhenFewerThanThresholdNeighboursSentShares() {
    Harness h = atMaskedInput(14);
    List<EncryptedShares> list = new ArrayList<>(((MaskedInputRequest) h.take(1)).shares());
    list.subList(2, list.size()).clear();
    assertAborted(h.deliver(1, new MaskedInputRequest(list)), AbortReason.TOO_FEW_NEIGHBOURS);
  }

  @Test
  void abortsOnACiphertextOfTheWrongLength() {
    Harness h = atMaskedInput(14);
    MaskedInputRequest honest = (MaskedInputRequest) h.take(1);
    byte[] ct = ciphertext(h, 2, 1);
    assertAborted(
        h.deliver(1, replacing(honest, 2, java.util.Arrays.copyOf(ct, ct.length - 1))),
        AbortReason.MALFORMED_MESSAGE);
  }

  // ------------------------------------------------------------------ any state

  @Test
  void abortsOnAMessageItsStateDoesNotExpect() {
    Harness h = atShareKeys();
    h.take(1);
    assertAborted(h.deliver(1, request(List.of(2, 3, 4), List.of())), AbortReason.UNEXPECTED_MESSAGE);
  }

  @Test
  void abortsOnANonceOfTheWrongLength() {
    Harness h = Harness.create(Harness.complete(5, 3), SecurityMode.SEMI_HONEST, 5, 16);
    assertAborted(h.deliver(1, new AdvertiseKeysRequest(new byte[31])), AbortReason.MALFORMED_MESSAGE);
  }

  @Test
  void stopsSilentlyWhenTheServerAborts() {
    Harness h = atShareKeys();
    ClientOutcome o = h.deliver(1, new ServerAbort(AbortReason.TOO_FEW_SURVIVORS));
    ClientAborted a = assertInstanceOf(ClientAborted.class, o.state());
    assertEquals(AbortReason.PEER_ABORTED, a.reason());
    assertTrue(o.messages().isEmpty());
  }

  @Test
  void ignoresEverythingOnceAborted() {
    Harness h = atShareKeys();
    h.deliver(1, new ServerAbort(AbortReason.CANCELLED));
    ClientOutcome o = h.deliver(1, h.take(1));
    assertTrue(o.messages().isEmpty());
    assertInstanceOf(ClientAborted.class, o.state());
  }

  @Test
  void cancelSendsAnAbortNotice() {
    Harness h = atShareKeys();
    assertAborted(h.clients[1].cancel(), AbortReason.CANCELLED);
  }

  @Test
  void anUndecodableFrameAborts() {
    Harness h = atShareKeys();
    assertAborted(h.clients[1].handleUndecodableMessage(), AbortReason.MALFORMED_MESSAGE);
  }

  static byte[] flip(byte[] b) {
    byte[] c = b.clone();
    c[c.length / 2] ^= 1;
    return c;
  }
}
