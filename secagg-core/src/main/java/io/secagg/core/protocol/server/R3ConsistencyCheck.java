package io.secagg.core.protocol.server;

import io.secagg.core.protocol.AbortReason;
import io.secagg.core.protocol.ClientMessage;
import io.secagg.core.protocol.ConsistencyCheckResponse;
import io.secagg.core.protocol.Dropout;
import io.secagg.core.protocol.Round;
import io.secagg.core.protocol.internal.Derivations;
import io.secagg.core.protocol.internal.ProtocolViolation;
import java.security.GeneralSecurityException;
import java.util.List;

/**
 * Round 3 (malicious mode only): the server has sent U3 to its members and collects their
 * signatures over it.
 *
 * <p>Per message: a 64-byte signature, valid under the client's identity key over the
 * consistency-check message of U3. At close: the signers, reduced until each has at least t
 * signing neighbours (every client checks that many signatures before it reveals a share), are
 * asked to unmask, each receiving its neighbours' signatures.
 */
public final class R3ConsistencyCheck extends ServerState {
  private final byte[] signedMessage;

  /** Expects a signature over {@code survivors} (U3, ascending) from every reachable member. */
  R3ConsistencyCheck(ServerContext ctx, List<Integer> survivors) {
    super(Round.CONSISTENCY_CHECK);
    this.signedMessage =
        Derivations.consistencyMessage(
            ctx.sessionId, survivors.stream().mapToInt(Integer::intValue).toArray());
    expect(ctx, ClientRecord::reachableSurvivor);
  }

  @Override
  void accept(ServerContext ctx, int clientId, ClientMessage message) throws ProtocolViolation {
    byte[] signature =
        answer(ctx, clientId, message, ConsistencyCheckResponse.class, "client signed twice").signature();
    if (signature.length != Derivations.SIGNATURE_LENGTH) {
      throw new ProtocolViolation(
          AbortReason.MALFORMED_MESSAGE, "signature has " + signature.length + " bytes");
    }
    try {
      ctx.ed25519.verify(ctx.config.identityKey(clientId), signedMessage, signature);
    } catch (GeneralSecurityException e) {
      throw new ProtocolViolation(AbortReason.INVALID_SIGNATURE, "survivor-set signature is invalid");
    }
    ctx.client(clientId).survivorSignature = signature;
  }

  @Override
  ServerState close(ServerContext ctx) throws ProtocolViolation {
    recordSilent(ctx);
    for (int u = 1; u <= ctx.n; u++) {
      if (answerKept(ctx, u)) {
        if (ctx.client(u).gone != null) {
          // A signer the transport has since reported gone will not unmask: do not count on it.
          ctx.dropDisconnected(u, Round.UNMASKING);
        } else {
          ctx.client(u).stage = ClientRecord.Stage.RESPONDER;
        }
      }
    }
    for (int u : ctx.peel(ClientRecord.Stage.RESPONDER)) {
      ctx.drop(u, Round.UNMASKING, Dropout.Cause.TOO_FEW_NEIGHBOURS, null);
      ctx.sendAbortNotice(u, AbortReason.TOO_FEW_NEIGHBOURS);
    }
    return R4Unmasking.open(ctx);
  }
}
