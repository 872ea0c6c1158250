package io.secagg.vectors.internal.core;

import static io.secagg.vectors.internal.core.X25519Checker.*;
import static io.secagg.vectors.internal.core.VectorSupport.draw;
import static io.secagg.vectors.internal.Vectors.bytes;
import static io.secagg.vectors.internal.Vectors.hex;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secagg.vectors.internal.CheckedFileGenerator;
import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.util.Map;
import io.secagg.vectors.internal.VectorFiles;
import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.core.crypto.SecretBytes;
import io.secagg.core.crypto.X25519;
import io.secagg.core.crypto.X25519KeyPair;

/** Generator of the file that {@link X25519Checker} checks (how each value was produced). */
final class X25519Generator extends CheckedFileGenerator {
  private final X25519 x = X25519.create(DeterministicRandom.forTestVectorsOnly(0));

  X25519Generator() {
    super(new X25519Checker());
  }

  @Override
  public ObjectNode generate() throws Exception {
    ObjectNode file =
        newFile("X25519 (RFC 7748) as secagg uses it (spec/secagg.md, section 2, 'Key agreement'):"
                + " public = X25519(private, 9); shared = X25519(private, peerPublic) with bit 255"
                + " of the peer key masked and u >= p reduced mod p; an all-zero shared secret"
                + " and keys that are not 32 bytes are rejected (InvalidKeyException). Private"
                + " keys and random peer keys were drawn from DeterministicRandom"
                + ".forTestVectorsOnly(" + SEED + "); every one is recorded in its test.");
    DeterministicRandom r = DeterministicRandom.forTestVectorsOnly(SEED);
    ArrayNode groups = (ArrayNode) file.get("testGroups");

    ObjectNode pairs = groups.addObject();
    pairs.put("type", PAIR_GROUP);
    ArrayNode pairTests = pairs.putArray("tests");
    for (int i = 0; i < 4; i++) {
      X25519KeyPair a = x.keyPairFromPrivateKey(SecretBytes.copyOf(draw(r, 32)));
      X25519KeyPair b = x.keyPairFromPrivateKey(SecretBytes.copyOf(draw(r, 32)));
      ObjectNode t = VectorFiles.newTest(pairTests, "two generated key pairs agree", "Normal");
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
    return VectorFiles.finish(file);
  }

  private static void invalidPeer(
      ArrayNode tests, byte[] priv, byte[] peer, String comment, String flag) {
    ObjectNode t = VectorFiles.newTest(tests, comment, flag);
    t.put("private", hex(priv));
    t.put("peerPublic", hex(peer));
    t.put("shared", "");
    t.put("error", "InvalidKeyException");
    t.put("result", "invalid");
  }

  private void validPeer(ArrayNode tests, byte[] priv, byte[] peer, String comment,
      String... flags) throws InvalidKeyException {
    ObjectNode t = VectorFiles.newTest(tests, comment, flags);
    t.put("private", hex(priv));
    t.put("peerPublic", hex(peer));
    t.put("shared", hex(x.agree(SecretBytes.copyOf(priv), peer).toByteArray()));
    t.put("result", "valid");
  }
}
