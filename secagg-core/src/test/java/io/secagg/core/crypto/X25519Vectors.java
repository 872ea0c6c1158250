package io.secagg.core.crypto;

import static io.secagg.core.crypto.VectorSupport.draw;
import static io.secagg.core.testvectors.Vectors.bytes;
import static io.secagg.core.testvectors.Vectors.hex;
import static io.secagg.core.testvectors.Vectors.isValid;
import static io.secagg.core.testvectors.Vectors.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secagg.core.testvectors.VectorChecker;
import io.secagg.core.testvectors.VectorFileGenerator;
import io.secagg.core.testvectors.Vectors;
import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.util.Map;
import java.util.Set;

/**
 * Generator and checker of {@code x25519_test.json}: our X25519 agreement, with key pairs and
 * agreement in both directions, peer-key decoding edge cases, and the rejections (small-order
 * peer keys giving an all-zero secret, wrong key lengths).
 */
public final class X25519Vectors implements VectorChecker, VectorFileGenerator {
  private static final String ALGORITHM = "X25519-SECAGG";
  private static final String SCHEMA = "x25519_secagg_test_schema_v1";
  private static final long SEED = 0x5832353531394b41L; // "X25519KA"
  private static final String PAIR_GROUP = "X25519KeyPairTest";
  private static final String PEER_GROUP = "X25519PeerKeyTest";
  private static final Set<String> GROUP_FIELDS = Set.of("type", "tests");
  private static final Set<String> PAIR_FIELDS =
      VectorSupport.testFields("privateA", "publicA", "privateB", "publicB", "shared");
  private static final Set<String> PEER_FIELDS =
      VectorSupport.testFields("private", "peerPublic", "shared");
  private static final BigInteger A = BigInteger.valueOf(486662);

  private final X25519 x = X25519.create(DeterministicRandom.forTestVectorsOnly(0));

  @Override
  public String fileName() {
    return "x25519_test.json";
  }

  @Override
  public String algorithm() {
    return ALGORITHM;
  }

  @Override
  public String schema() {
    return SCHEMA;
  }

  @Override
  public ObjectNode generate() throws Exception {
    ObjectNode file =
        Vectors.newFile(
            ALGORITHM,
            SCHEMA,
            "X25519 (RFC 7748) as secagg uses it (spec/secagg.md, section 2, 'Key agreement'):"
                + " public = X25519(private, 9); shared = X25519(private, peerPublic) with bit 255"
                + " of the peer key masked and u >= p reduced mod p; an all-zero shared secret"
                + " and keys that are not 32 bytes are rejected (InvalidKeyException). Private"
                + " keys and random peer keys were drawn from DeterministicRandom"
                + ".forTestVectorsOnly(" + SEED + "); every one is recorded in its test.",
            VectorSupport.notes(
                "Normal",
                "Both keys are honestly generated key pairs.",
                "RandomPublic",
                "The peer key is 32 random bytes with bit 255 cleared, not made from a private"
                    + " key; any such u is a point on the curve or on its twist.",
                "Twist",
                "The peer key is a point on the quadratic twist, which X25519 handles by design"
                    + " and secagg accepts.",
                "HighBitSet",
                "Bit 255 of the peer key is set; RFC 7748 masks it, so the result equals that of"
                    + " the key with the bit cleared.",
                "NonCanonicalPublic",
                "The peer key encodes u + p for a small u (a value in [p, 2^255)); RFC 7748 reduces"
                    + " it mod p, so the result equals that of u.",
                "ZeroSharedSecret",
                "The peer key is a point of small order (or an encoding of one), so the shared"
                    + " secret is all zero for every private key; agreement must throw"
                    + " InvalidKeyException.",
                "WrongLength",
                "A key is not exactly 32 bytes; agreement must throw InvalidKeyException."));
    DeterministicRandom r = DeterministicRandom.forTestVectorsOnly(SEED);
    ArrayNode groups = (ArrayNode) file.get("testGroups");

    ObjectNode pairs = groups.addObject();
    pairs.put("type", PAIR_GROUP);
    ArrayNode pairTests = pairs.putArray("tests");
    for (int i = 0; i < 4; i++) {
      X25519KeyPair a = x.keyPairFromPrivateKey(SecretBytes.copyOf(draw(r, 32)));
      X25519KeyPair b = x.keyPairFromPrivateKey(SecretBytes.copyOf(draw(r, 32)));
      ObjectNode t = Vectors.newTest(pairTests, "two generated key pairs agree", "Normal");
      t.put("privateA", hex(a.privateKey().toByteArray()));
      t.put("publicA", hex(a.publicKey()));
      t.put("privateB", hex(b.privateKey().toByteArray()));
      t.put("publicB", hex(b.publicKey()));
      t.put("shared", hex(x.agree(a.privateKey(), b.publicKey()).toByteArray()));
      t.put("result", "valid");
    }

    ObjectNode peers = groups.addObject();
    peers.put("type", PEER_GROUP);
    ArrayNode peerTests = peers.putArray("tests");
    boolean sawTwist = false;
    boolean sawCurve = false;
    while (!sawTwist || !sawCurve) {
      byte[] priv = draw(r, 32);
      byte[] u = draw(r, 32);
      u[31] &= 0x7f;
      boolean twist = onTwist(u);
      if ((twist && sawTwist) || (!twist && sawCurve)) {
        continue;
      }
      sawTwist |= twist;
      sawCurve |= !twist;
      if (twist) {
        validPeer(peerTests, priv, u, "random peer key on the twist", "RandomPublic", "Twist");
      } else {
        validPeer(peerTests, priv, u, "random peer key on the curve", "RandomPublic");
      }
    }
    byte[] priv = draw(r, 32);
    byte[] peer = x.keyPairFromPrivateKey(SecretBytes.copyOf(draw(r, 32))).publicKey();
    validPeer(peerTests, priv, peer, "honest peer key", "Normal");
    byte[] high = peer.clone();
    high[31] |= (byte) 0x80;
    validPeer(peerTests, priv, high, "the same peer key with bit 255 set", "HighBitSet");
    for (int u : new int[] {2, 9, 18}) {
      validPeer(
          peerTests,
          priv,
          Curve25519Points.encode(Curve25519Points.P.add(BigInteger.valueOf(u))),
          "non-canonical u = p + " + u,
          "NonCanonicalPublic");
    }
    for (Map.Entry<String, byte[]> e : Curve25519Points.smallOrderEncodings().entrySet()) {
      invalidPeer(peerTests, draw(r, 32), e.getValue(), "small-order " + e.getKey(),
          "ZeroSharedSecret");
    }
    for (int n : new int[] {0, 31, 33}) {
      invalidPeer(peerTests, draw(r, 32), draw(r, n), "peer key of " + n + " bytes",
          "WrongLength");
    }
    invalidPeer(peerTests, draw(r, 31), peer, "private key of 31 bytes", "WrongLength");
    return Vectors.finish(file);
  }

