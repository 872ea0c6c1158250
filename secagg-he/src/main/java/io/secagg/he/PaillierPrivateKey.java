package io.secagg.he;

import io.secagg.he.internal.Primes;
import io.secagg.he.internal.Wire;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A Paillier private key: the prime factors {@code p_1 < ... < p_k} of {@code n} and the CRT
 * constants of decryption, all precomputed at construction. Immutable and thread-safe.
 *
 * <p>Most keys have two primes {@code p < q} (the default of {@link PaillierKeyGenerator}). A key
 * may instead have {@code k} primes, {@code 3 <= k <=} {@link #maxPrimes(int)} of the modulus
 * length: the public key is the same (nothing tells a two-prime {@code n} from a three-prime one
 * without factoring it), factoring {@code n} is as hard by the number field sieve, and decryption
 * is about {@code k^2/4} times faster (spec/paillier.md, "Multi-prime keys").
 *
 * <p>Validation (spec/paillier.md, "Validation of keys from outside"): every factor is a probable
 * prime (64 Miller-Rabin rounds with random bases); the factors are pairwise distinct;
 * {@code gcd(n, phi(n)) = 1}; two factors have equal bit length (more: lengths differ by at most
 * one bit) and no two are close enough for Fermat's method
 * ({@code bits(|p_i - p_j|) > min(bits(p_i), bits(p_j)) - 100}); there are no more factors than
 * {@link #maxPrimes(int)} allows; and {@code n} passes {@link PaillierPublicKey}'s rules.
 *
 * <p>{@link #toString()} never shows the primes, nor how many there are; {@link #toBytes()} is
 * with {@link #primesForExport()}, the only way the primes leave this object. Java's {@link BigInteger} cannot be wiped and is not
 * constant-time: this key offers no protection against an attacker who can read the process
 * memory or time individual decryptions precisely.
 */
public final class PaillierPrivateKey {
  static final int TYPE = 0x02;
  static final int MULTI_PRIME_TYPE = 0x08;
  private static final SecureRandom VALIDATION_RANDOM = new SecureRandom();
  /** Largest prime count of any key: {@link #maxPrimes(int)} at the largest modulus. */
  static final int MAX_PRIMES = 5;

  private final PaillierPublicKey publicKey;
  /** Ascending. */
  private final Factor[] factors;

  /**
   * One prime factor with its decryption constants: {@code h = L_p((n+1)^(p-1) mod p^2)^-1 mod p}
   * and Garner's {@code inv = (p_1 ... p_(i-1))^-1 mod p} (unused for the first factor).
   */
  private static final class Factor {
    final BigInteger p;
    final BigInteger pSquared;
    final BigInteger pMinus1;
    final BigInteger h;
    final BigInteger garnerInverse;
    final BigInteger prefixProduct;

    Factor(BigInteger p, BigInteger g, BigInteger prefixProduct) {
      this.p = p;
      this.pSquared = p.multiply(p);
      this.pMinus1 = p.subtract(BigInteger.ONE);
      this.h = lFunction(g.modPow(pMinus1, pSquared), p).modInverse(p);
      this.prefixProduct = prefixProduct;
      this.garnerInverse = prefixProduct == null ? null : prefixProduct.mod(p).modInverse(p);
    }

    /** {@code m mod p}. */
    BigInteger residue(BigInteger c) {
      return lFunction(c.mod(pSquared).modPow(pMinus1, pSquared), p).multiply(h).mod(p);
    }
  }

  private PaillierPrivateKey(BigInteger[] ascending, PaillierPublicKey publicKey) {
    this.publicKey = publicKey;
    BigInteger g = publicKey.modulus().add(BigInteger.ONE);
    this.factors = new Factor[ascending.length];
    BigInteger prefix = null;
    for (int i = 0; i < ascending.length; i++) {
      factors[i] = new Factor(ascending[i], g, prefix);
      prefix = prefix == null ? ascending[i] : prefix.multiply(ascending[i]);
    }
  }

  /**
   * The largest number of prime factors a key with a modulus of {@code modulusBits} bits may have:
   * 3 below 4096 bits (the insecure test sizes included), 4 below 8192 bits, 5 from 8192 bits.
   * These keep the smallest factor far beyond the reach of the elliptic curve method, so the
   * number field sieve on {@code n} stays the cheapest known attack (spec/paillier.md, "Multi-prime
   * keys"; after Lenstra 2001 and Hinek 2008).
   *
   * @throws IllegalArgumentException if {@code modulusBits} is not positive
   */
  public static int maxPrimes(int modulusBits) {
    if (modulusBits <= 0) {
      throw new IllegalArgumentException("modulus length must be positive, got " + modulusBits);
    }
    if (modulusBits < 4096) {
      return 3;
    }
    return modulusBits < 8192 ? 4 : 5;
  }

  /**
   * Builds and validates a two-prime key from its primes (in either order) under the production
   * policy.
   *
   * @throws InvalidPaillierKeyException if the primes fail a rule of the class comment
   * @throws NullPointerException if an argument is null
   */
  public static PaillierPrivateKey fromPrimes(BigInteger p, BigInteger q)
      throws InvalidPaillierKeyException {
    return fromPrimes(List.of(Objects.requireNonNull(p, "p"), Objects.requireNonNull(q, "q")));
  }

  /**
   * Builds and validates a key from its 2 to {@link #maxPrimes(int)} prime factors (in any order)
   * under the production policy.
   *
   * @throws InvalidPaillierKeyException if the primes fail a rule of the class comment, or their
   *     number is below 2 or above {@link #maxPrimes(int)} of the modulus length
   * @throws NullPointerException if the list or an element is null
   */
  public static PaillierPrivateKey fromPrimes(List<BigInteger> primes)
      throws InvalidPaillierKeyException {
    return validated(primes, PaillierPublicKey.MIN_MODULUS_BITS);
  }

  /**
   * Like {@link #fromPrimes(BigInteger, BigInteger)} but accepts moduli from
   * {@link PaillierPublicKey#MIN_TEST_MODULUS_BITS} bits. INSECURE: for fast tests only.
   *
   * @throws InvalidPaillierKeyException if the primes fail a rule
   */
  public static PaillierPrivateKey fromPrimesForTesting(BigInteger p, BigInteger q)
      throws InvalidPaillierKeyException {
    return fromPrimesForTesting(
        List.of(Objects.requireNonNull(p, "p"), Objects.requireNonNull(q, "q")));
  }

  /**
   * Like {@link #fromPrimes(List)} but accepts moduli from
   * {@link PaillierPublicKey#MIN_TEST_MODULUS_BITS} bits. INSECURE: for fast tests only.
   *
   * @throws InvalidPaillierKeyException if the primes fail a rule
   */
  public static PaillierPrivateKey fromPrimesForTesting(List<BigInteger> primes)
      throws InvalidPaillierKeyException {
    return validated(primes, PaillierPublicKey.MIN_TEST_MODULUS_BITS);
  }

  /** For primes the library has just generated and tested itself. */
  static PaillierPrivateKey trusted(BigInteger... primes) {
    BigInteger[] ascending = primes.clone();
    Arrays.sort(ascending);
    BigInteger n = BigInteger.ONE;
    for (BigInteger p : ascending) {
      n = n.multiply(p);
    }
    return new PaillierPrivateKey(ascending, PaillierPublicKey.trusted(n));
  }

  private static PaillierPrivateKey validated(List<BigInteger> primes, int minBits)
      throws InvalidPaillierKeyException {
    Objects.requireNonNull(primes, "primes");
    BigInteger[] array = new BigInteger[primes.size()];
    for (int i = 0; i < array.length; i++) {
      array[i] = Objects.requireNonNull(primes.get(i), "prime");
    }
    checkPrimes(array, minBits);
    return trusted(array);
  }

  static void checkPrimes(BigInteger[] primes, int minModulusBits) throws InvalidPaillierKeyException {
    int k = primes.length;
    if (k < 2 || k > MAX_PRIMES) {
      throw new InvalidPaillierKeyException(
          "a key has 2.." + MAX_PRIMES + " prime factors, got " + k);
    }
    int minPrimeBits = Integer.MAX_VALUE;
    int maxPrimeBits = 0;
    for (BigInteger p : primes) {
      if (p.signum() <= 0) {
        throw new InvalidPaillierKeyException("primes must be positive");
      }
      // Bounds the work below before any multiplication or primality test.
      if (p.bitLength() > PaillierPublicKey.MAX_MODULUS_BITS) {
        throw new InvalidPaillierKeyException("a prime is longer than the largest modulus");
      }
      minPrimeBits = Math.min(minPrimeBits, p.bitLength());
      maxPrimeBits = Math.max(maxPrimeBits, p.bitLength());
    }
    for (int i = 0; i < k; i++) {
      for (int j = i + 1; j < k; j++) {
        if (primes[i].equals(primes[j])) {
          throw new InvalidPaillierKeyException(k == 2 ? "p and q must be distinct" : "the primes must be distinct");
        }
      }
    }
    if (k == 2 && minPrimeBits != maxPrimeBits) {
      throw new InvalidPaillierKeyException("p and q must have the same bit length");
    }
    if (maxPrimeBits - minPrimeBits > 1) {
      throw new InvalidPaillierKeyException("the primes' bit lengths must differ by at most one");
    }
    BigInteger n = BigInteger.ONE;
    for (BigInteger p : primes) {
      n = n.multiply(p);
    }
    if (n.bitLength() < minModulusBits || n.bitLength() > PaillierPublicKey.MAX_MODULUS_BITS) {
      throw new InvalidPaillierKeyException(
          "modulus has " + n.bitLength() + " bits; allowed " + minModulusBits + ".."
              + PaillierPublicKey.MAX_MODULUS_BITS);
    }
    if (k > maxPrimes(n.bitLength())) {
      throw new InvalidPaillierKeyException(
          "a " + n.bitLength() + "-bit modulus may have at most " + maxPrimes(n.bitLength())
              + " prime factors, got " + k);
    }
    for (BigInteger p : primes) {
      if (!Primes.isProbablePrime(p, VALIDATION_RANDOM)) {
        throw new InvalidPaillierKeyException(k == 2 ? "p or q is not prime" : "a factor is not prime");
      }
    }
    String broken = relationViolation(primes);
    if (broken != null) {
      throw new InvalidPaillierKeyException(broken);
    }
  }

  /**
   * The rules between the primes of a key (spec 3.2 and 3.5), shared by validation and the
   * generator: pairwise distinct, {@code gcd(n, phi(n)) = 1}, and no two primes close enough for
   * Fermat's method. Returns null when all hold, else which one fails.
   */
  static String relationViolation(BigInteger[] primes) {
    int k = primes.length;
    BigInteger n = BigInteger.ONE;
    BigInteger phi = BigInteger.ONE;
    for (int i = 0; i < k; i++) {
      for (int j = i + 1; j < k; j++) {
        if (primes[i].equals(primes[j])) {
          return k == 2 ? "p and q must be distinct" : "the primes must be distinct";
        }
      }
      n = n.multiply(primes[i]);
      phi = phi.multiply(primes[i].subtract(BigInteger.ONE));
    }
    if (!n.gcd(phi).equals(BigInteger.ONE)) {
      return k == 2 ? "gcd(n, (p-1)(q-1)) must be 1" : "gcd(n, phi(n)) must be 1";
    }
    for (int i = 0; i < k; i++) {
      for (int j = i + 1; j < k; j++) {
        // Two primes: the historical rule of spec 3.2, in terms of n.
        int limit = k == 2
            ? n.bitLength() / 2 - 100
            : Math.min(primes[i].bitLength(), primes[j].bitLength()) - 100;
        if (primes[i].subtract(primes[j]).abs().bitLength() <= limit) {
          return (k == 2 ? "p and q" : "two primes") + " are too close: Fermat's method would factor n";
        }
      }
    }
    return null;
  }


  /**
   * Parses the encoding of {@link #toBytes()} under the production policy: type {@code 0x02} for
   * two primes, {@code 0x08} for three or more.
   *
   * @throws InvalidPaillierKeyException if the bytes are malformed or the primes fail validation
   *     (including primes out of ascending order: the encoding is canonical)
   * @throws NullPointerException if {@code encoding} is null
   */
  public static PaillierPrivateKey fromBytes(byte[] encoding) throws InvalidPaillierKeyException {
    Objects.requireNonNull(encoding, "encoding");
    BigInteger[] primes;
    try {
      boolean multi = encoding != null && encoding.length >= 2
          && (encoding[1] & 0xff) == MULTI_PRIME_TYPE;
      if (encoding != null && encoding.length >= 2 && (encoding[0] & 0xff) == Wire.VERSION
          && !multi && (encoding[1] & 0xff) != TYPE) {
        throw new InvalidPaillierKeyException("malformed private key: type byte "
            + (encoding[1] & 0xff) + " where " + TYPE + " (two primes) or " + MULTI_PRIME_TYPE
            + " (three or more) was expected");
      }
      Wire.Reader r = new Wire.Reader(encoding, multi ? MULTI_PRIME_TYPE : TYPE);
      int k = 2;
      if (multi) {
        k = r.u8();
        if (k < 3 || k > MAX_PRIMES) {
          throw new InvalidPaillierKeyException(
              "malformed private key: a multi-prime key lists 3.." + MAX_PRIMES + " primes, got " + k);
        }
      }
      primes = new BigInteger[k];
      for (int i = 0; i < k; i++) {
        primes[i] = r.integer(PaillierPublicKey.MAX_MODULUS_BITS / 8);
      }
      r.finish();
    } catch (Wire.FormatException e) {
      throw new InvalidPaillierKeyException("malformed private key: " + e.getMessage(), e);
    }
    for (int i = 1; i < primes.length; i++) {
      if (primes[i - 1].compareTo(primes[i]) >= 0) {
        throw new InvalidPaillierKeyException(primes.length == 2
            ? "private key encoding must list p < q"
            : "private key encoding must list the primes in ascending order");
      }
    }
    return fromPrimes(Arrays.asList(primes));
  }

  /**
   * The encoding: {@code 01 02 || int(p) || int(q)} with {@code p < q} for two primes,
   * {@code 01 08 || u8(k) || int(p_1) || ... || int(p_k)} ascending for {@code k >= 3}. Secret:
   * protect it.
   */
  public byte[] toBytes() {
    Wire.Writer w;
    if (factors.length == 2) {
      w = new Wire.Writer(TYPE);
    } else {
      w = new Wire.Writer(MULTI_PRIME_TYPE).u8(factors.length);
    }
    for (Factor f : factors) {
      w.integer(f.p);
    }
    return w.toByteArray();
  }

  /**
   * The prime factors of {@code n}, ascending: the whole secret, for exporting the key to
   * another system. Treat the result like the key itself (this library never logs or prints
   * it; {@link #toString()} does not show it). {@link #fromPrimes(List)} rebuilds the key.
   */
  public List<BigInteger> primesForExport() {
    List<BigInteger> out = new ArrayList<>(factors.length);
    for (Factor f : factors) {
      out.add(f.p);
    }
    return List.copyOf(out);
  }

  /** The matching public key. */
  public PaillierPublicKey publicKey() {
    return publicKey;
  }

  /** The number of prime factors of {@code n}: 2, or up to {@link #maxPrimes(int)}. */
  public int primeCount() {
    return factors.length;
  }

  /**
   * Decrypts by CRT: {@code m_i = L_(p_i)(c^(p_i - 1) mod p_i^2) h_i mod p_i} for each prime,
   * combined by Garner's algorithm into {@code m mod n}.
   *
   * @return the plaintext in {@code [0, n)}
   * @throws KeyMismatchException if {@code c} was made under another public key
   * @throws NullPointerException if {@code c} is null
   */
  public BigInteger decrypt(Ciphertext c) {
    Objects.requireNonNull(c, "c");
    if (!c.publicKey().equals(publicKey)) {
      throw new KeyMismatchException("ciphertext belongs to another public key");
    }
    return decryptValue(c.value());
  }

  /**
   * Like {@link #decrypt(Ciphertext)} with the CRT residues computed concurrently: all but the
   * first on {@code executor}, the first on the caller's thread. This lowers the latency of one
   * decryption when cores are idle but not the throughput; to decrypt many ciphertexts,
   * parallelize across them instead (for example
   * {@link io.secagg.he.packing.EncryptedVector#decrypt(PaillierPrivateKey,
   * java.util.concurrent.Executor, int)}).
   *
   * @throws KeyMismatchException if {@code c} was made under another public key
   * @throws NullPointerException if an argument is null
   */
  public BigInteger decrypt(Ciphertext c, Executor executor) {
    Objects.requireNonNull(c, "c");
    Objects.requireNonNull(executor, "executor");
    if (!c.publicKey().equals(publicKey)) {
      throw new KeyMismatchException("ciphertext belongs to another public key");
    }
    BigInteger value = c.value();
    List<CompletableFuture<BigInteger>> rest = new ArrayList<>(factors.length - 1);
    for (int i = 1; i < factors.length; i++) {
      Factor f = factors[i];
      rest.add(CompletableFuture.supplyAsync(() -> f.residue(value), executor));
    }
    BigInteger[] residues = new BigInteger[factors.length];
    residues[0] = factors[0].residue(value);
    for (int i = 1; i < factors.length; i++) {
      residues[i] = rest.get(i - 1).join();
    }
    return combine(residues);
  }

  BigInteger decryptValue(BigInteger c) {
    BigInteger[] residues = new BigInteger[factors.length];
    for (int i = 0; i < factors.length; i++) {
      residues[i] = factors[i].residue(c);
    }
    return combine(residues);
  }

  /** Garner: {@code m = m_1}, then {@code m += P_i ((m_i - m) P_i^-1 mod p_i)} with {@code P_i = p_1..p_(i-1)}. */
  private BigInteger combine(BigInteger[] residues) {
    BigInteger m = residues[0];
    for (int i = 1; i < factors.length; i++) {
      Factor f = factors[i];
      BigInteger step = residues[i].subtract(m).multiply(f.garnerInverse).mod(f.p);
      m = m.add(f.prefixProduct.multiply(step));
    }
    return m;
  }

  private static BigInteger lFunction(BigInteger x, BigInteger prime) {
    return x.subtract(BigInteger.ONE).divide(prime);
  }

  /** The primes, ascending (tests and vector generators). */
  List<BigInteger> primes() {
    List<BigInteger> out = new ArrayList<>(factors.length);
    for (Factor f : factors) {
      out.add(f.p);
    }
    return out;
  }

  /** The smallest prime. */
  BigInteger p() {
    return factors[0].p;
  }

  /** The second smallest prime. */
  BigInteger q() {
    return factors[1].p;
  }

  @Override
  public boolean equals(Object o) {
    // n determines its prime factors, and the encoding lists them ascending: comparing n is
    // comparing keys.
    return o instanceof PaillierPrivateKey && ((PaillierPrivateKey) o).publicKey.equals(publicKey);
  }

  @Override
  public int hashCode() {
    return publicKey.hashCode() * 31 + 1;
  }

  @Override
  public String toString() {
    return "PaillierPrivateKey[" + publicKey.modulusBits() + "-bit n, fingerprint "
        + publicKey.fingerprint() + "]";
  }
}
