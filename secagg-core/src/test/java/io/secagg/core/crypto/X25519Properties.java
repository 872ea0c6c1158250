package io.secagg.core.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.InvalidKeyException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class X25519Properties {
  private static final X25519 X = X25519.create(DeterministicRandom.forTestVectorsOnly(7748));

  /** Diffie-Hellman: agree(a, B) == agree(b, A) for any two private keys. */
  @Property(tries = 200)
  void agreementIsSymmetric(
      @ForAll @Size(32) byte[] a, @ForAll @Size(32) byte[] b) throws InvalidKeyException {
    X25519KeyPair alice = X.keyPairFromPrivateKey(SecretBytes.copyOf(a));
    X25519KeyPair bob = X.keyPairFromPrivateKey(SecretBytes.copyOf(b));
    assertEquals(
        X.agree(alice.privateKey(), bob.publicKey()), X.agree(bob.privateKey(), alice.publicKey()));
  }

  /** Any 32 bytes are a usable peer key unless they encode a small-order point. */
  @Property(tries = 200)
  void anyThirtyTwoBytePeerKeyEitherAgreesOrIsRejectedAsSmallOrder(
      @ForAll @Size(32) byte[] peer) {
    X25519KeyPair us = X.generateKeyPair();
    try {
      assertEquals(32, X.agree(us.privateKey(), peer).length());
    } catch (InvalidKeyException e) {
      assertEquals(true, e.getMessage().contains("all zero"), e.getMessage());
    }
  }
}
