package io.secagg.vectors.internal.core;

import static io.secagg.vectors.internal.Vectors.bytes;
import static io.secagg.vectors.internal.Vectors.isValid;
import static io.secagg.vectors.internal.Vectors.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.secagg.vectors.internal.NamedVectorChecker;
import io.secagg.vectors.internal.Mismatch;
import io.secagg.vectors.internal.Vectors;
import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.util.Set;
import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.core.crypto.SecretBytes;
import io.secagg.core.crypto.X25519;
import io.secagg.core.crypto.X25519KeyPair;

/**
 * Generator and checker of {@code x25519_test.json}: our X25519 agreement, with key pairs and
 * agreement in both directions, peer-key decoding edge cases, and the rejections (small-order
 * peer keys giving an all-zero secret, wrong key lengths).
 */
public final class X25519Checker extends NamedVectorChecker {
  static final String ALGORITHM = "X25519-SECAGG";
  static final String SCHEMA = "x25519_secagg_test_schema_v1.json";
  static final long SEED = 0x5832353531394b41L; // "X25519KA"
  static final String PAIR_GROUP = "X25519KeyPairTest";
  static final String PEER_GROUP = "X25519PeerKeyTest";
  static final Set<String> GROUP_FIELDS = Set.of("type", "tests");
  static final Set<String> PAIR_FIELDS =
      VectorSupport.testFields("privateA", "publicA", "privateB", "publicB", "shared");
  static final Set<String> PEER_FIELDS =
      VectorSupport.testFields("private", "peerPublic", "shared");
  static final BigInteger A = BigInteger.valueOf(486662);

  private final X25519 x = X25519.create(DeterministicRandom.forTestVectorsOnly(0));

  public X25519Checker() {
    super("x25519_test.json", ALGORITHM, SCHEMA);
  }

  /** True iff u^3 + A u^2 + u is a non-square mod p (Euler's criterion). */
  static boolean onTwist(byte[] encoded) {
    byte[] be = new byte[32];
    for (int i = 0; i < 32; i++) {
      be[i] = encoded[31 - i];
    }
    BigInteger p = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
    BigInteger u = new BigInteger(1, be).mod(p);
    BigInteger v = u.pow(3).add(A.multiply(u.pow(2))).add(u).mod(p);
    return v.modPow(p.subtract(BigInteger.ONE).shiftRight(1), p).equals(p.subtract(BigInteger.ONE));
  }

  @Override
  public void checkGroup(JsonNode group) {
    Vectors.onlyFields(group, GROUP_FIELDS);
    String type = text(group, "type");
    if (!type.equals(PAIR_GROUP) && !type.equals(PEER_GROUP)) {
      throw new Mismatch("unknown group type " + type);
    }
  }

  @Override
  public void checkTest(JsonNode group, JsonNode test) throws Exception {
    if (text(group, "type").equals(PAIR_GROUP)) {
      Vectors.onlyFields(test, PAIR_FIELDS);
      if (!isValid(test)) {
        throw new Mismatch("key-pair cases are all valid");
      }
      X25519KeyPair a = x.keyPairFromPrivateKey(SecretBytes.copyOf(bytes(test, "privateA")));
      X25519KeyPair b = x.keyPairFromPrivateKey(SecretBytes.copyOf(bytes(test, "privateB")));
      KdfLabelsChecker.expectHex("publicA", text(test, "publicA"), a.publicKey());
      KdfLabelsChecker.expectHex("publicB", text(test, "publicB"), b.publicKey());
      KdfLabelsChecker.expectHex(
          "shared (A with B's key)",
          text(test, "shared"),
          x.agree(a.privateKey(), b.publicKey()).toByteArray());
      KdfLabelsChecker.expectHex(
          "shared (B with A's key)",
          text(test, "shared"),
          x.agree(b.privateKey(), a.publicKey()).toByteArray());
      return;
    }
    Vectors.onlyFields(test, PEER_FIELDS);
    SecretBytes priv = SecretBytes.copyOf(bytes(test, "private"));
    byte[] peer = bytes(test, "peerPublic");
    if (isValid(test)) {
      KdfLabelsChecker.expectHex("shared", text(test, "shared"), x.agree(priv, peer).toByteArray());
    } else {
      Vectors.expectNamedError(test, () -> x.agree(priv, peer), InvalidKeyException.class);
    }
  }
}
