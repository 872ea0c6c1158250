package io.secagg.he;

import io.secagg.he.internal.Wire;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A validated Paillier ciphertext {@code c} in {@code Z*_{n^2}} bound to its public key.
 * Immutable and thread-safe.
 *
 * <p>Every instance satisfies {@code 0 < c < n^2} and {@code gcd(c, n) = 1}: values from outside
 * are checked by {@link #of} and {@link #fromBytes}; values computed by the library are units by
 * construction. The library only creates ciphertexts that carry a uniformly random randomizer
 * (fresh or inherited), so none of them is the bare encoding {@code 1 + mn}.
 */
public final class Ciphertext {
  static final int TYPE = 0x03;

  private final PaillierPublicKey publicKey;
  private final BigInteger value;

  private Ciphertext(PaillierPublicKey publicKey, BigInteger value) {
    this.publicKey = publicKey;
    this.value = value;
  }

  /** For values the library computed from valid ciphertexts and randomizers. */
  static Ciphertext trusted(PaillierPublicKey publicKey, BigInteger value) {
    return new Ciphertext(publicKey, value);
  }

  /**
   * Validates an incoming ciphertext value.
   *
   * @throws InvalidCiphertextException if {@code value <= 0}, {@code value >= n^2} or
   *     {@code gcd(value, n) != 1}
   * @throws NullPointerException if an argument is null
   */
  public static Ciphertext of(PaillierPublicKey publicKey, BigInteger value)
      throws InvalidCiphertextException {
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(value, "value");
    if (value.signum() <= 0 || value.compareTo(publicKey.modulusSquared()) >= 0) {
      throw new InvalidCiphertextException("ciphertext must satisfy 0 < c < n^2");
    }
    if (!value.gcd(publicKey.modulus()).equals(BigInteger.ONE)) {
      throw new InvalidCiphertextException("ciphertext shares a factor with n");
    }
    return new Ciphertext(publicKey, value);
  }

  /**
   * Parses {@code 01 03 || c} where {@code c} is exactly {@link PaillierPublicKey#ciphertextBytes()}
   * big-endian bytes, then validates it as {@link #of} does.
   *
   * @throws InvalidCiphertextException if the encoding is malformed or the value invalid
   * @throws NullPointerException if an argument is null
   */
  public static Ciphertext fromBytes(PaillierPublicKey publicKey, byte[] encoding)
      throws InvalidCiphertextException {
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(encoding, "encoding");
    BigInteger c;
    try {
      Wire.Reader r = new Wire.Reader(encoding, TYPE);
      c = r.fixed(publicKey.ciphertextBytes());
      r.finish();
    } catch (Wire.FormatException e) {
      throw new InvalidCiphertextException("malformed ciphertext: " + e.getMessage(), e);
    }
    return of(publicKey, c);
  }

  /** The encoding {@code 01 03 || c} with {@code c} fixed-width big-endian. */
  public byte[] toBytes() {
    return new Wire.Writer(TYPE).fixed(value, publicKey.ciphertextBytes()).toByteArray();
  }

  /** The public key this ciphertext is under. */
  public PaillierPublicKey publicKey() {
    return publicKey;
  }

  /** The value {@code c}, in {@code (0, n^2)}. */
  public BigInteger value() {
    return value;
  }

  /**
   * Homomorphic addition: {@code Dec(this.add(o)) = Dec(this) + Dec(o) mod n}. The result is as
   * random as the more random of the two operands.
   *
   * @throws KeyMismatchException if {@code other} is under another key
   */
  public Ciphertext add(Ciphertext other) {
    Objects.requireNonNull(other, "other");
    if (!other.publicKey.equals(publicKey)) {
      throw new KeyMismatchException("ciphertexts are under different public keys");
    }
    return new Ciphertext(publicKey, publicKey.multiplyModN2(value, other.value));
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Ciphertext)) {
      return false;
    }
    Ciphertext c = (Ciphertext) o;
    return c.value.equals(value) && c.publicKey.equals(publicKey);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "Ciphertext[key " + publicKey.fingerprint() + "]";
  }
}