  private void validPeer(ArrayNode tests, byte[] priv, byte[] peer, String comment,
      String... flags) throws InvalidKeyException {
    ObjectNode t = Vectors.newTest(tests, comment, flags);
    t.put("private", hex(priv));
    t.put("peerPublic", hex(peer));
    t.put("shared", hex(x.agree(SecretBytes.copyOf(priv), peer).toByteArray()));
    t.put("result", "valid");
  }

  private static void invalidPeer(
      ArrayNode tests, byte[] priv, byte[] peer, String comment, String flag) {
    ObjectNode t = Vectors.newTest(tests, comment, flag);
    t.put("private", hex(priv));
    t.put("peerPublic", hex(peer));
    t.put("shared", "");
    t.put("result", "invalid");
  }

  /** True iff u^3 + A u^2 + u is a non-square mod p (Euler's criterion). */
  private static boolean onTwist(byte[] encoded) {
    byte[] be = new byte[32];
    for (int i = 0; i < 32; i++) {
      be[i] = encoded[31 - i];
    }
    BigInteger p = Curve25519Points.P;
    BigInteger u = new BigInteger(1, be).mod(p);
    BigInteger v = u.pow(3).add(A.multiply(u.pow(2))).add(u).mod(p);
    return v.modPow(p.subtract(BigInteger.ONE).shiftRight(1), p).equals(p.subtract(BigInteger.ONE));
  }

  @Override
  public void checkGroup(JsonNode group) {
    Vectors.onlyFields(group, GROUP_FIELDS);
    String type = text(group, "type");
    if (!type.equals(PAIR_GROUP) && !type.equals(PEER_GROUP)) {
      throw new AssertionError("unknown group type " + type);
    }
  }

  @Override
  public void checkTest(JsonNode group, JsonNode test) throws Exception {
    if (text(group, "type").equals(PAIR_GROUP)) {
      Vectors.onlyFields(test, PAIR_FIELDS);
      if (!isValid(test)) {
        throw new AssertionError("key-pair cases are all valid");
      }
      X25519KeyPair a = x.keyPairFromPrivateKey(SecretBytes.copyOf(bytes(test, "privateA")));
      X25519KeyPair b = x.keyPairFromPrivateKey(SecretBytes.copyOf(bytes(test, "privateB")));
      KdfLabelsVectors.expectHex("publicA", text(test, "publicA"), a.publicKey());
      KdfLabelsVectors.expectHex("publicB", text(test, "publicB"), b.publicKey());
      KdfLabelsVectors.expectHex(
          "shared (A with B's key)",
          text(test, "shared"),
          x.agree(a.privateKey(), b.publicKey()).toByteArray());
      KdfLabelsVectors.expectHex(
          "shared (B with A's key)",
          text(test, "shared"),
          x.agree(b.privateKey(), a.publicKey()).toByteArray());
      return;
    }
    Vectors.onlyFields(test, PEER_FIELDS);
    SecretBytes priv = SecretBytes.copyOf(bytes(test, "private"));
    byte[] peer = bytes(test, "peerPublic");
    if (isValid(test)) {
      KdfLabelsVectors.expectHex("shared", text(test, "shared"), x.agree(priv, peer).toByteArray());
    } else {
      Vectors.expectInvalid(InvalidKeyException.class, () -> x.agree(priv, peer));
    }
  }
}
