package io.secagg.core.protocol.internal;

import io.secagg.core.crypto.Hkdf;
import io.secagg.core.crypto.KdfLabel;
import io.secagg.core.crypto.SecretBytes;
import io.secagg.core.graph.GraphKind;
import io.secagg.core.graph.MaskingGraph;
import io.secagg.core.protocol.AdvertisedKeys;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.protocol.SecurityMode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Every byte-level derivation of the protocol, exactly as {@code spec/secagg.md, section 5}
 * states them. Both machines call only these, so client and server cannot drift apart.
 *
 * <p>Integers are unsigned big-endian; {@code u32(x)} is 4 bytes, {@code u64(x)} 8 bytes.
 */
public final class Derivations {
  /** Length of the session id, the server nonce, seeds and X25519 keys. */
  public static final int SESSION_ID_LENGTH = 32;
  /** Length of the server nonce. */
  public static final int NONCE_LENGTH = 32;
  /** Length of the share-encryption key (AES-128-GCM). */
  public static final int SHARE_KEY_LENGTH = 16;
  /** Length of a pairwise-mask seed. */
  public static final int SEED_LENGTH = 32;
  /** The protocol version carried by every frame and bound into the configuration digest. */
  public static final int PROTOCOL_VERSION = 1;
  /** Length of a share ciphertext: nonce, two encoded Shamir shares, tag. */
  public static final int SHARE_CIPHERTEXT_LENGTH =
      2 * io.secagg.core.shamir.Share.ENCODED_LENGTH + io.secagg.core.crypto.AesGcm.OVERHEAD;
  /** Length of an Ed25519 signature. */
  public static final int SIGNATURE_LENGTH = 64;
  /** Length of an X25519 public key. */
  public static final int PUBLIC_KEY_LENGTH = 32;
  /** The round number bound into the share associated data (shares travel in round 1). */
  public static final int SHARE_ROUND = 1;

  /** HKDF label of the configuration digest. */
  public static final KdfLabel CONFIG_DIGEST = KdfLabel.CONFIG_DIGEST;
  /** HKDF label of the masking-graph seed. */
  public static final KdfLabel GRAPH_SEED = KdfLabel.GRAPH_SEED;

  private static final byte[] ADVERTISE_KEYS_PREFIX = prefix("secagg/v1 advertise-keys");
  private static final byte[] CONSISTENCY_PREFIX = prefix("secagg/v1 consistency-check");
  private static final byte[] SHARE_AD_PREFIX = prefix("secagg/v1 share-ad");
  private static final byte[] EMPTY = new byte[0];

  private Derivations() {}

  private static byte[] prefix(String label) {
    byte[] l = label.getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[l.length + 1];
    System.arraycopy(l, 0, out, 0, l.length);
    return out;
  }

  /**
   * The canonical configuration encoding:
   * {@code u8(version) || u32(n) || u32(t) || u32(L) || u64(m - 1) || u8(graph) || u32(k) ||
   * u8(mode) || u32(|context|) || context || [malicious: identityKey_1 || ... || identityKey_n]}.
   */
  public static byte[] configEncoding(SecAggConfig config) {
    Writer w = new Writer();
    w.u8(PROTOCOL_VERSION);
    w.u32(config.clientCount());
    w.u32(config.threshold());
    w.u32(config.vectorLength());
    w.u64(config.modulus().maxElement());
    w.u8(config.graphKind() == GraphKind.COMPLETE ? 0 : 1);
    w.u32(config.degree());
    w.u8(config.securityMode().code());
    byte[] context = config.context();
    w.u32(context.length);
    w.bytes(context);
    if (config.securityMode() == SecurityMode.MALICIOUS) {
      for (int id = 1; id <= config.clientCount(); id++) {
        w.bytes(config.identityKey(id));
      }
    }
    return w.toByteArray();
  }

  /** {@code HKDF(ikm = configEncoding, salt = empty, "secagg/v1 config-digest", empty, 32)}. */
  public static byte[] configDigest(SecAggConfig config) {
    return Hkdf.derive(configEncoding(config), EMPTY, CONFIG_DIGEST, EMPTY, SESSION_ID_LENGTH);
  }

  /**
   * The session id: {@code HKDF(ikm = configDigest || nonce || u32(|U1|) || for each client v of
   * U1 ascending: u32(v) || c_v^PK || s_v^PK, salt = empty, "secagg/v1 session-id", empty, 32)}.
   * Signatures are not part of it: each one is bound to the keys it signs.
   *
   * @param keys the relayed advertisements, already checked to be ascending and well-formed
   */
  public static byte[] sessionId(byte[] configDigest, byte[] nonce, List<AdvertisedKeys> keys) {
    Writer w = new Writer();
    w.bytes(configDigest);
    w.bytes(nonce);
    w.u32(keys.size());
    for (AdvertisedKeys k : keys) {
      w.u32(k.clientId());
      w.bytes(k.encryptionPublicKey());
      w.bytes(k.maskingPublicKey());
    }
    return Hkdf.derive(w.toByteArray(), EMPTY, KdfLabel.SESSION_ID, EMPTY, SESSION_ID_LENGTH);
  }

  /** {@code HKDF(ikm = sessionId, salt = empty, "secagg/v1 graph-seed", empty, 32)}. */
  public static byte[] graphSeed(byte[] sessionId) {
    return Hkdf.derive(sessionId, EMPTY, GRAPH_SEED, EMPTY, SEED_LENGTH);
  }

  /** The session's masking graph: complete, or the Harary graph from {@link #graphSeed}. */
  public static MaskingGraph graph(SecAggConfig config, byte[] sessionId) {
    if (config.graphKind() == GraphKind.COMPLETE) {
      return MaskingGraph.complete(config.clientCount());
    }
    return MaskingGraph.randomHarary(config.clientCount(), config.degree(), graphSeed(sessionId));
  }

