package io.secagg.core.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SignatureException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class Ed25519Properties {
  private static final Ed25519 ED = Ed25519.create(DeterministicRandom.forTestVectorsOnly(25));

  @Property(tries = 200)
  void signThenVerifySucceeds(@ForAll @Size(32) byte[] seed, @ForAll @Size(max = 300) byte[] msg)
      throws Exception {
    Ed25519KeyPair p = ED.keyPairFromPrivateKey(SecretBytes.copyOf(seed));
    byte[] sig = ED.sign(p, msg);
    assertEquals(Ed25519.SIGNATURE_LENGTH, sig.length);
    ED.verify(p.publicKey(), msg, sig);
  }

  @Property(tries = 200)
  void aSignatureDoesNotVerifyAnotherMessage(
      @ForAll @Size(max = 100) byte[] msg, @ForAll @Size(max = 100) byte[] other) {
    net.jqwik.api.Assume.that(!java.util.Arrays.equals(msg, other));
    Ed25519KeyPair p = ED.generateKeyPair();
    byte[] sig = ED.sign(p, msg);
    assertThrows(SignatureException.class, () -> ED.verify(p.publicKey(), other, sig));
  }

  /** Arbitrary bytes as key and signature never throw anything but SignatureException. */
  @Property(tries = 300)
  void garbageInputsAreRejectedWithTheCheckedException(
      @ForAll @Size(max = 40) byte[] key,
      @ForAll @Size(max = 70) byte[] sig,
      @ForAll @Size(max = 20) byte[] msg) {
    assertThrows(SignatureException.class, () -> ED.verify(key, msg, sig));
  }
}
