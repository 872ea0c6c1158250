package io.secagg.he.internal;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * Probabilistic primality testing and generation of primes and safe primes.
 *
 * <p>Every test is Miller-Rabin with {@link #ROUNDS} rounds whose bases are drawn uniformly
 * from {@code [2, n-2]} by the caller's {@link SecureRandom}: a composite passes one round with
 * probability at most 1/4 whatever its form, so the error is at most {@code 2^-128} even for an
 * adversarially chosen number (random bases defeat the composites built to pass fixed bases).
 */
public final class Primes {
  /** Miller-Rabin rounds: {@code 4^-64 = 2^-128} worst-case error. */
  public static final int ROUNDS = 64;

  private static final int[] SMALL_PRIMES = smallPrimes(1 << 14);
  private static final BigInteger TWO = BigInteger.TWO;
  /** How far a sieved search walks from one random starting point before drawing a new one. */
  private static final int SEARCH_SPAN = 1 << 16;

  private Primes() {}

  /** The odd primes below {@code 2^14}, for trial division and sieving. */
  static int[] smallPrimes(int limit) {
    boolean[] composite = new boolean[limit];
    int count = 0;
    for (int i = 3; i < limit; i += 2) {
      if (!composite[i]) {
        count++;
        for (long j = (long) i * i; j < limit; j += 2L * i) {
          composite[(int) j] = true;
        }
      }
    }
    int[] out = new int[count];
    int k = 0;
    for (int i = 3; i < limit; i += 2) {
      if (!composite[i]) {
        out[k++] = i;
      }
    }
    return out;
  }

  /**
   * True iff {@code n} is (with error at most {@code 2^-128}) prime. Negative numbers, 0 and 1
   * are not prime.
   */
  public static boolean isProbablePrime(BigInteger n, SecureRandom random) {
    return isProbablePrime(n, ROUNDS, random);
  }

  /**
   * Like {@link #isProbablePrime(BigInteger, SecureRandom)} with {@code rounds} Miller-Rabin
   * rounds (error at most {@code 4^-rounds}).
   */
  public static boolean isProbablePrime(BigInteger n, int rounds, SecureRandom random) {
    if (rounds < 1) {
      throw new IllegalArgumentException("rounds must be positive");
    }
    if (n.signum() <= 0 || n.equals(BigInteger.ONE)) {
      return false;
    }
    if (n.bitLength() <= 31) {
      return isSmallPrime(n.intValueExact());
    }
    if (!n.testBit(0)) {
      return false;
    }
    for (int p : SMALL_PRIMES) {
      if (n.mod(BigInteger.valueOf(p)).signum() == 0) {
        return false;
      }
    }
    return millerRabin(n, rounds, random);
  }

  private static boolean isSmallPrime(int n) {
    if (n < 2) {
      return false;
    }
    if (n % 2 == 0) {
      return n == 2;
    }
    for (int d = 3; (long) d * d <= n; d += 2) {
      if (n % d == 0) {
        return false;
      }
    }
    return true;
  }

  /** Miller-Rabin with {@code rounds} uniformly random bases; {@code n} odd and {@code > 4}. */
  static boolean millerRabin(BigInteger n, int rounds, SecureRandom random) {
    BigInteger nMinus1 = n.subtract(BigInteger.ONE);
    int s = nMinus1.getLowestSetBit();
    BigInteger d = nMinus1.shiftRight(s);
    BigInteger baseRange = n.subtract(BigInteger.valueOf(3)); // bases 2 .. n-2
    for (int round = 0; round < rounds; round++) {
      BigInteger a = uniformBelow(baseRange, random).add(TWO);
      BigInteger x = a.modPow(d, n);
      if (x.equals(BigInteger.ONE) || x.equals(nMinus1)) {
        continue;
      }
      boolean witness = true;
      for (int i = 1; i < s; i++) {
        x = x.multiply(x).mod(n);
        if (x.equals(nMinus1)) {
          witness = false;
          break;
        }
        if (x.equals(BigInteger.ONE)) {
          break;
        }
      }
      if (witness) {
        return false;
      }
    }
    return true;
  }

  /** Uniform in {@code [0, bound)} by rejection sampling; {@code bound > 0}. */
  public static BigInteger uniformBelow(BigInteger bound, SecureRandom random) {
    int bits = bound.bitLength();
    while (true) {
      BigInteger r = new BigInteger(bits, random);
      if (r.compareTo(bound) < 0) {
        return r;
      }
    }
  }

  /**
   * A random prime of exactly {@code bits} bits whose two top bits are set, so the product of
   * two such primes has exactly {@code 2 * bits} bits.
   */
  public static BigInteger randomPrime(int bits, SecureRandom random) {
    if (bits < 16) {
      throw new IllegalArgumentException("prime length must be at least 16 bits");
    }
    while (true) {
      BigInteger start = new BigInteger(bits, random).setBit(bits - 1).setBit(bits - 2).setBit(0);
      int[] residues = residues(start);
      for (int off = 0; off < SEARCH_SPAN; off += 2) {
        if (divisibleBySmallPrime(residues, off, false)) {
          continue;
        }
        BigInteger c = start.add(BigInteger.valueOf(off));
        if (c.bitLength() != bits) {
          break;
        }
        if (millerRabin(c, ROUNDS, random)) {
          return c;
        }
      }
    }
  }

  /**
   * A random safe prime {@code p = 2p' + 1} ({@code p'} prime) of exactly {@code bits} bits
   * with its two top bits set.
   */
  public static BigInteger randomSafePrime(int bits, SecureRandom random) {
    if (bits < 16) {
      throw new IllegalArgumentException("safe prime length must be at least 16 bits");
    }
    while (true) {
      BigInteger start =
          new BigInteger(bits - 1, random).setBit(bits - 2).setBit(bits - 3).setBit(0);
      int[] residues = residues(start);
      for (int off = 0; off < SEARCH_SPAN; off += 2) {
        if (divisibleBySmallPrime(residues, off, true)) {
          continue;
        }
        BigInteger half = start.add(BigInteger.valueOf(off));
        BigInteger p = half.shiftLeft(1).add(BigInteger.ONE);
        if (p.bitLength() != bits) {
          break;
        }
        // One cheap round on each first: almost every candidate fails here.
        if (millerRabin(half, 1, random)
            && millerRabin(p, 1, random)
            && millerRabin(half, ROUNDS, random)
            && millerRabin(p, ROUNDS, random)) {
          return p;
        }
      }
    }
  }

  /** True iff {@code p} is a safe prime: {@code p} and {@code (p-1)/2} both prime. */
  public static boolean isSafePrime(BigInteger p, SecureRandom random) {
    return p.signum() > 0
        && p.testBit(0)
        && p.bitLength() > 3
        && isProbablePrime(p.shiftRight(1), random)
        && isProbablePrime(p, random);
  }

  private static int[] residues(BigInteger start) {
    int[] r = new int[SMALL_PRIMES.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = start.mod(BigInteger.valueOf(SMALL_PRIMES[i])).intValue();
    }
    return r;
  }

  private static boolean divisibleBySmallPrime(int[] residues, int off, boolean safe) {
    for (int i = 0; i < residues.length; i++) {
      int p = SMALL_PRIMES[i];
      long r = (residues[i] + (long) off) % p;
      if (r == 0 || (safe && (2 * r + 1) % p == 0)) {
        return true;
      }
    }
    return false;
  }
}
