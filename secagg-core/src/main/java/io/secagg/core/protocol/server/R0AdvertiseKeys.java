package io.secagg.core.protocol.server;

import io.secagg.core.crypto.SecretBytes;
import io.secagg.core.protocol.AbortReason;
import io.secagg.core.protocol.AdvertiseKeys;
import io.secagg.core.protocol.AdvertisedKeys;
import io.secagg.core.protocol.ClientMessage;
import io.secagg.core.protocol.Dropout;
import io.secagg.core.protocol.Round;
import io.secagg.core.protocol.ShareKeysRequest;
import io.secagg.core.protocol.internal.Derivations;
import io.secagg.core.protocol.internal.ProtocolViolation;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Round 0: the server has broadcast its nonce and collects every client's two public keys.
 *
 * <p>Per message: both keys 32 bytes and not of small order; the signature of the mode's length
 * and, in malicious mode, valid under the client's identity key. At close: every client whose
 * public key was advertised more than once (by another client or as its own other key) is
 * excluded, so a copier can never get only the owner excluded; the accepted keys, U1, are
 * relayed to all of U1, and the session id and masking graph follow from them. Clients with
 * fewer than t neighbours in U1 will abort by the client rules and are not expected further.
 */
public final class R0AdvertiseKeys extends ServerState {
  // Any fixed scalar detects small-order points: clamping makes it a multiple of the cofactor.
  private static final SecretBytes PROBE_SCALAR = SecretBytes.copyOf(filled(32, (byte) 0x5a));

  R0AdvertiseKeys(ServerContext ctx) {
    super(Round.ADVERTISE_KEYS);
    expect(ctx, c -> true);
  }

  private static byte[] filled(int length, byte value) {
    byte[] b = new byte[length];
    Arrays.fill(b, value);
    return b;
  }

  @Override
  void accept(ServerContext ctx, int clientId, ClientMessage message) throws ProtocolViolation {
    AdvertiseKeys keys =
        answer(ctx, clientId, message, AdvertiseKeys.class, "client sent its keys twice");
    byte[] c = keys.encryptionPublicKey();
    byte[] s = keys.maskingPublicKey();
    if (c.length != Derivations.PUBLIC_KEY_LENGTH || s.length != Derivations.PUBLIC_KEY_LENGTH) {
      throw new ProtocolViolation(AbortReason.MALFORMED_MESSAGE, "a public key has the wrong length");
    }
    int expectedSignature = ctx.malicious() ? Derivations.SIGNATURE_LENGTH : 0;
    byte[] signature = keys.signature();
    if (signature.length != expectedSignature) {
      throw new ProtocolViolation(
          AbortReason.MALFORMED_MESSAGE,
          "signature has " + signature.length + " bytes, expected " + expectedSignature);
    }
    if (isSmallOrder(ctx, c) || isSmallOrder(ctx, s)) {
      throw new ProtocolViolation(AbortReason.INVALID_KEY_LIST, "a public key has small order");
    }
    if (ctx.malicious()) {
      byte[] signed = Derivations.advertiseKeysMessage(ctx.configDigest, ctx.nonce, clientId, c, s);
      try {
        ctx.ed25519.verify(ctx.config.identityKey(clientId), signed, signature);
      } catch (GeneralSecurityException e) {
        throw new ProtocolViolation(AbortReason.INVALID_SIGNATURE, "key advertisement signature is invalid");
      }
    }
    ctx.client(clientId).advertisement = keys;
  }

  private static boolean isSmallOrder(ServerContext ctx, byte[] publicKey) {
    try {
      ctx.x25519.agree(PROBE_SCALAR, publicKey).destroy();
      return false;
    } catch (InvalidKeyException e) {
      return true;
    }
  }

  @Override
  ServerState close(ServerContext ctx) throws ProtocolViolation {
    recordSilent(ctx);
    // A public key advertised more than once excludes every client that advertised it, whatever
    // the order: the server cannot tell the owner from a copier (copying a public key needs no
    // private key), and a rule that favoured one of them (say, the lower id) would let a copier
    // get an honest client excluded.
    Map<ByteBuffer, Integer> uses = new HashMap<>();
    for (int id = 1; id <= ctx.n; id++) {
      if (answerKept(ctx, id)) {
        AdvertiseKeys k = ctx.client(id).advertisement;
        uses.merge(ByteBuffer.wrap(k.encryptionPublicKey()), 1, Integer::sum);
        uses.merge(ByteBuffer.wrap(k.maskingPublicKey()), 1, Integer::sum);
      }
    }
    List<AdvertisedKeys> list = new ArrayList<>();
    for (int id = 1; id <= ctx.n; id++) {
      ClientRecord c = ctx.client(id);
      AdvertiseKeys k = c.advertisement;
      c.advertisement = null;
      if (!answerKept(ctx, id)) {
        continue;
      }
      if (uses.get(ByteBuffer.wrap(k.encryptionPublicKey())) > 1
          || uses.get(ByteBuffer.wrap(k.maskingPublicKey())) > 1) {
        ctx.ban(id, round(), AbortReason.INVALID_KEY_LIST);
        continue;
      }
      c.keys = AdvertisedKeys.of(id, k);
      c.stage = ClientRecord.Stage.ADVERTISED;
      list.add(c.keys);
    }
    if (list.isEmpty()) {
      throw new ProtocolViolation(AbortReason.TOO_FEW_SURVIVORS, "no client advertised keys");
    }
    ctx.sessionId = Derivations.sessionId(ctx.configDigest, ctx.nonce, list);
    ctx.graph = Derivations.graph(ctx.config, ctx.sessionId);
    int viableCount = 0;
    for (AdvertisedKeys k : list) {
      int u = k.clientId();
      if (ctx.countNeighboursAt(u, ClientRecord.Stage.ADVERTISED) >= ctx.t) {
        viableCount++;
      } else {
        ctx.drop(u, Round.SHARE_KEYS, Dropout.Cause.TOO_FEW_NEIGHBOURS, null);
      }
    }
    if (viableCount == 0) {
      throw new ProtocolViolation(
          AbortReason.TOO_FEW_SURVIVORS,
          "no client has " + ctx.t + " neighbours among the " + list.size() + " that advertised keys");
    }
    // Every member of U1 gets the list: one without enough neighbours sees it and aborts itself.
    ShareKeysRequest request = new ShareKeysRequest(list);
    for (AdvertisedKeys k : list) {
      ctx.send(k.clientId(), request);
    }
    return new R1ShareKeys(ctx);
  }
}
