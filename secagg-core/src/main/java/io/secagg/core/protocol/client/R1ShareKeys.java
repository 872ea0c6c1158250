package io.secagg.core.protocol.client;

import io.secagg.core.crypto.AesGcm;
import io.secagg.core.crypto.SecretBytes;
import io.secagg.core.crypto.X25519KeyPair;
import io.secagg.core.graph.MaskingGraph;
import io.secagg.core.protocol.AbortReason;
import io.secagg.core.protocol.AdvertisedKeys;
import io.secagg.core.protocol.EncryptedShares;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.protocol.ServerMessage;
import io.secagg.core.protocol.ShareKeys;
import io.secagg.core.protocol.ShareKeysRequest;
import io.secagg.core.protocol.internal.Derivations;
import io.secagg.core.protocol.internal.ProtocolViolation;
import io.secagg.core.shamir.Share;
import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.security.SignatureException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Round 1: waiting for the relayed key list. On it, the client checks the list, derives the
 * session id and its neighbours, and sends each neighbour that advertised keys its Shamir shares
 * of b_u and s_u^SK, AEAD-encrypted to that neighbour with associated data binding the session,
 * sender, receiver and round, together with its commitment to b_u for the server.
 *
 * <p>Checks, each aborting on failure: ids strictly ascending in 1..n; every key 32 bytes and
 * every signature of the mode's length; this client's own keys present and unaltered; all
 * advertised public keys pairwise distinct; at least t neighbours advertised keys; in malicious
 * mode, every such neighbour's signature verifies under its identity key; no key agreement with
 * a neighbour yields the all-zero secret.
 */
public final class R1ShareKeys extends ClientState {
  private final byte[] nonce;
  private final X25519KeyPair encryption;
  private final X25519KeyPair masking;
  private final SecretBytes selfSeed;

  R1ShareKeys(byte[] nonce, X25519KeyPair encryption, X25519KeyPair masking, SecretBytes selfSeed) {
    this.nonce = nonce;
    this.encryption = encryption;
    this.masking = masking;
    this.selfSeed = selfSeed;
  }

  @Override
  Step handle(ClientContext ctx, ServerMessage message) throws ProtocolViolation {
    if (!(message instanceof ShareKeysRequest)) {
      return super.handle(ctx, message);
    }
    List<AdvertisedKeys> keys = ((ShareKeysRequest) message).keys();
    checkKeyList(ctx, keys);
    byte[] sessionId = Derivations.sessionId(ctx.configDigest, nonce, keys);
    MaskingGraph graph = Derivations.graph(ctx.config, sessionId);
    Session session = new Session(sessionId, graph.neighbours(ctx.clientId));

    List<AdvertisedKeys> live = new ArrayList<>();
    for (AdvertisedKeys k : keys) {
      if (session.isNeighbour(k.clientId())) {
        live.add(k);
      }
    }
    if (live.size() < ctx.t()) {
      throw new ProtocolViolation(
          AbortReason.TOO_FEW_NEIGHBOURS,
          "only " + live.size() + " neighbours advertised keys; the threshold is " + ctx.t());
    }
    if (ctx.malicious()) {
      for (AdvertisedKeys k : live) {
        verifyAdvertisement(ctx, k);
      }
    }

    int count = live.size();
    int[] liveIds = new int[count];
    SecretBytes[] outKeys = new SecretBytes[count];
    SecretBytes[] inKeys = new SecretBytes[count];
    SecretBytes[] seeds = new SecretBytes[count];
    boolean done = false;
    try {
      for (int i = 0; i < count; i++) {
        AdvertisedKeys k = live.get(i);
        int v = k.clientId();
        liveIds[i] = v;
        SecretBytes channel = agree(ctx, encryption.privateKey(), k.encryptionPublicKey(), v);
        try {
          outKeys[i] = Derivations.shareKey(channel, sessionId, ctx.clientId, v);
          inKeys[i] = Derivations.shareKey(channel, sessionId, v, ctx.clientId);
        } finally {
          channel.destroy();
        }
        SecretBytes pairSecret = agree(ctx, masking.privateKey(), k.maskingPublicKey(), v);
        try {
          seeds[i] = Derivations.pairwiseSeed(pairSecret, sessionId, ctx.clientId, v);
        } finally {
          pairSecret.destroy();
        }
      }
      List<EncryptedShares> out = encryptShares(ctx, sessionId, liveIds, outKeys);
      R2MaskedInputCollection next = new R2MaskedInputCollection(session, liveIds, inKeys, seeds, selfSeed);
      done = true;
      byte[] commitment = Derivations.selfMaskCommitment(sessionId, ctx.clientId, selfSeed);
      return new Step(next, new ShareKeys(out, commitment));
    } finally {
      destroyAll(outKeys);
      encryption.destroy();
      masking.destroy();
      if (!done) {
        destroyAll(inKeys);
        destroyAll(seeds);
      }
    }
  }

