package io.secagg.core.protocol.server;

import io.secagg.core.protocol.AbortReason;
import io.secagg.core.protocol.ClientMessage;
import io.secagg.core.protocol.Dropout;
import io.secagg.core.protocol.EncryptedShares;
import io.secagg.core.protocol.MaskedInputRequest;
import io.secagg.core.protocol.Round;
import io.secagg.core.protocol.ShareKeys;
import io.secagg.core.protocol.internal.Derivations;
import io.secagg.core.protocol.internal.ProtocolViolation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Round 1: the server collects, from every client it expects, one share ciphertext for each of
 * that client's neighbours in U1.
 *
 * <p>Per message: exactly the client's neighbours in U1, ascending, each ciphertext of the exact
 * length, and a self-mask commitment of the exact length. At close: U2 is the set that answered,
 * reduced until every member has at least t neighbours in it (the others could neither mask
 * safely nor be recovered, and are told to stop); each member of U2 is sent the ciphertexts
 * addressed to it by its neighbours in U2.
 */
public final class R1ShareKeys extends ServerState {
  /**
   * Expects every member of U1 with at least t neighbours in U1 (the others abort by the client
   * rules), each to address exactly those neighbours.
   */
  R1ShareKeys(ServerContext ctx) {
    super(Round.SHARE_KEYS);
    expect(
        ctx,
        c -> c.stage == ClientRecord.Stage.ADVERTISED
            && ctx.countNeighboursAt(c.id, ClientRecord.Stage.ADVERTISED) >= ctx.t);
    for (int u = 1; u <= ctx.n; u++) {
      if (isExpected(ctx, u)) {
        ctx.client(u).shareRecipients =
            Arrays.stream(ctx.neighbours(u))
                .filter(v -> ctx.client(v).stage == ClientRecord.Stage.ADVERTISED)
                .toArray();
      }
    }
  }

  @Override
  void accept(ServerContext ctx, int clientId, ClientMessage message) throws ProtocolViolation {
    List<EncryptedShares> shares =
        answer(ctx, clientId, message, ShareKeys.class, "client sent its shares twice").shares();
    int[] want = ctx.client(clientId).shareRecipients;
    if (shares.size() != want.length) {
      throw new ProtocolViolation(
          AbortReason.INVALID_SHARE_LIST,
          "expected " + want.length + " ciphertexts, got " + shares.size());
    }
    EncryptedShares[] box = new EncryptedShares[want.length];
    for (int i = 0; i < want.length; i++) {
      EncryptedShares e = shares.get(i);
      if (e.peerId() != want[i]) {
        throw new ProtocolViolation(
            AbortReason.INVALID_SHARE_LIST,
            "ciphertext " + i + " is addressed to client " + e.peerId() + ", expected " + want[i]);
      }
      if (e.ciphertextLength() != Derivations.SHARE_CIPHERTEXT_LENGTH) {
        throw new ProtocolViolation(
            AbortReason.MALFORMED_MESSAGE,
            "ciphertext for client " + want[i] + " has " + e.ciphertextLength() + " bytes");
      }
      box[i] = e;
    }
    byte[] commitment = ((ShareKeys) message).selfMaskCommitment();
    if (commitment.length != Derivations.COMMITMENT_LENGTH) {
      throw new ProtocolViolation(
          AbortReason.MALFORMED_MESSAGE, "self-mask commitment has " + commitment.length + " bytes");
    }
    ctx.client(clientId).outbox = box;
    ctx.client(clientId).selfMaskCommitment = commitment;
  }

  @Override
  ServerState close(ServerContext ctx) throws ProtocolViolation {
    recordSilent(ctx);
    boolean any = false;
    for (int u = 1; u <= ctx.n; u++) {
      if (answerKept(ctx, u)) {
        ctx.client(u).stage = ClientRecord.Stage.SHARED;
      }
    }
    for (int u : ctx.peel(ClientRecord.Stage.SHARED)) {
      ctx.drop(u, Round.MASKED_INPUT_COLLECTION, Dropout.Cause.TOO_FEW_NEIGHBOURS, null);
      ctx.sendAbortNotice(u, AbortReason.TOO_FEW_NEIGHBOURS);
    }
    for (int u = 1; u <= ctx.n; u++) {
      any |= inU2(ctx, u);
    }
    if (!any) {
      throw new ProtocolViolation(
          AbortReason.TOO_FEW_SURVIVORS,
          "no client that shared keys has " + ctx.t + " neighbours that did too");
    }
    for (int u = 1; u <= ctx.n; u++) {
      if (!inU2(ctx, u)) {
        continue;
      }
      List<EncryptedShares> inbox = new ArrayList<>();
      for (int v : ctx.neighbours(u)) {
        if (inU2(ctx, v)) {
          ClientRecord sender = ctx.client(v);
          int at = Arrays.binarySearch(sender.shareRecipients, u);
          inbox.add(new EncryptedShares(v, sender.outbox[at].ciphertext()));
        }
      }
      ctx.send(u, new MaskedInputRequest(inbox));
    }
    for (int u = 1; u <= ctx.n; u++) {
      // Relayed: the ciphertexts are not needed again, and would hold O(n k) memory.
      ctx.client(u).outbox = null;
    }
    return new R2MaskedInputCollection(ctx);
  }

  private static boolean inU2(ServerContext ctx, int u) {
    return ctx.client(u).stage == ClientRecord.Stage.SHARED;
  }
}
