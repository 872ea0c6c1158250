package io.secagg.he.threshold;

import io.secagg.he.Ciphertext;
import io.secagg.he.InvalidPaillierKeyException;
import io.secagg.he.KeyMismatchException;
import io.secagg.he.internal.Wire;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Party {@code i}'s secret share {@code s_i = f(i) mod nm} of the decryption exponent.
 * Immutable and thread-safe. {@link #toString()} never shows {@code s_i}.
 */
public final class KeyShare {
  static final int TYPE = 0x05;

  private final ThresholdPublicKey publicKey;
  private final int index;
  private final BigInteger secret;

  KeyShare(ThresholdPublicKey publicKey, int index, BigInteger secret) {
    this.publicKey = publicKey;
    this.index = index;
    this.secret = secret;
  }

  /** The threshold public key this share belongs to. */
  public ThresholdPublicKey publicKey() {
    return publicKey;
  }

  /** The party index {@code i}, from 1. */
  public int index() {
    return index;
  }

  /**
   * This party's partial decryption of {@code c} with a fresh proof of correctness.
   *
   * @throws KeyMismatchException if {@code c} is under another key
   * @throws NullPointerException if an argument is null
   */
  public PartialDecryption partialDecrypt(Ciphertext c, SecureRandom random) {
    Objects.requireNonNull(random, "random");
    BigInteger bound = BigInteger.ONE.shiftLeft(
        ThresholdMath.nonceBits(publicKey.delta(), publicKey.paillierKey().modulusBits()));
    return partialDecrypt(c, new BigInteger(bound.bitLength() - 1, random));
  }

  /** The partial decryption with proof nonce {@code r} (known-answer tests record it). */
  PartialDecryption partialDecrypt(Ciphertext c, BigInteger r) {
    Objects.requireNonNull(c, "c");
    if (!c.publicKey().equals(publicKey.paillierKey())) {
      throw new KeyMismatchException("ciphertext belongs to another public key");
    }
    BigInteger n2 = publicKey.paillierKey().modulusSquared();
    BigInteger exponent = publicKey.delta().multiply(secret);
    BigInteger ci = c.value().modPow(exponent.shiftLeft(1), n2);
    BigInteger c4 = c.value().modPow(BigInteger.valueOf(4), n2);
    BigInteger ci2 = ci.multiply(ci).mod(n2);
    BigInteger v = publicKey.verificationBase();
    BigInteger vi = publicKey.verificationKey(index);
    BigInteger a = c4.modPow(r, n2);
    BigInteger b = v.modPow(r, n2);
    BigInteger e = ThresholdMath.challenge(index, publicKey.paillierKey().ciphertextBytes(), c4, ci2, v, vi, a, b);
    BigInteger z = r.add(e.multiply(exponent));
    return new PartialDecryption(index, ci, e, z);
  }

  /** The encoding {@code 01 05 || u32(i) || int(s_i)}. Secret: protect it. */
  public byte[] toBytes() {
    return new Wire.Writer(TYPE).u32(index).integer(secret).toByteArray();
  }

  /**
   * Parses a share for {@code publicKey} and checks it against the party's verification key
   * ({@code v^(Delta s_i) = v_i}).
   *
   * @throws InvalidPaillierKeyException if malformed, out of range or inconsistent with
   *     {@code publicKey}
   * @throws NullPointerException if an argument is null
   */
  public static KeyShare fromBytes(ThresholdPublicKey publicKey, byte[] encoding)
      throws InvalidPaillierKeyException {
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(encoding, "encoding");
    try {
      Wire.Reader r = new Wire.Reader(encoding, TYPE);
      int index = r.index(ThresholdPublicKey.MAX_PARTIES, publicKey.parties(), "share");
      BigInteger n2 = publicKey.paillierKey().modulusSquared();
      BigInteger s = r.integer(Wire.byteLength(n2));
      r.finish();
      // s_i lies in [0, nm) and nm < n^2 / 4.
      if (s.compareTo(n2.shiftRight(2)) >= 0) {
        throw new InvalidPaillierKeyException("share value out of range");
      }
      BigInteger check = publicKey.verificationBase().modPow(publicKey.delta().multiply(s), n2);
      if (!check.equals(publicKey.verificationKey(index))) {
        throw new InvalidPaillierKeyException("share does not match verification key " + index);
      }
      return new KeyShare(publicKey, index, s);
    } catch (Wire.FormatException e) {
      throw new InvalidPaillierKeyException("malformed key share: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "KeyShare[party " + index + " of " + publicKey.parties() + "]";
  }
}
