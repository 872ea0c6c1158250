package io.secagg.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Ed25519Test {
  private static final HexFormat HEX = HexFormat.of();
  private static final Ed25519 ED = Ed25519.create(DeterministicRandom.forTestVectorsOnly(8032));

  // RFC 8032, section 7.1, TEST 1 (empty message) and TEST 2 (one byte 0x72).
  private static final String SEED1 =
      "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
  private static final String PUBLIC1 =
      "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
  private static final String SIG1 =
      "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
          + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";
  private static final String SEED2 =
      "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb";
  private static final String PUBLIC2 =
      "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c";
  private static final String SIG2 =
      "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
          + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00";

  /** The group order L = 2^252 + 27742317777372353535851937790883648493. */
  private static final BigInteger L =
      BigInteger.ONE
          .shiftLeft(252)
          .add(new BigInteger("27742317777372353535851937790883648493"));

  private static Ed25519KeyPair pair(String seed) throws InvalidKeyException {
    return ED.keyPairFromPrivateKey(SecretBytes.copyOf(HEX.parseHex(seed)));
  }

  @Test
  void matchesRfc8032Section71() throws Exception {
    Ed25519KeyPair one = pair(SEED1);
    assertEquals(PUBLIC1, HEX.formatHex(one.publicKey()));
    assertEquals(SIG1, HEX.formatHex(ED.sign(one, new byte[0])));
    ED.verify(HEX.parseHex(PUBLIC1), new byte[0], HEX.parseHex(SIG1));
    Ed25519KeyPair two = pair(SEED2);
    assertEquals(PUBLIC2, HEX.formatHex(two.publicKey()));
    assertEquals(SIG2, HEX.formatHex(ED.sign(two, new byte[] {0x72})));
    ED.verify(HEX.parseHex(PUBLIC2), new byte[] {0x72}, HEX.parseHex(SIG2));
  }

  @Test
  void generateKeyPairUsesExactlyThirtyTwoBytesOfTheInjectedRandom() {
    FixedBytesRandom source = FixedBytesRandom.of(HEX.parseHex(SEED1));
    Ed25519KeyPair p = Ed25519.create(source).generateKeyPair();
    assertEquals(0, source.remaining());
    assertEquals(PUBLIC1, HEX.formatHex(p.publicKey()));
  }

  @Test
  void signingIsDeterministic() throws Exception {
    Ed25519KeyPair p = ED.generateKeyPair();
    assertArrayEquals(ED.sign(p, new byte[] {1, 2}), ED.sign(p, new byte[] {1, 2}));
  }

  @Test
  void rejectsTamperedMessage() throws Exception {
    byte[] sig = HEX.parseHex(SIG2);
    assertThrows(
        SignatureException.class, () -> ED.verify(HEX.parseHex(PUBLIC2), new byte[] {0x73}, sig));
    assertThrows(
        SignatureException.class, () -> ED.verify(HEX.parseHex(PUBLIC2), new byte[0], sig));
  }

  @Test
  void rejectsEverySingleBitFlipOfSignatureOrKey() {
    byte[] msg = {0x72};
    byte[] sig = HEX.parseHex(SIG2);
    byte[] pub = HEX.parseHex(PUBLIC2);
    for (int bit = 0; bit < 8 * sig.length; bit++) {
      byte[] bad = sig.clone();
      bad[bit / 8] ^= (byte) (1 << (bit % 8));
      assertThrows(SignatureException.class, () -> ED.verify(pub, msg, bad), "sig bit " + bit);
    }
    for (int bit = 0; bit < 8 * pub.length; bit++) {
      byte[] bad = pub.clone();
      bad[bit / 8] ^= (byte) (1 << (bit % 8));
      assertThrows(SignatureException.class, () -> ED.verify(bad, msg, sig), "key bit " + bit);
    }
  }

  @Test
  void rejectsMalleatedSWithLAdded() {
    byte[] sig = HEX.parseHex(SIG1);
    byte[] sLe = Arrays.copyOfRange(sig, 32, 64);
    BigInteger s = new BigInteger(1, reverse(sLe));
    byte[] malleated = reverse(toFixed(s.add(L), 32));
    byte[] bad = sig.clone();
    System.arraycopy(malleated, 0, bad, 32, 32);
    assertThrows(
        SignatureException.class, () -> ED.verify(HEX.parseHex(PUBLIC1), new byte[0], bad));
  }

  /** The identity point as a public key would "verify" (R = identity, S = 0) any message. */
  @Test
  void rejectsTheIdentityForgeryWithASmallOrderKey() {
    byte[] identity = new byte[32];
    identity[0] = 1;
    byte[] sig = new byte[64];
    sig[0] = 1;
    SignatureException e =
        assertThrows(
            SignatureException.class, () -> ED.verify(identity, "anything".getBytes(), sig));
    assertTrue(e.getMessage().contains("verification failed"), e.getMessage());
  }

  /**
   * Every small-order point (orders 1, 2, 4, 8), in each sign encoding: with R = identity and
   * S = 0 the verification equation holds for any message whose hash k is a multiple of the
   * point's order (1 in 8 messages for order 8), so 64 messages would let at least one through
   * if small-order keys were accepted.
   */
  @Test
  void rejectsEverySmallOrderPublicKey() {
    String[] smallOrder = {
      "0100000000000000000000000000000000000000000000000000000000000000",
      "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
      "0000000000000000000000000000000000000000000000000000000000000000",
      "0000000000000000000000000000000000000000000000000000000000000080",
      "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
      "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
      "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
      "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85"
    };
    byte[] trivial = new byte[64];
    trivial[0] = 1;
    for (String key : smallOrder) {
      byte[] pk = HEX.parseHex(key);
      for (int m = 0; m < 64; m++) {
        byte[] msg = {(byte) m};
        assertThrows(SignatureException.class, () -> ED.verify(pk, msg, trivial), key + " " + m);
      }
    }
  }

  @Test
  void rejectsWrongLengthsWithoutUncheckedExceptions() {
    byte[] pub = HEX.parseHex(PUBLIC1);
    byte[] sig = HEX.parseHex(SIG1);
    for (int n : new int[] {0, 31, 33, 64}) {
      assertThrows(
          SignatureException.class, () -> ED.verify(new byte[n], new byte[0], sig), "key " + n);
    }
    for (int n : new int[] {0, 32, 63, 65, 128}) {
      assertThrows(
          SignatureException.class,
          () -> ED.verify(pub, new byte[0], Arrays.copyOf(sig, n)),
          "signature " + n);
    }
  }

  @Test
  void rejectsOffCurveAndNonCanonicalKeysWithoutUncheckedExceptions() {
    byte[] sig = HEX.parseHex(SIG1);
    byte[] allOnes = new byte[32];
    Arrays.fill(allOnes, (byte) 0xff);
    // y = 2^255 - 1 >= p (non-canonical), and y = 2 (x^2 has no root: off the curve).
    byte[] two = new byte[32];
    two[0] = 2;
    for (byte[] key : new byte[][] {allOnes, two}) {
      assertThrows(SignatureException.class, () -> ED.verify(key, new byte[0], sig));
    }
  }

  @Test
  void rejectsPrivateKeysOfWrongLength() {
    for (int n : new int[] {0, 31, 33, 64}) {
      assertThrows(
          InvalidKeyException.class,
          () -> ED.keyPairFromPrivateKey(SecretBytes.copyOf(new byte[n])));
    }
  }

  @Test
  void rejectsNullsAndDestroyedKeys() throws Exception {
    Ed25519KeyPair p = pair(SEED1);
    byte[] pub = p.publicKey();
    byte[] sig = HEX.parseHex(SIG1);
    assertThrows(NullPointerException.class, () -> ED.sign(null, new byte[0]));
    assertThrows(NullPointerException.class, () -> ED.sign(p, null));
    assertThrows(NullPointerException.class, () -> ED.verify(null, new byte[0], sig));
    assertThrows(NullPointerException.class, () -> ED.verify(pub, null, sig));
    assertThrows(NullPointerException.class, () -> ED.verify(pub, new byte[0], null));
    assertThrows(NullPointerException.class, () -> ED.keyPairFromPrivateKey(null));
    assertThrows(NullPointerException.class, () -> Ed25519.create(null));
    p.destroy();
    assertTrue(p.isDestroyed());
    assertThrows(IllegalStateException.class, () -> ED.sign(p, new byte[0]));
    assertDoesNotThrow(() -> ED.verify(pub, new byte[0], sig), "verification needs no secret");
  }

  @Test
  void toStringNeverShowsThePrivateKey() throws Exception {
    Ed25519KeyPair p = pair(SEED1);
    assertEquals("Ed25519KeyPair[public=" + PUBLIC1 + "]", p.toString());
    assertFalse(p.toString().contains(SEED1));
  }

  private static byte[] reverse(byte[] b) {
    byte[] r = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      r[i] = b[b.length - 1 - i];
    }
    return r;
  }

  private static byte[] toFixed(BigInteger v, int n) {
    byte[] be = v.toByteArray();
    byte[] out = new byte[n];
    int copy = Math.min(be.length, n);
    System.arraycopy(be, be.length - copy, out, n - copy, copy);
    return out;
  }
}
