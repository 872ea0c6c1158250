package io.secagg.core.protocol.server;

import io.secagg.core.crypto.SecretBytes;
import io.secagg.core.crypto.X25519KeyPair;
import io.secagg.core.protocol.AbortReason;
import io.secagg.core.protocol.AggregationResult;
import io.secagg.core.protocol.ClientMessage;
import io.secagg.core.protocol.RejectedShare;
import io.secagg.core.protocol.Round;
import io.secagg.core.protocol.SurvivorSignature;
import io.secagg.core.protocol.UnmaskingRequest;
import io.secagg.core.protocol.UnmaskingResponse;
import io.secagg.core.protocol.internal.Derivations;
import io.secagg.core.protocol.internal.ProtocolViolation;
import io.secagg.core.shamir.InvalidShareException;
import io.secagg.core.shamir.Share;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Round 4: the server collects shares of the self-mask seeds of U3 and of the masking keys of
 * the clients that shared keys but whose input is missing (U2 \ U3), then removes every mask.
 *
 * <p>Before asking, it checks that every secret it will need has at least t potential
 * responders, so no client reveals anything in a session that cannot complete. Per message:
 * one share per listed client, in order, each a well-formed share whose x is the responder.
 * At close: each needed secret must have t shares; each is reconstructed verifiably (see {@link
 * Reconstruction}): a self-mask seed must match its owner's round-1 commitment and a masking key
 * its advertised public key, lying shares are corrected when the redundancy allows (and their
 * senders recorded in the result), and the session aborts with {@code RECONSTRUCTION_MISMATCH}
 * otherwise; then the self masks of U3 and the pairwise masks between U3 and the dropped clients
 * are regenerated and removed (in parallel if the options allow), and the sum of exactly U3's
 * inputs remains.
 */
public final class R4Unmasking extends ServerState {
  private R4Unmasking(ServerContext ctx) {
    super(Round.UNMASKING);
    expect(ctx, c -> c.stage == ClientRecord.Stage.RESPONDER);
  }

  /** A survivor: its self-mask seed b_v is needed. */
  private static boolean inU3(ServerContext ctx, int v) {
    return ctx.client(v).stage.atLeast(ClientRecord.Stage.MASKED);
  }

  /** Shared keys but its masked input is missing: its masking key s_v^SK is needed. */
  private static boolean droppedAfterSharing(ServerContext ctx, int v) {
    return ctx.client(v).stage == ClientRecord.Stage.SHARED;
  }

  /**
   * Opens round 4 once the responders (stage {@link ClientRecord.Stage#RESPONDER}) are fixed:
   * checks recoverability, then asks every responder, relaying its neighbours' round-3
   * signatures in malicious mode.
   */
  static R4Unmasking open(ServerContext ctx) throws ProtocolViolation {
    for (int v = 1; v <= ctx.n; v++) {
      if (!inU3(ctx, v) && !droppedAfterSharing(ctx, v)) {
        continue;
      }
      int responders = ctx.countNeighboursAt(v, ClientRecord.Stage.RESPONDER);
      if (responders < ctx.t) {
        throw new ProtocolViolation(
            AbortReason.TOO_FEW_SURVIVORS,
            "client " + v + (inU3(ctx, v) ? "'s self-mask seed" : "'s masking key") + " would have only "
                + responders + " shares; the threshold is " + ctx.t);
      }
    }
    for (int u = 1; u <= ctx.n; u++) {
      ClientRecord c = ctx.client(u);
      if (c.stage != ClientRecord.Stage.RESPONDER) {
        continue;
      }
      int[] nb = ctx.neighbours(u);
      c.aliveNeighbours = Arrays.stream(nb).filter(v -> inU3(ctx, v)).toArray();
      c.droppedNeighbours = Arrays.stream(nb).filter(v -> droppedAfterSharing(ctx, v)).toArray();
      List<SurvivorSignature> sigs = new ArrayList<>();
      if (ctx.malicious()) {
        for (int v : nb) {
          if (ctx.client(v).stage == ClientRecord.Stage.RESPONDER) {
            sigs.add(new SurvivorSignature(v, ctx.client(v).survivorSignature));
          }
        }
      }
      ctx.send(u, new UnmaskingRequest(boxed(c.aliveNeighbours), boxed(c.droppedNeighbours), sigs));
    }
    return new R4Unmasking(ctx);
  }