  private List<EncryptedShares> encryptShares(
      ClientContext ctx, byte[] sessionId, int[] liveIds, SecretBytes[] outKeys) throws ProtocolViolation {
    List<Share> selfShares = ctx.shamir.split(selfSeed, ctx.random);
    List<Share> keyShares = ctx.shamir.split(masking.privateKey(), ctx.random);
    List<EncryptedShares> out = new ArrayList<>(liveIds.length);
    for (int i = 0; i < liveIds.length; i++) {
      int v = liveIds[i];
      byte[] plaintext = sharePlaintext(selfShares.get(v - 1), keyShares.get(v - 1));
      try {
        byte[] ciphertext =
            AesGcm.create(outKeys[i], ctx.random)
                .encrypt(plaintext, Derivations.shareAssociatedData(sessionId, ctx.clientId, v));
        out.add(new EncryptedShares(v, ciphertext));
      } catch (InvalidKeyException e) {
        throw new IllegalStateException("derived share key rejected", e);
      } finally {
        Arrays.fill(plaintext, (byte) 0);
      }
    }
    return out;
  }

  /** The share plaintext: the share of b_u, then the share of s_u^SK, each in Share encoding. */
  static byte[] sharePlaintext(Share self, Share key) {
    byte[] a = self.encode();
    byte[] b = key.encode();
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    Arrays.fill(a, (byte) 0);
    Arrays.fill(b, (byte) 0);
    return out;
  }

  private static SecretBytes agree(ClientContext ctx, SecretBytes mine, byte[] theirs, int v)
      throws ProtocolViolation {
    try {
      return ctx.x25519.agree(mine, theirs);
    } catch (InvalidKeyException e) {
      throw new ProtocolViolation(
          AbortReason.KEY_AGREEMENT_FAILED, "key agreement with client " + v + " failed");
    }
  }

  private void checkKeyList(ClientContext ctx, List<AdvertisedKeys> keys) throws ProtocolViolation {
    SecAggConfig config = ctx.config;
    int n = config.clientCount();
    if (keys.size() > n) {
      throw new ProtocolViolation(
          AbortReason.INVALID_KEY_LIST, "key list has " + keys.size() + " entries for " + n + " clients");
    }
    int expectedSignature = ctx.malicious() ? SIGNATURE_LENGTH : 0;
    Set<ByteBuffer> seen = new HashSet<>();
    int previous = 0;
    boolean foundSelf = false;
    for (AdvertisedKeys k : keys) {
      int id = k.clientId();
      if (id < 1 || id > n) {
        throw new ProtocolViolation(
            AbortReason.INVALID_KEY_LIST, "key list names client " + id + " outside 1.." + n);
      }
      if (id <= previous) {
        throw new ProtocolViolation(
            AbortReason.INVALID_KEY_LIST,
            id == previous ? "key list names client " + id + " twice" : "key list is not ascending");
      }
      previous = id;
      byte[] c = k.encryptionPublicKey();
      byte[] s = k.maskingPublicKey();
      if (c.length != KEY_LENGTH || s.length != KEY_LENGTH) {
        throw new ProtocolViolation(
            AbortReason.MALFORMED_MESSAGE, "client " + id + " has a public key of the wrong length");
      }
      if (k.signature().length != expectedSignature) {
        throw new ProtocolViolation(
            AbortReason.MALFORMED_MESSAGE,
            "client " + id + " has a signature of " + k.signature().length + " bytes, expected "
                + expectedSignature);
      }
      if (!seen.add(ByteBuffer.wrap(c)) || !seen.add(ByteBuffer.wrap(s))) {
        throw new ProtocolViolation(
            AbortReason.INVALID_KEY_LIST, "client " + id + " reuses a public key already in the list");
      }
      if (id == ctx.clientId) {
        foundSelf = true;
        if (!Arrays.equals(c, encryption.publicKey()) || !Arrays.equals(s, masking.publicKey())) {
          throw new ProtocolViolation(
              AbortReason.INVALID_KEY_LIST, "the key list misquotes this client's own keys");
        }
      }
    }
    if (!foundSelf) {
      throw new ProtocolViolation(AbortReason.INVALID_KEY_LIST, "the key list omits this client");
    }
  }

  private void verifyAdvertisement(ClientContext ctx, AdvertisedKeys k) throws ProtocolViolation {
    int v = k.clientId();
    byte[] signed =
        Derivations.advertiseKeysMessage(
            ctx.configDigest, nonce, v, k.encryptionPublicKey(), k.maskingPublicKey());
    try {
      ctx.ed25519.verify(ctx.config.identityKey(v), signed, k.signature());
    } catch (SignatureException e) {
      throw new ProtocolViolation(
          AbortReason.INVALID_SIGNATURE, "client " + v + "'s key advertisement signature is invalid");
    }
  }

  private static void destroyAll(SecretBytes[] secrets) {
    for (SecretBytes s : secrets) {
      if (s != null) {
        s.destroy();
      }
    }
  }

  @Override
  void destroySecrets() {
    encryption.destroy();
    masking.destroy();
    selfSeed.destroy();
  }

  private static final int KEY_LENGTH = Derivations.PUBLIC_KEY_LENGTH;
  private static final int SIGNATURE_LENGTH = Derivations.SIGNATURE_LENGTH;
}
