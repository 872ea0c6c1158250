package io.secagg.core.protocol.client;

import io.secagg.core.protocol.AbortReason;
import io.secagg.core.protocol.ServerMessage;
import io.secagg.core.protocol.SurvivorSignature;
import io.secagg.core.protocol.UnmaskingRequest;
import io.secagg.core.protocol.UnmaskingResponse;
import io.secagg.core.protocol.internal.Derivations;
import io.secagg.core.protocol.internal.IdLists;
import io.secagg.core.protocol.internal.ProtocolViolation;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Round 4: waiting for the unmasking lists. On them, the client reveals, for each neighbour
 * listed alive, its share of that neighbour's self-mask seed b_v, and for each neighbour listed
 * dropped, its share of that neighbour's masking key s_v^SK - never both for one neighbour, and
 * only once: the machine then completes and ignores every later request.
 *
 * <p>Checks, each aborting before anything is revealed: both lists strictly ascending (no
 * duplicates); neither names this client (in particular it is never "dropped"); every listed id
 * is a neighbour whose shares this client holds; the lists are disjoint and together cover
 * exactly those neighbours; at least t neighbours are alive. In malicious mode also: the lists
 * equal the split of those neighbours by the survivor set this client signed in round 3, and
 * the relayed signatures are strictly ascending, each from an alive neighbour, each valid over
 * that survivor set, and at least t in number. In semi-honest mode the signature list must be
 * empty.
 */
public final class R4Unmasking extends ClientState {
  private final Session session;
  private final int[] holders;
  private final byte[][] selfShares;
  private final byte[][] keyShares;
  private final int[] signedSurvivors;

  R4Unmasking(
      Session session, int[] holders, byte[][] selfShares, byte[][] keyShares, int[] signedSurvivors) {
    this.session = session;
    this.holders = holders;
    this.selfShares = selfShares;
    this.keyShares = keyShares;
    this.signedSurvivors = signedSurvivors;
  }

  @Override
  Step handle(ClientContext ctx, ServerMessage message) throws ProtocolViolation {
    if (!(message instanceof UnmaskingRequest)) {
      return super.handle(ctx, message);
    }
    UnmaskingRequest request = (UnmaskingRequest) message;
    AbortReason bad = AbortReason.INVALID_UNMASKING_REQUEST;
    int[] alive = IdLists.strictlyAscending(request.alive(), ctx.n(), bad, "the alive list");
    int[] dropped = IdLists.strictlyAscending(request.dropped(), ctx.n(), bad, "the dropped list");
    if (IdLists.contains(dropped, ctx.clientId)) {
      throw new ProtocolViolation(bad, "the dropped list names this client itself");
    }
    if (IdLists.contains(alive, ctx.clientId)) {
      throw new ProtocolViolation(bad, "the alive list names this client itself");
    }
    int[] aliveAt = positions(alive, "alive");
    int[] droppedAt = positions(dropped, "dropped");
    for (int v : alive) {
      if (IdLists.contains(dropped, v)) {
        throw new ProtocolViolation(bad, "client " + v + " is listed both alive and dropped");
      }
    }
    if (alive.length + dropped.length != holders.length) {
      throw new ProtocolViolation(
          bad, "the lists classify " + (alive.length + dropped.length) + " of the "
              + holders.length + " neighbours whose shares this client holds");
    }
    if (alive.length < ctx.t()) {
      throw new ProtocolViolation(
          AbortReason.TOO_FEW_NEIGHBOURS,
          "only " + alive.length + " neighbours are alive; the threshold is " + ctx.t());
    }
    if (ctx.malicious()) {
      checkAgainstSignedSurvivors(alive, dropped);
      checkSignatures(ctx, request.signatures(), alive);
    } else if (!request.signatures().isEmpty()) {
      throw new ProtocolViolation(bad, "semi-honest sessions carry no signatures");
    }
    List<byte[]> selfOut = new ArrayList<>(alive.length);
    for (int at : aliveAt) {
      selfOut.add(selfShares[at]);
    }
    List<byte[]> keyOut = new ArrayList<>(dropped.length);
    for (int at : droppedAt) {
      keyOut.add(keyShares[at]);
    }
    UnmaskingResponse response = new UnmaskingResponse(selfOut, keyOut);
    destroySecrets();
    return new Step(new ClientCompleted(), response);
  }

  private int[] positions(int[] ids, String list) throws ProtocolViolation {
    int[] at = new int[ids.length];
    for (int i = 0; i < ids.length; i++) {
      at[i] = Arrays.binarySearch(holders, ids[i]);
      if (at[i] < 0) {
        throw new ProtocolViolation(
            AbortReason.INVALID_UNMASKING_REQUEST,
            "the " + list + " list names client " + ids[i]
                + ", which is not a neighbour whose shares this client holds");
      }
    }
    return at;
  }

  private void checkAgainstSignedSurvivors(int[] alive, int[] dropped) throws ProtocolViolation {
    for (int v : holders) {
      boolean survived = IdLists.contains(signedSurvivors, v);
      boolean listedAlive = IdLists.contains(alive, v);
      if (survived != listedAlive || survived == IdLists.contains(dropped, v)) {
        throw new ProtocolViolation(
            AbortReason.INVALID_UNMASKING_REQUEST,
            "the lists disagree with the signed survivor set about client " + v);
      }
    }
  }

  private void checkSignatures(ClientContext ctx, List<SurvivorSignature> signatures, int[] alive)
      throws ProtocolViolation {
    byte[] signed = Derivations.consistencyMessage(session.sessionId, signedSurvivors);
    int previous = 0;
    for (SurvivorSignature s : signatures) {
      int v = s.clientId();
      if (v <= previous) {
        throw new ProtocolViolation(
            AbortReason.INVALID_UNMASKING_REQUEST,
            v == previous ? "client " + v + "'s signature is listed twice" : "the signatures are not ascending");
      }
      previous = v;
      if (!IdLists.contains(alive, v)) {
        throw new ProtocolViolation(
            AbortReason.INVALID_UNMASKING_REQUEST,
            "the signature list names client " + v + ", which is not an alive neighbour");
      }
      try {
        ctx.ed25519.verify(ctx.config.identityKey(v), signed, s.signature());
      } catch (GeneralSecurityException e) {
        throw new ProtocolViolation(
            AbortReason.INVALID_SIGNATURE,
            "client " + v + "'s signature over the survivor set is invalid");
      }
    }
    if (signatures.size() < ctx.t()) {
      throw new ProtocolViolation(
          AbortReason.TOO_FEW_NEIGHBOURS,
          "only " + signatures.size() + " neighbours signed the survivor set; the threshold is " + ctx.t());
    }
  }

  @Override
  void destroySecrets() {
    R2MaskedInputCollection.wipe(selfShares);
    R2MaskedInputCollection.wipe(keyShares);
  }
}
