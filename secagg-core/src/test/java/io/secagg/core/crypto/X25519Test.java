package io.secagg.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class X25519Test {
  private static final HexFormat HEX = HexFormat.of();
  private static final X25519 X = X25519.create(DeterministicRandom.forTestVectorsOnly(25519));

  // RFC 7748, section 6.1.
  private static final String ALICE_PRIVATE =
      "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";
  private static final String ALICE_PUBLIC =
      "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";
  private static final String BOB_PRIVATE =
      "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb";
  private static final String BOB_PUBLIC =
      "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f";
  private static final String SHARED =
      "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";

  private static SecretBytes secret(String hex) {
    return SecretBytes.copyOf(HEX.parseHex(hex));
  }

  @Test
  void matchesRfc7748Section61() throws Exception {
    X25519KeyPair alice = X.keyPairFromPrivateKey(secret(ALICE_PRIVATE));
    X25519KeyPair bob = X.keyPairFromPrivateKey(secret(BOB_PRIVATE));
    assertEquals(ALICE_PUBLIC, HEX.formatHex(alice.publicKey()));
    assertEquals(BOB_PUBLIC, HEX.formatHex(bob.publicKey()));
    assertEquals(
        SHARED, HEX.formatHex(X.agree(alice.privateKey(), bob.publicKey()).toByteArray()));
    assertEquals(
        SHARED, HEX.formatHex(X.agree(bob.privateKey(), alice.publicKey()).toByteArray()));
  }

  @Test
  void generateKeyPairUsesExactlyThirtyTwoBytesOfTheInjectedRandom() throws Exception {
    byte[] recorded = HEX.parseHex(ALICE_PRIVATE);
    FixedBytesRandom source = FixedBytesRandom.of(recorded);
    X25519KeyPair pair = X25519.create(source).generateKeyPair();
    assertEquals(0, source.remaining());
    assertArrayEquals(recorded, pair.privateKey().toByteArray());
    assertEquals(ALICE_PUBLIC, HEX.formatHex(pair.publicKey()));
  }

  @Test
  void keyPairFromPrivateKeyCopiesTheKey() throws Exception {
    SecretBytes key = secret(ALICE_PRIVATE);
    X25519KeyPair pair = X.keyPairFromPrivateKey(key);
    key.destroy();
    assertFalse(pair.isDestroyed());
    assertEquals(ALICE_PRIVATE, HEX.formatHex(pair.privateKey().toByteArray()));
  }

  @Test
  void rejectsPeerKeysOfWrongLength() throws Exception {
    SecretBytes k = secret(ALICE_PRIVATE);
    for (int n : new int[] {0, 1, 31, 33, 64}) {
      InvalidKeyException e =
          assertThrows(InvalidKeyException.class, () -> X.agree(k, new byte[n]), "length " + n);
      assertTrue(e.getMessage().contains("length " + n), e.getMessage());
    }
  }

  @Test
  void rejectsPrivateKeysOfWrongLength() {
    for (int n : new int[] {0, 31, 33}) {
      assertThrows(
          InvalidKeyException.class, () -> X.keyPairFromPrivateKey(SecretBytes.copyOf(new byte[n])));
      assertThrows(
          InvalidKeyException.class,
          () -> X.agree(SecretBytes.copyOf(new byte[n]), HEX.parseHex(BOB_PUBLIC)));
    }
  }

  @Test
  void rejectsEverySmallOrderPeerKeyBecauseTheSecretIsAllZero() {
    X25519KeyPair us = X.generateKeyPair();
    for (Map.Entry<String, byte[]> e : Curve25519Points.smallOrderEncodings().entrySet()) {
      InvalidKeyException ex =
          assertThrows(
              InvalidKeyException.class, () -> X.agree(us.privateKey(), e.getValue()), e.getKey());
      assertTrue(ex.getMessage().contains("all zero"), ex.getMessage());
    }
  }

  @Test
  void ignoresBit255OfThePeerKey() throws Exception {
    X25519KeyPair us = X.generateKeyPair();
    byte[] peer = X.generateKeyPair().publicKey();
    byte[] high = peer.clone();
    high[31] |= (byte) 0x80;
    assertEquals(X.agree(us.privateKey(), peer), X.agree(us.privateKey(), high));
  }

  @Test
  void reducesNonCanonicalPeerKeysModP() throws Exception {
    X25519KeyPair us = X.generateKeyPair();
    // u in [2, 18] are the only values whose u + p still fits in 255 bits; none has small order.
    for (int u = 2; u <= 18; u++) {
      BigInteger value = BigInteger.valueOf(u);
      assertEquals(
          X.agree(us.privateKey(), Curve25519Points.encode(value)),
          X.agree(us.privateKey(), Curve25519Points.encode(value.add(Curve25519Points.P))),
          "u=" + u);
    }
  }

  @Test
  void clampsThePrivateKey() throws Exception {
    byte[] k = HEX.parseHex(ALICE_PRIVATE);
    byte[] unclamped = k.clone();
    unclamped[0] |= 7;
    unclamped[31] = (byte) ((unclamped[31] & 0x3f) | 0x80);
    assertArrayEquals(
        X.keyPairFromPrivateKey(SecretBytes.copyOf(k)).publicKey(),
        X.keyPairFromPrivateKey(SecretBytes.copyOf(unclamped)).publicKey());
  }

  @Test
  void agreementLeavesThePrivateKeyIntact() throws Exception {
    X25519KeyPair us = X.keyPairFromPrivateKey(secret(ALICE_PRIVATE));
    X.agree(us.privateKey(), HEX.parseHex(BOB_PUBLIC));
    assertEquals(ALICE_PRIVATE, HEX.formatHex(us.privateKey().toByteArray()));
  }

  @Test
  void rejectsNullsAndDestroyedKeys() {
    X25519KeyPair us = X.generateKeyPair();
    assertThrows(NullPointerException.class, () -> X.agree(null, HEX.parseHex(BOB_PUBLIC)));
    assertThrows(NullPointerException.class, () -> X.agree(us.privateKey(), null));
    assertThrows(NullPointerException.class, () -> X.keyPairFromPrivateKey(null));
    assertThrows(NullPointerException.class, () -> X25519.create(null));
    us.destroy();
    assertTrue(us.isDestroyed());
    assertThrows(
        IllegalStateException.class, () -> X.agree(us.privateKey(), HEX.parseHex(BOB_PUBLIC)));
  }

  @Test
  void toStringNeverShowsThePrivateKey() throws Exception {
    X25519KeyPair pair = X.keyPairFromPrivateKey(secret(ALICE_PRIVATE));
    assertEquals("X25519KeyPair[public=" + ALICE_PUBLIC + "]", pair.toString());
    assertFalse(X.toString().contains(ALICE_PRIVATE));
    assertEquals(
        "SecretBytes[32 bytes]", X.agree(pair.privateKey(), HEX.parseHex(BOB_PUBLIC)).toString());
  }
}
