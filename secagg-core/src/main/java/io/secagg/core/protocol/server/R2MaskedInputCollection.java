package io.secagg.core.protocol.server;

import io.secagg.core.protocol.AbortReason;
import io.secagg.core.protocol.ClientMessage;
import io.secagg.core.protocol.ConsistencyCheckRequest;
import io.secagg.core.protocol.MaskedInput;
import io.secagg.core.protocol.Round;
import io.secagg.core.protocol.internal.ProtocolViolation;
import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.VectorEncodingException;
import java.util.ArrayList;
import java.util.List;

/**
 * Round 2: the server collects masked inputs and adds each one into its single accumulator as
 * it arrives, so its memory is O(L) whatever the number of clients.
 *
 * <p>Per message: exactly L elements of the packed encoding, each below m. A masked input, once
 * added, cannot be withdrawn: a client that breaks a rule after sending it stays in the sum
 * (its masks are then removed like any survivor's) but receives no further request. At close,
 * U3 is the set whose inputs are in the sum; the server continues with the consistency check
 * (malicious mode) or unmasking.
 */
public final class R2MaskedInputCollection extends ServerState {
  R2MaskedInputCollection(ServerContext ctx) {
    super(Round.MASKED_INPUT_COLLECTION);
    ctx.accumulator = ctx.newVector();
    expect(ctx, c -> c.stage == ClientRecord.Stage.SHARED);
  }

  @Override
  void accept(ServerContext ctx, int clientId, ClientMessage message) throws ProtocolViolation {
    MaskedInput input =
        answer(ctx, clientId, message, MaskedInput.class, "client sent its masked input twice");
    int expectedLength = ctx.config.encodedVectorLength();
    if (input.encodedLength() != expectedLength) {
      throw new ProtocolViolation(
          AbortReason.MALFORMED_MESSAGE,
          "masked input has " + input.encodedLength() + " bytes, expected " + expectedLength);
    }
    ModVector y;
    try {
      y = ModVector.decode(ctx.config.modulus(), ctx.config.vectorLength(), input.encodedVector());
    } catch (VectorEncodingException e) {
      throw new ProtocolViolation(AbortReason.MALFORMED_MESSAGE, "masked input has an element not below m");
    }
    ctx.vectorAllocated();
    ctx.accumulator.addInPlace(y);
    ctx.vectorReleased();
  }

  @Override
  boolean keepsContributionOf(ServerContext ctx, int clientId) {
    return hasAnswered(ctx, clientId);
  }

  @Override
  ServerState close(ServerContext ctx) throws ProtocolViolation {
    recordSilent(ctx);
    List<Integer> survivors = new ArrayList<>();
    for (int u = 1; u <= ctx.n; u++) {
      if (answerKept(ctx, u)) {
        ctx.client(u).stage = ClientRecord.Stage.MASKED;
        survivors.add(u);
      }
    }
    if (survivors.isEmpty()) {
      throw new ProtocolViolation(AbortReason.TOO_FEW_SURVIVORS, "no client sent its masked input");
    }
    for (int u : survivors) {
      if (ctx.client(u).gone != null && !ctx.isBanned(u)) {
        // Its input stands, but the next round will not ask it: that is where it left.
        ctx.dropDisconnected(u, ctx.malicious() ? Round.CONSISTENCY_CHECK : Round.UNMASKING);
      }
    }
    if (ctx.malicious()) {
      ConsistencyCheckRequest request = new ConsistencyCheckRequest(survivors);
      R3ConsistencyCheck next = new R3ConsistencyCheck(ctx, survivors);
      for (int u : survivors) {
        if (ctx.client(u).reachableSurvivor()) {
          ctx.send(u, request);
        }
      }
      return next;
    }
    // Semi-honest mode: every reachable survivor is asked to unmask.
    for (int u : survivors) {
      if (ctx.client(u).reachableSurvivor()) {
        ctx.client(u).stage = ClientRecord.Stage.RESPONDER;
      }
    }
    return R4Unmasking.open(ctx);
  }
}
