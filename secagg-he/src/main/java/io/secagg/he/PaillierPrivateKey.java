package io.secagg.he;

import io.secagg.he.internal.Primes;
import io.secagg.he.internal.Wire;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A Paillier private key: the primes {@code p < q} of {@code n = pq} and the CRT constants of
 * decryption, all precomputed at construction. Immutable and thread-safe.
 *
 * <p>Validation (spec/paillier.md, "Private key"): {@code p} and {@code q} are probable primes
 * (64 Miller-Rabin rounds with random bases), distinct, of equal bit length, with
 * {@code gcd(n, (p-1)(q-1)) = 1}, {@code |p - q| >= 2^(bits(n)/2 - 100)} (so Fermat's method
 * cannot factor {@code n}), and {@code n} passes {@link PaillierPublicKey}'s rules.
 *
 * <p>{@link #toString()} never shows {@code p} or {@code q}; {@link #toBytes()} is the only way
 * the primes leave this object. Java's {@link BigInteger} cannot be wiped and is not
 * constant-time: this key offers no protection against an attacker who can read the process
 * memory or time individual decryptions precisely.
 */
public final class PaillierPrivateKey {
  static final int TYPE = 0x02;
  private static final SecureRandom VALIDATION_RANDOM = new SecureRandom();

  private final PaillierPublicKey publicKey;
  private final BigInteger p;
  private final BigInteger q;
  private final BigInteger pSquared;
  private final BigInteger qSquared;
  private final BigInteger pMinus1;
  private final BigInteger qMinus1;
  private final BigInteger hp;
  private final BigInteger hq;
  private final BigInteger qInverseModP;

  private PaillierPrivateKey(BigInteger p, BigInteger q, PaillierPublicKey publicKey) {
    this.publicKey = publicKey;
    this.p = p;
    this.q = q;
    this.pSquared = p.multiply(p);
    this.qSquared = q.multiply(q);
    this.pMinus1 = p.subtract(BigInteger.ONE);
    this.qMinus1 = q.subtract(BigInteger.ONE);
    BigInteger g = publicKey.modulus().add(BigInteger.ONE);
    this.hp = lFunction(g.modPow(pMinus1, pSquared), p).modInverse(p);
    this.hq = lFunction(g.modPow(qMinus1, qSquared), q).modInverse(q);
    this.qInverseModP = q.modInverse(p);
  }

  /**
   * Builds and validates a key from its primes (in either order) under the production policy.
   *
   * @throws InvalidPaillierKeyException if the primes fail a rule of the class comment
   * @throws NullPointerException if an argument is null
   */
  public static PaillierPrivateKey fromPrimes(BigInteger p, BigInteger q) {
    return validated(p, q, PaillierPublicKey.MIN_MODULUS_BITS);
  }

  /**
   * Like {@link #fromPrimes} but accepts moduli from
   * {@link PaillierPublicKey#MIN_TEST_MODULUS_BITS} bits. INSECURE: for fast tests only.
   *
   * @throws InvalidPaillierKeyException if the primes fail a rule
   */
  public static PaillierPrivateKey fromPrimesForTesting(BigInteger p, BigInteger q) {
    return validated(p, q, PaillierPublicKey.MIN_TEST_MODULUS_BITS);
  }

  /** For primes the library has just generated and tested itself. */
  static PaillierPrivateKey trusted(BigInteger p, BigInteger q) {
    BigInteger lo = p.min(q);
    BigInteger hi = p.max(q);
    return new PaillierPrivateKey(lo, hi, PaillierPublicKey.trusted(lo.multiply(hi)));
  }

  private static PaillierPrivateKey validated(BigInteger p, BigInteger q, int minBits) {
    Objects.requireNonNull(p, "p");
    Objects.requireNonNull(q, "q");
    checkPrimes(p, q, minBits);
    return trusted(p, q);
  }

  static void checkPrimes(BigInteger p, BigInteger q, int minModulusBits) {
    if (p.signum() <= 0 || q.signum() <= 0) {
      throw new InvalidPaillierKeyException("primes must be positive");
    }
    if (p.equals(q)) {
      throw new InvalidPaillierKeyException("p and q must be distinct");
    }
    if (p.bitLength() != q.bitLength()) {
      throw new InvalidPaillierKeyException("p and q must have the same bit length");
    }
    BigInteger n = p.multiply(q);
    if (n.bitLength() < minModulusBits || n.bitLength() > PaillierPublicKey.MAX_MODULUS_BITS) {
      throw new InvalidPaillierKeyException(
          "modulus has " + n.bitLength() + " bits; allowed " + minModulusBits + ".."
              + PaillierPublicKey.MAX_MODULUS_BITS);
    }
    if (!Primes.isProbablePrime(p, VALIDATION_RANDOM) || !Primes.isProbablePrime(q, VALIDATION_RANDOM)) {
      throw new InvalidPaillierKeyException("p or q is not prime");
    }
    BigInteger phi = p.subtract(BigInteger.ONE).multiply(q.subtract(BigInteger.ONE));
    if (!n.gcd(phi).equals(BigInteger.ONE)) {
      throw new InvalidPaillierKeyException("gcd(n, (p-1)(q-1)) must be 1");
    }
    if (p.subtract(q).abs().bitLength() <= n.bitLength() / 2 - 100) {
      throw new InvalidPaillierKeyException("p and q are too close: Fermat's method would factor n");
    }
  }

  /**
   * Parses the encoding of {@link #toBytes()} under the production policy.
   *
   * @throws InvalidPaillierKeyException if the bytes are malformed or the primes fail validation
   *     (including {@code p >= q}: the encoding is canonical)
   */
  public static PaillierPrivateKey fromBytes(byte[] encoding) {
    BigInteger p;
    BigInteger q;
    try {
      Wire.Reader r = new Wire.Reader(encoding, TYPE);
      p = r.integer(PaillierPublicKey.MAX_MODULUS_BITS / 8);
      q = r.integer(PaillierPublicKey.MAX_MODULUS_BITS / 8);
      r.finish();
    } catch (Wire.FormatException e) {
      throw new InvalidPaillierKeyException("malformed private key: " + e.getMessage(), e);
    }
    if (p.compareTo(q) >= 0) {
      throw new InvalidPaillierKeyException("private key encoding must list p < q");
    }
    return fromPrimes(p, q);
  }

  /** The encoding {@code 01 02 || int(p) || int(q)} with {@code p < q}. Secret: protect it. */
  public byte[] toBytes() {
    return new Wire.Writer(TYPE).integer(p).integer(q).toByteArray();
  }

  /** The matching public key. */
  public PaillierPublicKey publicKey() {
    return publicKey;
  }

  /**
   * Decrypts by CRT: {@code m_p = L_p(c^(p-1) mod p^2) hp mod p}, the same modulo {@code q},
   * then {@code m = m_q + q ((m_p - m_q) q^-1 mod p)}.
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
   * Like {@link #decrypt(Ciphertext)} with the two CRT halves computed concurrently: the
   * {@code q} half on {@code executor}, the {@code p} half on the caller's thread. This lowers
   * the latency of one decryption (about 2x when a core is idle) but not the throughput; to
   * decrypt many ciphertexts, parallelize across them instead (for example
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
    CompletableFuture<BigInteger> mq = CompletableFuture.supplyAsync(() -> halfQ(value), executor);
    BigInteger mp = halfP(value);
    return crt(mp, mq.join());
  }

  BigInteger decryptValue(BigInteger c) {
    return crt(halfP(c), halfQ(c));
  }

  private BigInteger halfP(BigInteger c) {
    return lFunction(c.mod(pSquared).modPow(pMinus1, pSquared), p).multiply(hp).mod(p);
  }

  private BigInteger halfQ(BigInteger c) {
    return lFunction(c.mod(qSquared).modPow(qMinus1, qSquared), q).multiply(hq).mod(q);
  }

  private BigInteger crt(BigInteger mp, BigInteger mq) {
    return mp.subtract(mq).multiply(qInverseModP).mod(p).multiply(q).add(mq);
  }

  private static BigInteger lFunction(BigInteger x, BigInteger prime) {
    return x.subtract(BigInteger.ONE).divide(prime);
  }

  BigInteger p() {
    return p;
  }

  BigInteger q() {
    return q;
  }

  @Override
  public boolean equals(Object o) {
    // n determines {p, q}, and the encoding is canonical (p < q): comparing n is comparing keys.
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
