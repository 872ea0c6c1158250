package io.secagg.core.protocol.client;

import io.secagg.core.crypto.AesGcm;
import io.secagg.core.crypto.SecretBytes;
import io.secagg.core.protocol.AbortReason;
import io.secagg.core.protocol.EncryptedShares;
import io.secagg.core.protocol.MaskedInput;
import io.secagg.core.protocol.MaskedInputRequest;
import io.secagg.core.protocol.ServerMessage;
import io.secagg.core.protocol.internal.Derivations;
import io.secagg.core.protocol.internal.IdLists;
import io.secagg.core.protocol.internal.ProtocolViolation;
import io.secagg.core.shamir.InvalidShareException;
import io.secagg.core.shamir.Share;
import io.secagg.core.vector.ModVector;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;

/**
 * Round 2: waiting for the ciphertexts addressed to this client. On them, the client decrypts
 * and checks every share, then sends its masked input
 * {@code y_u = x_u + PRG(b_u) + sum over senders v of (+PRG(s_uv) if u < v, -PRG(s_uv) if u > v)}.
 *
 * <p>Checks, each aborting on failure: senders strictly ascending, each a neighbour that
 * advertised keys in round 1; every ciphertext of the exact expected length; at least t
 * senders; every ciphertext authenticates under the key and associated data of (session,
 * sender, this client, round 1); both shares decode and carry this client's id as x.
 */
public final class R2MaskedInputCollection extends ClientState {
  private static final int CIPHERTEXT_LENGTH = Derivations.SHARE_CIPHERTEXT_LENGTH;

  private final Session session;
  private final int[] liveNeighbours;
  private final SecretBytes[] inKeys;
  private final SecretBytes[] seeds;
  private final SecretBytes selfSeed;

  R2MaskedInputCollection(
      Session session, int[] liveNeighbours, SecretBytes[] inKeys, SecretBytes[] seeds, SecretBytes selfSeed) {
    this.session = session;
    this.liveNeighbours = liveNeighbours;
    this.inKeys = inKeys;
    this.seeds = seeds;
    this.selfSeed = selfSeed;
  }

  @Override
  Step handle(ClientContext ctx, ServerMessage message) throws ProtocolViolation {
    if (!(message instanceof MaskedInputRequest)) {
      return super.handle(ctx, message);
    }
    List<EncryptedShares> received = ((MaskedInputRequest) message).shares();
    int[] senders = new int[received.size()];
    for (int i = 0; i < senders.length; i++) {
      senders[i] = received.get(i).peerId();
    }
    IdLists.strictlyAscending(senders, ctx.n(), AbortReason.INVALID_SHARE_LIST, "the ciphertext list");
    int[] index = new int[senders.length];
    for (int i = 0; i < senders.length; i++) {
      int at = Arrays.binarySearch(liveNeighbours, senders[i]);
      if (at < 0) {
        throw new ProtocolViolation(
            AbortReason.INVALID_SHARE_LIST,
            "the ciphertext list names client " + senders[i]
                + ", which is not a neighbour that advertised keys");
      }
      index[i] = at;
      if (received.get(i).ciphertextLength() != CIPHERTEXT_LENGTH) {
        throw new ProtocolViolation(
            AbortReason.MALFORMED_MESSAGE,
            "the ciphertext from client " + senders[i] + " has " + received.get(i).ciphertextLength()
                + " bytes, expected " + CIPHERTEXT_LENGTH);
      }
    }
    if (senders.length < ctx.t()) {
      throw new ProtocolViolation(
          AbortReason.TOO_FEW_NEIGHBOURS,
          "only " + senders.length + " neighbours sent shares; the threshold is " + ctx.t());
    }

    byte[][] selfShares = new byte[senders.length][];
    byte[][] keyShares = new byte[senders.length][];
    boolean done = false;
    try {
      for (int i = 0; i < senders.length; i++) {
        int v = senders[i];
        byte[] plaintext = decrypt(ctx, received.get(i).ciphertext(), inKeys[index[i]], v);
        try {
          selfShares[i] = checkedShare(ctx, Arrays.copyOfRange(plaintext, 0, Share.ENCODED_LENGTH), v);
          keyShares[i] =
              checkedShare(ctx, Arrays.copyOfRange(plaintext, Share.ENCODED_LENGTH, plaintext.length), v);
        } finally {
          Arrays.fill(plaintext, (byte) 0);
        }
      }
      MaskedInput reply = new MaskedInput(maskedInput(ctx, senders, index));
      ClientState next =
          ctx.malicious()
              ? new R3ConsistencyCheck(session, senders, selfShares, keyShares)
              : new R4Unmasking(session, senders, selfShares, keyShares, null);
      done = true;
      return new Step(next, reply);
    } finally {
      destroySecrets();
      if (!done) {
        wipe(selfShares);
        wipe(keyShares);
      }
    }
  }

  private byte[] maskedInput(ClientContext ctx, int[] senders, int[] index) {
    ModVector y = ctx.input;
    ctx.input = null;
    byte[] sessionId = session.sessionId;
    ctx.masking.addSelfMask(y, selfSeed, sessionId, ctx.clientId);
    for (int i = 0; i < senders.length; i++) {
      ctx.masking.applyPairwiseMaskAsClient(y, seeds[index[i]], sessionId, ctx.clientId, senders[i]);
    }
    return y.encode();
  }

  private byte[] decrypt(ClientContext ctx, byte[] ciphertext, SecretBytes key, int sender)
      throws ProtocolViolation {
    try {
      return AesGcm.create(key, ctx.random)
          .decrypt(ciphertext, Derivations.shareAssociatedData(session.sessionId, sender, ctx.clientId));
    } catch (GeneralSecurityException e) {
      throw new ProtocolViolation(
          AbortReason.SHARE_DECRYPTION_FAILED,
          "the ciphertext from client " + sender + " does not authenticate for this client and session");
    }
  }

  private static byte[] checkedShare(ClientContext ctx, byte[] encoded, int sender) throws ProtocolViolation {
    try {
      Share share = Share.decode(encoded);
      if (share.x() != ctx.clientId) {
        throw new ProtocolViolation(
            AbortReason.INVALID_SHARE,
            "client " + sender + " sent a share for x=" + share.x() + ", not for this client");
      }
      return encoded;
    } catch (InvalidShareException e) {
      throw new ProtocolViolation(
          AbortReason.INVALID_SHARE, "client " + sender + " sent a malformed share");
    }
  }

  static void wipe(byte[][] arrays) {
    for (byte[] a : arrays) {
      if (a != null) {
        Arrays.fill(a, (byte) 0);
      }
    }
  }

  @Override
  void destroySecrets() {
    for (SecretBytes k : inKeys) {
      k.destroy();
    }
    for (SecretBytes s : seeds) {
      s.destroy();
    }
    selfSeed.destroy();
  }
}
