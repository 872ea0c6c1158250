package io.secagg.core.protocol.client;

import io.secagg.core.protocol.AbortReason;
import io.secagg.core.protocol.ConsistencyCheckRequest;
import io.secagg.core.protocol.ConsistencyCheckResponse;
import io.secagg.core.protocol.ServerMessage;
import io.secagg.core.protocol.internal.Derivations;
import io.secagg.core.protocol.internal.IdLists;
import io.secagg.core.protocol.internal.ProtocolViolation;

/**
 * Round 3 (malicious mode only): waiting for the survivor set U3. On it, the client checks it
 * and signs it, committing to one view of who survived before anyone reveals a share.
 *
 * <p>Checks, each aborting on failure: U3 strictly ascending in 1..n; U3 contains this client
 * (it did send its masked input); every neighbour in U3 is one whose shares this client holds
 * (so it masked with it); at least t neighbours are in U3.
 */
public final class R3ConsistencyCheck extends ClientState {
  private final Session session;
  private final int[] holders;
  private final byte[][] selfShares;
  private final byte[][] keyShares;

  R3ConsistencyCheck(Session session, int[] holders, byte[][] selfShares, byte[][] keyShares) {
    this.session = session;
    this.holders = holders;
    this.selfShares = selfShares;
    this.keyShares = keyShares;
  }

  @Override
  Step handle(ClientContext ctx, ServerMessage message) throws ProtocolViolation {
    if (!(message instanceof ConsistencyCheckRequest)) {
      return super.handle(ctx, message);
    }
    int[] survivors =
        IdLists.strictlyAscending(
            ((ConsistencyCheckRequest) message).survivors(), ctx.n(),
            AbortReason.INVALID_SURVIVOR_SET, "the survivor set");
    if (!IdLists.contains(survivors, ctx.clientId)) {
      throw new ProtocolViolation(
          AbortReason.INVALID_SURVIVOR_SET, "the survivor set omits this client");
    }
    int aliveNeighbours = 0;
    for (int v : survivors) {
      if (session.isNeighbour(v)) {
        if (!IdLists.contains(holders, v)) {
          throw new ProtocolViolation(
              AbortReason.INVALID_SURVIVOR_SET,
              "the survivor set includes neighbour " + v + ", whose shares this client never got");
        }
        aliveNeighbours++;
      }
    }
    if (aliveNeighbours < ctx.t()) {
      throw new ProtocolViolation(
          AbortReason.TOO_FEW_NEIGHBOURS,
          "only " + aliveNeighbours + " neighbours survived; the threshold is " + ctx.t());
    }
    byte[] signature =
        ctx.ed25519.sign(ctx.identity, Derivations.consistencyMessage(session.sessionId, survivors));
    return new Step(
        new R4Unmasking(session, holders, selfShares, keyShares, survivors),
        new ConsistencyCheckResponse(signature));
  }

  @Override
  void destroySecrets() {
    R2MaskedInputCollection.wipe(selfShares);
    R2MaskedInputCollection.wipe(keyShares);
  }
}
