package io.secagg.vectors.internal.he;

import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.he.PaillierKeyGenerator;
import io.secagg.he.PaillierKeyPair;
import io.secagg.he.PaillierPrivateKey;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;

/**
 * The keys and encoding helpers of the Paillier generators, built through secagg-he's public API
 * only (the keys are the ones secagg-he's tests use, from the same seeds).
 */
final class HeTestKeys {
  /** Two 1024-bit safe primes, found once by a sieved random search. */
  static final BigInteger SAFE_P_1024 = new BigInteger(
      "162385737781390544105330619045114430702662934857161220156017819877014861061203478978340669108174629169974542852163465218554114174090674046319152177924038226153209928566202300627087766877796978026915349899888266069931013120514843383440524059540518501126525938519041458278399714573316042328113224059023004658507");
  /** The second 1024-bit safe prime. */
  static final BigInteger SAFE_Q_1024 = new BigInteger(
      "142340952196858641212678885639333593215725619992370260897389478819609445982444377587273779433145635014786085753690791086037572429989699783637242054303621023965736811685124684302011681712610512295545702640362136987948339378004436788635808271360009505800857417221621435073258761771808628608138464907284286052983");
  /** Seed of {@link #vectorKey()}. */
  static final long VECTOR_KEY_SEED = 0x5eca992048L;
  /** Seed of {@link #multiPrimeVectorKey()}. */
  static final long MULTI_PRIME_VECTOR_KEY_SEED = 0x5eca993048L;

  private static PaillierKeyPair vectorKey;
  private static PaillierKeyPair multiPrimeVectorKey;
  private static PaillierKeyPair small;
  private static PaillierKeyPair fourPrime;

  private HeTestKeys() {}

  static SecureRandom random(long seed) {
    return DeterministicRandom.forTestVectorsOnly(seed);
  }

  /** The 2048-bit key of the vector files. */
  static synchronized PaillierKeyPair vectorKey() {
    if (vectorKey == null) {
      vectorKey = PaillierKeyGenerator.generate(2048, random(VECTOR_KEY_SEED));
    }
    return vectorKey;
  }

  /** The 2048-bit three-prime key of the multi-prime file. */
  static synchronized PaillierKeyPair multiPrimeVectorKey() {
    if (multiPrimeVectorKey == null) {
      multiPrimeVectorKey = PaillierKeyGenerator.generate(2048, 3, random(MULTI_PRIME_VECTOR_KEY_SEED));
    }
    return multiPrimeVectorKey;
  }

  /** A 512-bit key (INSECURE, fast). */
  static synchronized PaillierKeyPair small() {
    if (small == null) {
      small = PaillierKeyGenerator.generateForTesting(512, random(512));
    }
    return small;
  }

  /** A 4096-bit four-prime key. */
  static synchronized PaillierKeyPair fourPrime() {
    if (fourPrime == null) {
      fourPrime = PaillierKeyGenerator.generate(4096, 4, random(40964));
    }
    return fourPrime;
  }

  /** The primes of a key, ascending, read from its canonical encoding (section 10). */
  static List<BigInteger> primes(PaillierPrivateKey key) {
    byte[] enc = key.toBytes();
    if (enc[1] == 2) {
      // 01 02 || u32 len || p || u32 len || q, p < q.
      int lenP = new BigInteger(1, java.util.Arrays.copyOfRange(enc, 2, 6)).intValueExact();
      BigInteger p = new BigInteger(1, java.util.Arrays.copyOfRange(enc, 6, 6 + lenP));
      int at = 6 + lenP;
      int lenQ = new BigInteger(1, java.util.Arrays.copyOfRange(enc, at, at + 4)).intValueExact();
      BigInteger q = new BigInteger(1, java.util.Arrays.copyOfRange(enc, at + 4, at + 4 + lenQ));
      return List.of(p, q);
    }
    return MultiPrimeVectors.specParse(enc).primes;
  }

  /**
   * A random prime of exactly {@code bits} bits with its two top bits set: odd candidates with the
   * top bits set, each tested with {@link BigInteger#isProbablePrime} (error below 2^-100).
   */
  static BigInteger randomPrime(int bits, SecureRandom random) {
    while (true) {
      BigInteger c = new BigInteger(bits, random).setBit(bits - 1).setBit(bits - 2).setBit(0);
      if (c.isProbablePrime(100)) {
        return c;
      }
    }
  }

  /** Uniform in {@code [0, bound)} by rejection sampling. */
  static BigInteger uniformBelow(BigInteger bound, SecureRandom random) {
    while (true) {
      BigInteger r = new BigInteger(bound.bitLength(), random);
      if (r.compareTo(bound) < 0) {
        return r;
      }
    }
  }

  /** Section 10 encodings, built field by field without validation. */
  static final class Writer {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Writer(int type) {
      out.write(1);
      out.write(type);
    }

    Writer u8(int v) {
      out.write(v);
      return this;
    }

    Writer u32(int v) {
      out.writeBytes(PaillierSpec.u32(v));
      return this;
    }

    Writer integer(BigInteger x) {
      out.writeBytes(PaillierVectors.lengthPrefixed(x));
      return this;
    }

    Writer raw(byte[] b) {
      out.writeBytes(b);
      return this;
    }

    byte[] toByteArray() {
      return out.toByteArray();
    }
  }
}
