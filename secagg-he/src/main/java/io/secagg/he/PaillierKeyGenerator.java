package io.secagg.he;

import io.secagg.he.internal.Primes;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Generates Paillier key pairs: two random primes of {@code bits/2} bits each with their two top
 * bits set (so {@code n} has exactly {@code bits} bits), tested with 64 Miller-Rabin rounds, and
 * redrawn until they are distinct, far enough apart and {@code gcd(n, (p-1)(q-1)) = 1}.
 */
public final class PaillierKeyGenerator {
  private PaillierKeyGenerator() {}

  /** A {@value PaillierPublicKey#DEFAULT_MODULUS_BITS}-bit key from a fresh {@link SecureRandom}. */
  public static PaillierKeyPair generate() {
    return generate(PaillierPublicKey.DEFAULT_MODULUS_BITS, new SecureRandom());
  }

  /**
   * A key whose modulus has exactly {@code modulusBits} bits.
   *
   * @param modulusBits even, from {@link PaillierPublicKey#MIN_MODULUS_BITS} to
   *     {@link PaillierPublicKey#MAX_MODULUS_BITS}
   * @throws IllegalArgumentException if {@code modulusBits} is odd or out of range
   * @throws NullPointerException if {@code random} is null
   */
  public static PaillierKeyPair generate(int modulusBits, SecureRandom random) {
    return generate(modulusBits, random, PaillierPublicKey.MIN_MODULUS_BITS);
  }

  /**
   * Like {@link #generate(int, SecureRandom)} from {@link PaillierPublicKey#MIN_TEST_MODULUS_BITS}
   * bits. INSECURE below 2048 bits: for fast tests only.
   */
  public static PaillierKeyPair generateForTesting(int modulusBits, SecureRandom random) {
    return generate(modulusBits, random, PaillierPublicKey.MIN_TEST_MODULUS_BITS);
  }

  private static PaillierKeyPair generate(int modulusBits, SecureRandom random, int minBits) {
    Objects.requireNonNull(random, "random");
    if (modulusBits % 2 != 0 || modulusBits < minBits || modulusBits > PaillierPublicKey.MAX_MODULUS_BITS) {
      throw new IllegalArgumentException(
          "modulus length must be even and in " + minBits + ".." + PaillierPublicKey.MAX_MODULUS_BITS
              + ", got " + modulusBits);
    }
    int half = modulusBits / 2;
    while (true) {
      BigInteger p = Primes.randomPrime(half, random);
      BigInteger q = Primes.randomPrime(half, random);
      if (acceptable(p, q)) {
        return new PaillierKeyPair(PaillierPrivateKey.trusted(p, q));
      }
    }
  }

  static boolean acceptable(BigInteger p, BigInteger q) {
    if (p.equals(q)) {
      return false;
    }
    BigInteger n = p.multiply(q);
    BigInteger phi = p.subtract(BigInteger.ONE).multiply(q.subtract(BigInteger.ONE));
    return n.gcd(phi).equals(BigInteger.ONE)
        && p.subtract(q).abs().bitLength() > n.bitLength() / 2 - 100;
  }
}
