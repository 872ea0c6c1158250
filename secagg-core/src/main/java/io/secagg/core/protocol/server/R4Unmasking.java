package io.secagg.core.protocol.server;

import io.secagg.core.crypto.SecretBytes;
import io.secagg.core.crypto.X25519KeyPair;
import io.secagg.core.protocol.AbortReason;
import io.secagg.core.protocol.AggregationResult;
import io.secagg.core.protocol.ClientMessage;
import io.secagg.core.protocol.Round;
import io.secagg.core.protocol.SurvivorSignature;
import io.secagg.core.protocol.UnmaskingRequest;
import io.secagg.core.protocol.UnmaskingResponse;
import io.secagg.core.protocol.internal.ProtocolViolation;
import io.secagg.core.shamir.InvalidShareException;
import io.secagg.core.shamir.Share;
import java.security.InvalidKeyException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Round 4: the server collects shares of the self-mask seeds of U3 and of the masking keys of
 * the clients that shared keys but whose input is missing (U2 \ U3), then removes every mask.
 *
 * <p>Before asking, it checks that every secret it will need has at least t potential
 * responders, so no client reveals anything in a session that cannot complete. Per message:
 * one share per listed client, in order, each a well-formed share whose x is the responder.
 * At close: each needed secret must have t shares; each recovered masking key must match its
 * advertised public key; then the self masks of U3 and the pairwise masks between U3 and the
 * dropped clients are regenerated and removed (in parallel if the options allow), and the sum
 * of exactly U3's inputs remains.
 */
public final class R4Unmasking extends ServerState {
  private final boolean[] inU3;
  private final boolean[] droppedAfterSharing;
  private final int[][] aliveLists;
  private final int[][] droppedLists;
  private final Share[][] selfShares;
  private final Share[][] keyShares;

  private R4Unmasking(
      ServerContext ctx, boolean[] inU3, boolean[] droppedAfterSharing, int[][] aliveLists,
      int[][] droppedLists, boolean[] responders) {
    this.inU3 = inU3;
    this.droppedAfterSharing = droppedAfterSharing;
    this.aliveLists = aliveLists;
    this.droppedLists = droppedLists;
    this.selfShares = new Share[ctx.n + 1][];
    this.keyShares = new Share[ctx.n + 1][];
    expect(responders, ctx.n);
  }

  /**
   * Opens round 4: checks recoverability, then asks every responder.
   *
   * @param signatures malicious mode: the round-3 signatures by client (null in semi-honest)
   */
  static R4Unmasking open(
      ServerContext ctx, boolean[] inU2, boolean[] inU3, boolean[] responders, byte[][] signatures)
      throws ProtocolViolation {
    boolean[] dropped = new boolean[ctx.n + 1];
    for (int v = 1; v <= ctx.n; v++) {
      dropped[v] = inU2[v] && !inU3[v];
    }
    for (int v = 1; v <= ctx.n; v++) {
      if ((inU3[v] || dropped[v]) && ctx.countIn(v, responders) < ctx.t) {
        throw new ProtocolViolation(
            AbortReason.TOO_FEW_SURVIVORS,
            "client " + v + (inU3[v] ? "'s self-mask seed" : "'s masking key") + " would have only "
                + ctx.countIn(v, responders) + " shares; the threshold is " + ctx.t);
      }
    }
    int[][] aliveLists = new int[ctx.n + 1][];
    int[][] droppedLists = new int[ctx.n + 1][];
    for (int u = 1; u <= ctx.n; u++) {
      if (!responders[u]) {
        continue;
      }
      int[] nb = ctx.neighbours(u);
      aliveLists[u] = Arrays.stream(nb).filter(v -> inU3[v]).toArray();
      droppedLists[u] = Arrays.stream(nb).filter(v -> dropped[v]).toArray();
      List<SurvivorSignature> sigs = new ArrayList<>();
      if (signatures != null) {
        for (int v : nb) {
          if (responders[v]) {
            sigs.add(new SurvivorSignature(v, signatures[v]));
          }
        }
      }
      ctx.send(u, new UnmaskingRequest(boxed(aliveLists[u]), boxed(droppedLists[u]), sigs));
    }
    return new R4Unmasking(ctx, inU3, dropped, aliveLists, droppedLists, responders);
  }

  private static List<Integer> boxed(int[] ids) {
    List<Integer> list = new ArrayList<>(ids.length);
    for (int id : ids) {
      list.add(id);
    }
    return list;
  }

  @Override
  public Round round() {
    return Round.UNMASKING;
  }

