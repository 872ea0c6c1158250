package io.secagg.he.threshold;

import io.secagg.he.InvalidPaillierKeyException;
import io.secagg.he.PaillierPublicKey;
import io.secagg.he.internal.Primes;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A trusted dealer that creates a threshold Paillier key and forgets it (spec/paillier.md,
 * "Threshold decryption"):
 * <ol>
 *   <li>{@code n = pq} with safe primes {@code p = 2p'+1}, {@code q = 2q'+1} of equal length;
 *       {@code m = p'q'}.
 *   <li>{@code d = m (m^-1 mod n)}, so {@code d = 0 mod m} and {@code d = 1 mod n}.
 *   <li>{@code f(X) = d + a_1 X + ... + a_{t-1} X^{t-1}} with {@code a_k} uniform in
 *       {@code [0, nm)}; party {@code i} gets {@code s_i = f(i) mod nm}.
 *   <li>{@code v = x^2 mod n^2} for {@code x} uniform in {@code Z*_{n^2}};
 *       {@code v_i = v^(Delta s_i) mod n^2}, {@code Delta = w!}.
 * </ol>
 * The dealer sees the factorization; a protocol without a trusted dealer (distributed key
 * generation) is not provided.
 *
 * <p>Sizes: the production entry points require {@code n} of at least
 * {@link PaillierPublicKey#MIN_MODULUS_BITS} bits (safe primes of 1024 bits or more). Finding
 * a 1024-bit safe prime takes seconds to a minute on one core; tests use fixed safe primes or
 * the {@code ...ForTesting} entry point with small ones.
 */
public final class ThresholdKeyDealer {
  private ThresholdKeyDealer() {}

  /**
   * Generates safe primes and deals a {@code t}-of-{@code w} key.
   *
   * @param modulusBits even, at least {@link PaillierPublicKey#MIN_MODULUS_BITS}
   * @throws IllegalArgumentException if sizes or counts are out of range ({@code 2 <= t <= w <=
   *     128})
   */
  public static ThresholdKeySet deal(int modulusBits, int threshold, int parties, SecureRandom random) {
    Objects.requireNonNull(random, "random");
    if (modulusBits % 2 != 0 || modulusBits < PaillierPublicKey.MIN_MODULUS_BITS
        || modulusBits > PaillierPublicKey.MAX_MODULUS_BITS) {
      throw new IllegalArgumentException("modulus length must be even and in "
          + PaillierPublicKey.MIN_MODULUS_BITS + ".." + PaillierPublicKey.MAX_MODULUS_BITS);
    }
    ThresholdPublicKey.checkCounts(threshold, parties);
    BigInteger p = Primes.randomSafePrime(modulusBits / 2, random);
    BigInteger q;
    do {
      q = Primes.randomSafePrime(modulusBits / 2, random);
    } while (q.equals(p));
    try {
      return dealTrusted(p, q, threshold, parties, random);
    } catch (InvalidPaillierKeyException e) {
      throw new IllegalStateException("freshly generated safe primes failed validation", e);
    }
  }

  /**
   * Deals a key from given safe primes, after validating them (both safe primes, distinct, of
   * equal length, {@code n} at least {@link PaillierPublicKey#MIN_MODULUS_BITS} bits).
   *
   * @throws InvalidPaillierKeyException if the primes fail validation
   * @throws IllegalArgumentException if the counts are out of range
   */
  public static ThresholdKeySet dealFromSafePrimes(
      BigInteger p, BigInteger q, int threshold, int parties, SecureRandom random)
      throws InvalidPaillierKeyException {
    return dealValidated(p, q, threshold, parties, random, PaillierPublicKey.MIN_MODULUS_BITS);
  }

  /**
   * Like {@link #dealFromSafePrimes} but accepts moduli from
   * {@link PaillierPublicKey#MIN_TEST_MODULUS_BITS} bits. INSECURE: for fast tests only.
   *
   * @throws InvalidPaillierKeyException if the primes fail validation
   */
  public static ThresholdKeySet dealFromSafePrimesForTesting(
      BigInteger p, BigInteger q, int threshold, int parties, SecureRandom random)
      throws InvalidPaillierKeyException {
    return dealValidated(p, q, threshold, parties, random, PaillierPublicKey.MIN_TEST_MODULUS_BITS);
  }

  private static ThresholdKeySet dealValidated(
      BigInteger p, BigInteger q, int threshold, int parties, SecureRandom random, int minBits)
      throws InvalidPaillierKeyException {
    Objects.requireNonNull(p, "p");
    Objects.requireNonNull(q, "q");
    Objects.requireNonNull(random, "random");
    ThresholdPublicKey.checkCounts(threshold, parties);
    if (p.equals(q)) {
      throw new InvalidPaillierKeyException("p and q must be distinct");
    }
    if (p.bitLength() != q.bitLength()) {
      throw new InvalidPaillierKeyException("p and q must have the same bit length");
    }
    int bits = p.multiply(q).bitLength();
    if (bits < minBits || bits > PaillierPublicKey.MAX_MODULUS_BITS) {
      throw new InvalidPaillierKeyException(
          "modulus has " + bits + " bits; allowed " + minBits + ".." + PaillierPublicKey.MAX_MODULUS_BITS);
    }
    if (!Primes.isSafePrime(p, random) || !Primes.isSafePrime(q, random)) {
      throw new InvalidPaillierKeyException("p and q must be safe primes");
    }
    return dealTrusted(p, q, threshold, parties, random);
  }

  private static ThresholdKeySet dealTrusted(
      BigInteger p, BigInteger q, int threshold, int parties, SecureRandom random)
      throws InvalidPaillierKeyException {
    BigInteger n = p.multiply(q);
    BigInteger nm = n.multiply(p.shiftRight(1).multiply(q.shiftRight(1)));
    BigInteger[] coefficients = new BigInteger[threshold - 1];
    for (int k = 0; k < coefficients.length; k++) {
      coefficients[k] = Primes.uniformBelow(nm, random);
    }
    BigInteger n2 = n.multiply(n);
    BigInteger x;
    do {
      x = Primes.uniformBelow(n2, random);
    } while (x.signum() == 0 || !x.gcd(n).equals(BigInteger.ONE));
    return dealWith(p, q, threshold, parties, coefficients, x);
  }

  /**
   * The deterministic core: everything from the primes, the polynomial's coefficients
   * {@code a_1..a_{t-1}} and the unit {@code x} of {@code v = x^2}. Known-answer tests call it
   * with recorded values.
   */
  static ThresholdKeySet dealWith(
      BigInteger p, BigInteger q, int threshold, int parties, BigInteger[] coefficients, BigInteger x)
      throws InvalidPaillierKeyException {
    BigInteger n = p.multiply(q);
    BigInteger m = p.shiftRight(1).multiply(q.shiftRight(1));
    if (!m.gcd(n).equals(BigInteger.ONE)) {
      throw new InvalidPaillierKeyException("gcd(n, p'q') must be 1");
    }
    BigInteger nm = n.multiply(m);
    BigInteger d = m.multiply(m.modInverse(n));
    BigInteger n2 = n.multiply(n);
    PaillierPublicKey pk = PaillierPublicKey.fromModulusForTesting(n);
    BigInteger delta = ThresholdMath.factorial(parties);
    BigInteger v = x.multiply(x).mod(n2);
    BigInteger[] secrets = new BigInteger[parties];
    BigInteger[] vks = new BigInteger[parties];
    for (int i = 1; i <= parties; i++) {
      BigInteger xi = BigInteger.valueOf(i);
      BigInteger s = BigInteger.ZERO;
      for (int k = coefficients.length - 1; k >= 0; k--) {
        s = s.add(coefficients[k]).multiply(xi);
      }
      s = s.add(d).mod(nm);
      secrets[i - 1] = s;
      vks[i - 1] = v.modPow(delta.multiply(s), n2);
    }
    ThresholdPublicKey tpk = new ThresholdPublicKey(pk, threshold, parties, v, vks);
    List<KeyShare> shares = new ArrayList<>(parties);
    for (int i = 1; i <= parties; i++) {
      shares.add(new KeyShare(tpk, i, secrets[i - 1]));
    }
    return new ThresholdKeySet(tpk, shares);
  }
}
