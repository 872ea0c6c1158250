package io.secagg.he;

import io.secagg.he.internal.Primes;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Generates Paillier key pairs. By default two random primes of {@code bits/2} bits each with
 * their two top bits set (so {@code n} has exactly {@code bits} bits), tested with 64
 * Miller-Rabin rounds, and redrawn until they are distinct, far enough apart and
 * {@code gcd(n, (p-1)(q-1)) = 1}.
 *
 * <p>{@link #generate(int, int, SecureRandom)} makes a multi-prime key instead: {@code k} primes
 * whose lengths differ by at most one bit, with the same rules pairwise. Its public key looks like
 * any other; its decryption is about {@code k^2/4} times faster (see {@link PaillierPrivateKey}).
 */
public final class PaillierKeyGenerator {
  /** Attempts at the last prime before all primes are redrawn (multi-prime keys). */
  private static final int LAST_PRIME_ATTEMPTS = 16;

  private PaillierKeyGenerator() {}

  /** A {@value PaillierPublicKey#DEFAULT_MODULUS_BITS}-bit key from a fresh {@link SecureRandom}. */
  public static PaillierKeyPair generate() {
    return generate(PaillierPublicKey.DEFAULT_MODULUS_BITS, new SecureRandom());
  }

  /**
   * A two-prime key whose modulus has exactly {@code modulusBits} bits.
   *
   * @param modulusBits even, from {@link PaillierPublicKey#MIN_MODULUS_BITS} to
   *     {@link PaillierPublicKey#MAX_MODULUS_BITS}
   * @throws IllegalArgumentException if {@code modulusBits} is odd or out of range
   * @throws NullPointerException if {@code random} is null
   */
  public static PaillierKeyPair generate(int modulusBits, SecureRandom random) {
    return generate(modulusBits, 2, random, PaillierPublicKey.MIN_MODULUS_BITS);
  }

  /**
   * A key with {@code primeCount} prime factors whose modulus has exactly {@code modulusBits}
   * bits. The first {@code modulusBits mod primeCount} primes have
   * {@code ceil(modulusBits / primeCount)} bits, the others {@code floor(modulusBits / primeCount)}.
   *
   * @param modulusBits even, from {@link PaillierPublicKey#MIN_MODULUS_BITS} to
   *     {@link PaillierPublicKey#MAX_MODULUS_BITS}
   * @param primeCount from 2 to {@link PaillierPrivateKey#maxPrimes(int)} of {@code modulusBits}
   * @throws IllegalArgumentException if {@code modulusBits} is odd or out of range, or
   *     {@code primeCount} is out of range
   * @throws NullPointerException if {@code random} is null
   */
  public static PaillierKeyPair generate(int modulusBits, int primeCount, SecureRandom random) {
    return generate(modulusBits, primeCount, random, PaillierPublicKey.MIN_MODULUS_BITS);
  }

  /**
   * Like {@link #generate(int, SecureRandom)} from {@link PaillierPublicKey#MIN_TEST_MODULUS_BITS}
   * bits. INSECURE below 2048 bits: for fast tests only.
   */
  public static PaillierKeyPair generateForTesting(int modulusBits, SecureRandom random) {
    return generate(modulusBits, 2, random, PaillierPublicKey.MIN_TEST_MODULUS_BITS);
  }

  /**
   * Like {@link #generate(int, int, SecureRandom)} from
   * {@link PaillierPublicKey#MIN_TEST_MODULUS_BITS} bits. INSECURE below 2048 bits: for fast
   * tests only.
   */
  public static PaillierKeyPair generateForTesting(
      int modulusBits, int primeCount, SecureRandom random) {
    return generate(modulusBits, primeCount, random, PaillierPublicKey.MIN_TEST_MODULUS_BITS);
  }

  private static PaillierKeyPair generate(
      int modulusBits, int primeCount, SecureRandom random, int minBits) {
    Objects.requireNonNull(random, "random");
    if (modulusBits % 2 != 0 || modulusBits < minBits || modulusBits > PaillierPublicKey.MAX_MODULUS_BITS) {
      throw new IllegalArgumentException(
          "modulus length must be even and in " + minBits + ".." + PaillierPublicKey.MAX_MODULUS_BITS
              + ", got " + modulusBits);
    }
    int maxPrimes = PaillierPrivateKey.maxPrimes(modulusBits);
    if (primeCount < 2 || primeCount > maxPrimes) {
      throw new IllegalArgumentException(
          "a " + modulusBits + "-bit key has 2.." + maxPrimes + " primes, got " + primeCount);
    }
    if (primeCount == 2) {
      int half = modulusBits / 2;
      while (true) {
        BigInteger p = Primes.randomPrime(half, random);
        BigInteger q = Primes.randomPrime(half, random);
        if (acceptable(p, q)) {
          return new PaillierKeyPair(PaillierPrivateKey.trusted(p, q));
        }
      }
    }
    return new PaillierKeyPair(PaillierPrivateKey.trusted(multiPrime(modulusBits, primeCount, random)));
  }

  private static BigInteger[] multiPrime(int modulusBits, int k, SecureRandom random) {
    int[] lengths = new int[k];
    for (int i = 0; i < k; i++) {
      lengths[i] = modulusBits / k + (i < modulusBits % k ? 1 : 0);
    }
    BigInteger[] primes = new BigInteger[k];
    while (true) {
      BigInteger head = BigInteger.ONE;
      for (int i = 0; i < k - 1; i++) {
        primes[i] = Primes.randomPrime(lengths[i], random);
        head = head.multiply(primes[i]);
      }
      // With more than two primes, top bits set no longer fix the product's length. If even the
      // largest last prime cannot lift n to modulusBits bits, start over at once; otherwise redraw
      // the last prime until n has exactly modulusBits bits.
      BigInteger largestLast = BigInteger.ONE.shiftLeft(lengths[k - 1]).subtract(BigInteger.ONE);
      if (head.multiply(largestLast).bitLength() < modulusBits) {
        continue;
      }
      for (int attempt = 0; attempt < LAST_PRIME_ATTEMPTS; attempt++) {
        primes[k - 1] = Primes.randomPrime(lengths[k - 1], random);
        if (head.multiply(primes[k - 1]).bitLength() == modulusBits && acceptable(primes)) {
          return primes;
        }
      }
    }
  }

  static boolean acceptable(BigInteger p, BigInteger q) {
    return acceptable(new BigInteger[] {p, q});
  }

  /** The rules between primes of spec 3.1 and 3.5 (see {@link PaillierPrivateKey}). */
  static boolean acceptable(BigInteger[] primes) {
    return PaillierPrivateKey.relationViolation(primes) == null;
  }
}
