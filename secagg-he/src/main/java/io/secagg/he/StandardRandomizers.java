package io.secagg.he;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Objects;

/** {@code r^n mod n^2} with {@code r} uniform in {@code Z*_n}. */
final class StandardRandomizers extends RandomizerSource {
  private final PaillierPublicKey publicKey;
  private final SecureRandom random;

  StandardRandomizers(PaillierPublicKey publicKey, SecureRandom random) {
    this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
    this.random = Objects.requireNonNull(random, "random");
  }

  @Override
  public PaillierPublicKey publicKey() {
    return publicKey;
  }

  @Override
  BigInteger next() {
    return randomizerFor(publicKey, sampleUnit(publicKey.modulus(), random));
  }

  /** Uniform in {@code Z*_n}: rejection sampling of {@code [1, n)} then of units. */
  static BigInteger sampleUnit(BigInteger n, SecureRandom random) {
    int bits = n.bitLength();
    while (true) {
      BigInteger r = new BigInteger(bits, random);
      if (r.signum() > 0 && r.compareTo(n) < 0 && r.gcd(n).equals(BigInteger.ONE)) {
        return r;
      }
    }
  }

  static BigInteger randomizerFor(PaillierPublicKey key, BigInteger r) {
    return r.modPow(key.modulus(), key.modulusSquared());
  }

  @Override
  public String toString() {
    return "RandomizerSource[standard r^n, key " + publicKey.fingerprint() + "]";
  }
}