  private static List<Integer> boxed(int[] ids) {
    List<Integer> list = new ArrayList<>(ids.length);
    for (int id : ids) {
      list.add(id);
    }
    return list;
  }

  @Override
  void accept(ServerContext ctx, int clientId, ClientMessage message) throws ProtocolViolation {
    UnmaskingResponse response =
        answer(ctx, clientId, message, UnmaskingResponse.class, "client sent its shares twice");
    ClientRecord c = ctx.client(clientId);
    int[] alive = c.aliveNeighbours;
    int[] dropped = c.droppedNeighbours;
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
    c.selfMaskShares = self;
    c.keyShares = key;
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
    List<List<Share>> selfFor = new ArrayList<>(ctx.n + 1);
    List<List<Share>> keyFor = new ArrayList<>(ctx.n + 1);
    for (int v = 0; v <= ctx.n; v++) {
      selfFor.add(new ArrayList<>());
      keyFor.add(new ArrayList<>());
    }
    for (int u = 1; u <= ctx.n; u++) {
      if (!answerKept(ctx, u)) {
        continue;
      }
      ClientRecord c = ctx.client(u);
      for (int i = 0; i < c.aliveNeighbours.length; i++) {
        selfFor.get(c.aliveNeighbours[i]).add(c.selfMaskShares[i]);
      }
      for (int i = 0; i < c.droppedNeighbours.length; i++) {
        keyFor.get(c.droppedNeighbours[i]).add(c.keyShares[i]);
      }
    }
    List<Integer> survivors = new ArrayList<>();
    List<Integer> droppedIds = new ArrayList<>();
    for (int v = 1; v <= ctx.n; v++) {
      boolean survivor = inU3(ctx, v);
      if (!survivor && !droppedAfterSharing(ctx, v)) {
        continue;
      }
      List<Share> shares = survivor ? selfFor.get(v) : keyFor.get(v);
      if (shares.size() < ctx.t) {
        throw new ProtocolViolation(
            AbortReason.INSUFFICIENT_SHARES,
            "client " + v + (survivor ? "'s self-mask seed" : "'s masking key") + " has "
                + shares.size() + " shares; the threshold is " + ctx.t);
      }
      (survivor ? survivors : droppedIds).add(v);
    }
    int[] kept = IntStream.rangeClosed(1, ctx.n).filter(u -> answerKept(ctx, u)).toArray();
    Reconstruction rec = new Reconstruction(ctx, kept);
    List<SecretBytes> secrets = new ArrayList<>();
    try {
      List<UnmaskTask> tasks = new ArrayList<>();
      for (int v : survivors) {
        byte[] commitment = ctx.client(v).selfMaskCommitment;
        SecretBytes seed =
            rec.recover(v, RejectedShare.SecretKind.SELF_MASK_SEED, selfFor.get(v),
                candidate -> MessageDigest.isEqual(
                    commitment, Derivations.selfMaskCommitment(ctx.sessionId, v, candidate)));
        secrets.add(seed);
        tasks.add(new UnmaskTask.SelfMask(v, seed));
      }
      for (int v : droppedIds) {
        SecretBytes key =
            rec.recover(v, RejectedShare.SecretKind.MASKING_KEY, keyFor.get(v),
                candidate -> matchesAdvertised(ctx, candidate, v));
        secrets.add(key);
        for (int u : ctx.neighbours(v)) {
          if (inU3(ctx, u)) {
            tasks.add(new UnmaskTask.PairwiseMask(u, v, key));
          }
        }
      }
      new Unmasker(ctx).unmask(tasks);
    } finally {
      for (SecretBytes s : secrets) {
        s.destroy();
      }
      ctx.forgetShares();
    }
    return new ServerCompleted(
        new AggregationResult(ctx.accumulator, survivors, ctx.dropouts(), rec.rejectedShares()));
  }

  /** True iff {@code privateKey} is the masking private key whose public key client v advertised. */
  private static boolean matchesAdvertised(ServerContext ctx, SecretBytes privateKey, int v) {
    try {
      X25519KeyPair pair = ctx.x25519.keyPairFromPrivateKey(privateKey);
      boolean same = MessageDigest.isEqual(pair.publicKey(), ctx.keys(v).maskingPublicKey());
      pair.destroy();
      return same;
    } catch (InvalidKeyException e) {
      return false;
    }
  }
}