  @Override
  void accept(ServerContext ctx, int clientId, ClientMessage message) throws ProtocolViolation {
    if (!(message instanceof UnmaskingResponse)) {
      super.accept(ctx, clientId, message);
    }
    if (answered[clientId]) {
      throw new ProtocolViolation(AbortReason.UNEXPECTED_MESSAGE, "client sent its shares twice");
    }
    UnmaskingResponse response = (UnmaskingResponse) message;
    int[] alive = aliveLists[clientId];
    int[] dropped = droppedLists[clientId];
    if (response.selfMaskShareCount() != alive.length || response.keyShareCount() != dropped.length) {
      throw new ProtocolViolation(
          AbortReason.MALFORMED_MESSAGE,
          "expected " + alive.length + " self-mask and " + dropped.length + " key shares, got "
              + response.selfMaskShareCount() + " and " + response.keyShareCount());
    }
    Share[] self = new Share[alive.length];
    for (int i = 0; i < alive.length; i++) {
      self[i] = checkedShare(response.selfMaskShare(i), clientId);
    }
    Share[] key = new Share[dropped.length];
    for (int i = 0; i < dropped.length; i++) {
      key[i] = checkedShare(response.keyShare(i), clientId);
    }
    selfShares[clientId] = self;
    keyShares[clientId] = key;
  }

  private static Share checkedShare(byte[] encoded, int responder) throws ProtocolViolation {
    try {
      Share share = Share.decode(encoded);
      if (share.x() != responder) {
        throw new ProtocolViolation(
            AbortReason.INVALID_SHARE, "share has x=" + share.x() + ", expected the responder's id");
      }
      return share;
    } catch (InvalidShareException e) {
      throw new ProtocolViolation(AbortReason.INVALID_SHARE, "share is malformed");
    }
  }

  @Override
  ServerState close(ServerContext ctx) throws ProtocolViolation {
    recordSilent(ctx);
    boolean[] kept = keptAnswers(ctx);
    List<List<Share>> selfFor = new ArrayList<>(ctx.n + 1);
    List<List<Share>> keyFor = new ArrayList<>(ctx.n + 1);
    for (int v = 0; v <= ctx.n; v++) {
      selfFor.add(new ArrayList<>());
      keyFor.add(new ArrayList<>());
    }
    for (int u = 1; u <= ctx.n; u++) {
      if (!kept[u]) {
        continue;
      }
      for (int i = 0; i < aliveLists[u].length; i++) {
        selfFor.get(aliveLists[u][i]).add(selfShares[u][i]);
      }
      for (int i = 0; i < droppedLists[u].length; i++) {
        keyFor.get(droppedLists[u][i]).add(keyShares[u][i]);
      }
    }
    List<Integer> survivors = new ArrayList<>();
    List<Integer> droppedIds = new ArrayList<>();
    for (int v = 1; v <= ctx.n; v++) {
      List<Share> shares = inU3[v] ? selfFor.get(v) : droppedAfterSharing[v] ? keyFor.get(v) : null;
      if (shares == null) {
        continue;
      }
      if (shares.size() < ctx.t) {
        throw new ProtocolViolation(
            AbortReason.INSUFFICIENT_SHARES,
            "client " + v + (inU3[v] ? "'s self-mask seed" : "'s masking key") + " has "
                + shares.size() + " shares; the threshold is " + ctx.t);
      }
      (inU3[v] ? survivors : droppedIds).add(v);
    }
    Reconstruction rec = new Reconstruction(ctx);
    SecretBytes[] selfSeeds = new SecretBytes[survivors.size()];
    SecretBytes[] maskingKeys = new SecretBytes[droppedIds.size()];
    try {
      for (int i = 0; i < selfSeeds.length; i++) {
        selfSeeds[i] = rec.reconstruct(selfFor.get(survivors.get(i)), survivors.get(i));
      }
      for (int i = 0; i < maskingKeys.length; i++) {
        int v = droppedIds.get(i);
        maskingKeys[i] = rec.reconstruct(keyFor.get(v), v);
        checkMatchesAdvertised(ctx, maskingKeys[i], v);
      }
      new Unmasker(ctx).unmask(survivors, selfSeeds, droppedIds, maskingKeys, inU3);
    } finally {
      for (SecretBytes s : selfSeeds) {
        if (s != null) {
          s.destroy();
        }
      }
      for (SecretBytes s : maskingKeys) {
        if (s != null) {
          s.destroy();
        }
      }
    }
    return new Completed(new AggregationResult(ctx.accumulator, survivors, ctx.dropouts()));
  }

  private static void checkMatchesAdvertised(ServerContext ctx, SecretBytes privateKey, int v)
      throws ProtocolViolation {
    try {
      X25519KeyPair pair = ctx.x25519.keyPairFromPrivateKey(privateKey);
      boolean same = Arrays.equals(pair.publicKey(), ctx.keys[v].maskingPublicKey());
      pair.destroy();
      if (!same) {
        throw new ProtocolViolation(
            AbortReason.RECONSTRUCTION_MISMATCH,
            "the masking key recovered for client " + v + " does not match its public key");
      }
    } catch (InvalidKeyException e) {
      throw new ProtocolViolation(
          AbortReason.RECONSTRUCTION_MISMATCH, "the masking key recovered for client " + v + " is invalid");
    }
  }
}