  /**
   * What a client signs in round 0: {@code "secagg/v1 advertise-keys" || 0x00 || configDigest ||
   * nonce || u32(id) || c^PK || s^PK}.
   */
  public static byte[] advertiseKeysMessage(
      byte[] configDigest, byte[] nonce, int clientId, byte[] encryptionKey, byte[] maskingKey) {
    Writer w = new Writer();
    w.bytes(ADVERTISE_KEYS_PREFIX);
    w.bytes(configDigest);
    w.bytes(nonce);
    w.u32(clientId);
    w.bytes(encryptionKey);
    w.bytes(maskingKey);
    return w.toByteArray();
  }

  /**
   * What a client signs in round 3: {@code "secagg/v1 consistency-check" || 0x00 || sessionId ||
   * u32(|U3|) || u32(v) for each v of U3 ascending}.
   */
  public static byte[] consistencyMessage(byte[] sessionId, int[] survivors) {
    Writer w = new Writer();
    w.bytes(CONSISTENCY_PREFIX);
    w.bytes(sessionId);
    w.u32(survivors.length);
    for (int v : survivors) {
      w.u32(v);
    }
    return w.toByteArray();
  }

  /**
   * The associated data of the ciphertext from {@code sender} to {@code receiver}:
   * {@code "secagg/v1 share-ad" || 0x00 || sessionId || u32(sender) || u32(receiver) || u8(1)}.
   */
  public static byte[] shareAssociatedData(byte[] sessionId, int sender, int receiver) {
    Writer w = new Writer();
    w.bytes(SHARE_AD_PREFIX);
    w.bytes(sessionId);
    w.u32(sender);
    w.u32(receiver);
    w.u8(SHARE_ROUND);
    return w.toByteArray();
  }

  /**
   * The AES-128-GCM key for shares from {@code sender} to {@code receiver}:
   * {@code HKDF(ikm = X25519(c_sender, c_receiver), salt = sessionId,
   * "secagg/v1 share-encryption-key", u32(sender) || u32(receiver), 16)}. One key per direction,
   * so the two directions of a pair never share a key.
   */
  public static SecretBytes shareKey(SecretBytes sharedSecret, byte[] sessionId, int sender, int receiver) {
    return Hkdf.derive(
        sharedSecret, sessionId, KdfLabel.SHARE_ENCRYPTION_KEY, pair(sender, receiver), SHARE_KEY_LENGTH);
  }

  /**
   * The seed of the pairwise mask of clients u and v: {@code HKDF(ikm = X25519(s_u, s_v), salt =
   * sessionId, "secagg/v1 pairwise-mask-seed", u32(min(u, v)) || u32(max(u, v)), 32)}.
   */
  public static SecretBytes pairwiseSeed(SecretBytes sharedSecret, byte[] sessionId, int u, int v) {
    return Hkdf.derive(
        sharedSecret, sessionId, KdfLabel.PAIRWISE_MASK_SEED,
        pair(Math.min(u, v), Math.max(u, v)), SEED_LENGTH);
  }

  /** Length of the commitment to a self-mask seed. */
  public static final int COMMITMENT_LENGTH = 32;

  /**
   * Client u's commitment to its self-mask seed: {@code HKDF(ikm = b_u, salt = sessionId,
   * "secagg/v1 self-mask-commitment", u32(u), 32)}. Binding (HMAC-SHA256 is collision resistant
   * for a fixed key) and hiding (b_u is 32 uniform secret bytes), so the server can check a
   * reconstructed b_u without learning anything before it has t shares.
   */
  public static byte[] selfMaskCommitment(byte[] sessionId, int u, SecretBytes selfMaskSeed) {
    SecretBytes c =
        Hkdf.derive(selfMaskSeed, sessionId, KdfLabel.SELF_MASK_COMMITMENT, u32(u), COMMITMENT_LENGTH);
    try {
      return c.toByteArray();
    } finally {
      c.destroy();
    }
  }

  private static byte[] u32(int v) {
    Writer w = new Writer();
    w.u32(v);
    return w.toByteArray();
  }

  /** The PRG context of client u's self mask: {@code sessionId || 0x01 || u32(u)}. */
  public static byte[] selfMaskContext(byte[] sessionId, int u) {
    Writer w = new Writer();
    w.bytes(sessionId);
    w.u8(1);
    w.u32(u);
    return w.toByteArray();
  }

  /**
   * The PRG context of the pairwise mask of u and v:
   * {@code sessionId || 0x02 || u32(min(u, v)) || u32(max(u, v))}.
   */
  public static byte[] pairwiseMaskContext(byte[] sessionId, int u, int v) {
    Writer w = new Writer();
    w.bytes(sessionId);
    w.u8(2);
    w.u32(Math.min(u, v));
    w.u32(Math.max(u, v));
    return w.toByteArray();
  }

  private static byte[] pair(int a, int b) {
    Writer w = new Writer();
    w.u32(a);
    w.u32(b);
    return w.toByteArray();
  }

  /** A tiny big-endian writer. */
  static final class Writer {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    void u8(int v) {
      out.write(v);
    }

    void u32(int v) {
      out.write(v >>> 24);
      out.write(v >>> 16);
      out.write(v >>> 8);
      out.write(v);
    }

    void u64(long v) {
      u32((int) (v >>> 32));
      u32((int) v);
    }

    void bytes(byte[] b) {
      out.write(b, 0, b.length);
    }

    byte[] toByteArray() {
      return out.toByteArray();
    }
  }
}
