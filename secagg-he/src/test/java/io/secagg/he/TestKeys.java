package io.secagg.he;

import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.he.internal.Primes;
import java.math.BigInteger;
import java.security.SecureRandom;

/** Reproducible keys shared by the tests; small ones are INSECURE and only for speed. */
public final class TestKeys {
  /**
   * Two 1024-bit safe primes, found once by a sieved random search and checked by every run of
   * the tests (ThresholdKeyDealer.dealFromSafePrimes validates them).
   */
  public static final BigInteger SAFE_P_1024 = new BigInteger(
      "162385737781390544105330619045114430702662934857161220156017819877014861061203478978340669108174629169974542852163465218554114174090674046319152177924038226153209928566202300627087766877796978026915349899888266069931013120514843383440524059540518501126525938519041458278399714573316042328113224059023004658507");
  /** The second 1024-bit safe prime. */
  public static final BigInteger SAFE_Q_1024 = new BigInteger(
      "142340952196858641212678885639333593215725619992370260897389478819609445982444377587273779433145635014786085753690791086037572429989699783637242054303621023965736811685124684302011681712610512295545702640362136987948339378004436788635808271360009505800857417221621435073258761771808628608138464907284286052983");

  /** Seed of {@link #vectorKey()}: the 2048-bit key of the known-answer vectors. */
  public static final long VECTOR_KEY_SEED = 0x5eca992048L;

  /** Seed of {@link #multiPrimeVectorKey()}: the 2048-bit three-prime key of the vectors. */
  public static final long MULTI_PRIME_VECTOR_KEY_SEED = 0x5eca993048L;

  private static PaillierKeyPair small512;
  private static PaillierKeyPair vectorKey;
  private static PaillierKeyPair production2048;
  private static BigInteger[] safe128;
  private static PaillierKeyPair multiPrimeVectorKey;
  private static PaillierKeyPair smallThreePrime;
  private static PaillierKeyPair fourPrime4096;
  private static PaillierKeyPair fivePrime8192;

  private TestKeys() {}

  /** A reproducible random source for tests. */
  public static SecureRandom random(long seed) {
    return DeterministicRandom.forTestVectorsOnly(seed);
  }

  /** A 512-bit key (INSECURE, fast). */
  public static synchronized PaillierKeyPair small() {
    if (small512 == null) {
      small512 = PaillierKeyGenerator.generateForTesting(512, random(512));
    }
    return small512;
  }

  /** A 2048-bit key generated from a fixed seed. */
  public static synchronized PaillierKeyPair production() {
    if (production2048 == null) {
      production2048 = PaillierKeyGenerator.generate(2048, random(2048));
    }
    return production2048;
  }

  /** The 2048-bit key of the vector files: generated from DeterministicRandom(VECTOR_KEY_SEED). */
  public static synchronized PaillierKeyPair vectorKey() {
    if (vectorKey == null) {
      vectorKey = PaillierKeyGenerator.generate(2048, random(VECTOR_KEY_SEED));
    }
    return vectorKey;
  }

  /**
   * The 2048-bit three-prime key of {@code paillier_multiprime_test.json}: generated from
   * DeterministicRandom(MULTI_PRIME_VECTOR_KEY_SEED).
   */
  public static synchronized PaillierKeyPair multiPrimeVectorKey() {
    if (multiPrimeVectorKey == null) {
      multiPrimeVectorKey = PaillierKeyGenerator.generate(2048, 3, random(MULTI_PRIME_VECTOR_KEY_SEED));
    }
    return multiPrimeVectorKey;
  }

  /** A 512-bit three-prime key: primes of 170, 171 and 171 bits (INSECURE, fast). */
  public static synchronized PaillierKeyPair smallThreePrime() {
    if (smallThreePrime == null) {
      smallThreePrime = PaillierKeyGenerator.generateForTesting(512, 3, random(5123));
    }
    return smallThreePrime;
  }

  /** A 4096-bit four-prime key (the smallest size that allows four primes). */
  public static synchronized PaillierKeyPair fourPrime() {
    if (fourPrime4096 == null) {
      fourPrime4096 = PaillierKeyGenerator.generate(4096, 4, random(40964));
    }
    return fourPrime4096;
  }

  /**
   * An 8192-bit five-prime key (the smallest size that allows five primes). Seed 6 was picked
   * because it finds one in about a second; some seeds take several.
   */
  public static synchronized PaillierKeyPair fivePrime() {
    if (fivePrime8192 == null) {
      fivePrime8192 = PaillierKeyGenerator.generate(8192, 5, random(6));
    }
    return fivePrime8192;
  }

  /** Two 128-bit safe primes (INSECURE, fast threshold tests). */
  public static synchronized BigInteger[] smallSafePrimes() {
    if (safe128 == null) {
      SecureRandom r = random(128);
      BigInteger p = Primes.randomSafePrime(128, r);
      BigInteger q;
      do {
        q = Primes.randomSafePrime(128, r);
      } while (q.equals(p));
      safe128 = new BigInteger[] {p, q};
    }
    return safe128.clone();
  }
}
