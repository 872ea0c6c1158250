package io.secagg.he;

import io.secagg.he.internal.BarrettReducer;
import io.secagg.he.internal.Primes;
import io.secagg.he.internal.Wire;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A Paillier public key with generator {@code g = n + 1}: the modulus {@code n} and the values
 * derived from it. Immutable and thread-safe.
 *
 * <p>Validation (spec/paillier.md, "Public key"): {@code n} is odd, not a perfect square, has no
 * prime factor below {@code 2^14}, is not a probable prime (a prime modulus would let anyone
 * decrypt), and has between {@link #MIN_MODULUS_BITS} and {@link #MAX_MODULUS_BITS} bits. The
 * {@code ...ForTesting} factory lowers the minimum to {@link #MIN_TEST_MODULUS_BITS} bits for
 * fast tests and must not be used for real data.
 */
public final class PaillierPublicKey {
  /** Smallest modulus accepted by the production API, in bits. */
  public static final int MIN_MODULUS_BITS = 2048;
  /** The modulus length of {@link PaillierKeyGenerator#generate()}, in bits. */
  public static final int DEFAULT_MODULUS_BITS = 3072;
  /** Largest modulus accepted, in bits (bounds allocation and work on untrusted input). */
  public static final int MAX_MODULUS_BITS = 16384;
  /** Smallest modulus accepted by the explicitly insecure test entry points, in bits. */
  public static final int MIN_TEST_MODULUS_BITS = 128;

  static final int TYPE = 0x01;
  private static final SecureRandom VALIDATION_RANDOM = new SecureRandom();

  private final BigInteger n;
  private final BigInteger nSquared;
  private final BarrettReducer reducer;
  private final int ciphertextBytes;
  private final String fingerprint;

  private PaillierPublicKey(BigInteger n) {
    this.n = n;
    this.nSquared = n.multiply(n);
    this.reducer = new BarrettReducer(nSquared);
    this.ciphertextBytes = Wire.byteLength(nSquared);
    this.fingerprint = computeFingerprint(n);
  }

  /**
   * Validates {@code n} under the production policy and wraps it.
   *
   * @throws InvalidPaillierKeyException if {@code n} fails any rule listed in the class comment
   * @throws NullPointerException if {@code n} is null
   */
  public static PaillierPublicKey fromModulus(BigInteger n) throws InvalidPaillierKeyException {
    return validated(n, MIN_MODULUS_BITS);
  }

  /**
   * Like {@link #fromModulus} but accepts moduli from {@link #MIN_TEST_MODULUS_BITS} bits.
   * INSECURE below 2048 bits: for fast unit tests only.
   *
   * @throws InvalidPaillierKeyException if {@code n} fails a rule
   */
  public static PaillierPublicKey fromModulusForTesting(BigInteger n)
      throws InvalidPaillierKeyException {
    return validated(n, MIN_TEST_MODULUS_BITS);
  }

  /** Wraps a modulus the caller has just built from two validated primes. */
  static PaillierPublicKey trusted(BigInteger n) {
    return new PaillierPublicKey(n);
  }

  private static PaillierPublicKey validated(BigInteger n, int minBits)
      throws InvalidPaillierKeyException {
    Objects.requireNonNull(n, "n");
    checkModulus(n, minBits);
    return new PaillierPublicKey(n);
  }

  static void checkModulus(BigInteger n, int minBits) throws InvalidPaillierKeyException {
    if (n.signum() <= 0 || !n.testBit(0)) {
      throw new InvalidPaillierKeyException("modulus must be odd and positive");
    }
    int bits = n.bitLength();
    if (bits < minBits || bits > MAX_MODULUS_BITS) {
      throw new InvalidPaillierKeyException(
          "modulus has " + bits + " bits; allowed " + minBits + ".." + MAX_MODULUS_BITS);
    }
    BigInteger root = n.sqrt();
    if (root.multiply(root).equals(n)) {
      throw new InvalidPaillierKeyException("modulus is a perfect square");
    }
    if (hasSmallFactor(n)) {
      throw new InvalidPaillierKeyException("modulus has a prime factor below 2^14");
    }
    if (Primes.isProbablePrime(n, VALIDATION_RANDOM)) {
      throw new InvalidPaillierKeyException("modulus is prime: anyone could decrypt");
    }
  }

  private static boolean hasSmallFactor(BigInteger n) {
    for (int p = 3; p < (1 << 14); p += 2) {
      if (n.mod(BigInteger.valueOf(p)).signum() == 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Parses the encoding of {@link #toBytes()} under the production policy.
   *
   * @throws InvalidPaillierKeyException if the bytes are malformed (wrong version or type,
   *     truncated, trailing bytes, non-minimal integer) or the modulus fails validation
   * @throws NullPointerException if {@code encoding} is null
   */
  public static PaillierPublicKey fromBytes(byte[] encoding) throws InvalidPaillierKeyException {
    Objects.requireNonNull(encoding, "encoding");
    try {
      Wire.Reader r = new Wire.Reader(encoding, TYPE);
      BigInteger n = r.integer(MAX_MODULUS_BITS / 8);
      r.finish();
      return fromModulus(n);
    } catch (Wire.FormatException e) {
      throw new InvalidPaillierKeyException("malformed public key: " + e.getMessage(), e);
    }
  }

  /** The encoding {@code 01 01 || int(n)} (spec/paillier.md, "Serialization"). */
  public byte[] toBytes() {
    return new Wire.Writer(TYPE).integer(n).toByteArray();
  }

  /** The modulus {@code n}. */
  public BigInteger modulus() {
    return n;
  }

  /** {@code n^2}, the ciphertext modulus. */
  public BigInteger modulusSquared() {
    return nSquared;
  }

  /** The bit length of {@code n}. */
  public int modulusBits() {
    return n.bitLength();
  }

  /** The fixed byte length of a serialized ciphertext value: {@code ceil(bits(n^2) / 8)}. */
  public int ciphertextBytes() {
    return ciphertextBytes;
  }

  /** The first 8 bytes of SHA-256 over {@link #toBytes()}, as hex: a public key identifier. */
  public String fingerprint() {
    return fingerprint;
  }

  BarrettReducer reducer() {
    return reducer;
  }

  /** {@code a * b mod n^2} for {@code a, b} in {@code [0, n^2)}. */
  BigInteger multiplyModN2(BigInteger a, BigInteger b) {
    return reducer.multiply(a, b);
  }

  private static String computeFingerprint(BigInteger n) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(new Wire.Writer(TYPE).integer(n).toByteArray());
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PaillierPublicKey && ((PaillierPublicKey) o).n.equals(n);
  }

  @Override
  public int hashCode() {
    return n.hashCode();
  }

  @Override
  public String toString() {
    return "PaillierPublicKey[" + n.bitLength() + "-bit n, fingerprint " + fingerprint + "]";
  }
}
