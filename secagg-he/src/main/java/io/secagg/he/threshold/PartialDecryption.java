package io.secagg.he.threshold;

import io.secagg.he.internal.Wire;
import java.math.BigInteger;
import java.util.Objects;

/**
 * Party {@code i}'s share of the decryption of one ciphertext: {@code c_i = c^(2 Delta s_i) mod
 * n^2} and a Fiat-Shamir proof {@code (e, z)} that {@code log_{c^4}(c_i^2) = log_v(v_i)}.
 * Public: it reveals nothing about the plaintext on its own. Immutable.
 */
public final class PartialDecryption {
  static final int TYPE = 0x06;

  private final int index;
  private final BigInteger value;
  private final BigInteger challenge;
  private final BigInteger response;

  PartialDecryption(int index, BigInteger value, BigInteger challenge, BigInteger response) {
    this.index = index;
    this.value = value;
    this.challenge = challenge;
    this.response = response;
  }

  /** The party index {@code i}, from 1. */
  public int index() {
    return index;
  }

  /** {@code c_i}. */
  public BigInteger value() {
    return value;
  }

  /** The proof's challenge {@code e} (256 bits). */
  public BigInteger proofChallenge() {
    return challenge;
  }

  /** The proof's response {@code z}. */
  public BigInteger proofResponse() {
    return response;
  }

  /**
   * The encoding {@code 01 06 || u32(i) || c_i (fixed, ciphertext width) || e (32 bytes) ||
   * int(z)}.
   */
  public byte[] toBytes(ThresholdPublicKey key) {
    Objects.requireNonNull(key, "key");
    return new Wire.Writer(TYPE)
        .u32(index)
        .fixed(value, key.paillierKey().ciphertextBytes())
        .fixed(challenge, 32)
        .integer(response)
        .toByteArray();
  }

  /**
   * Parses an encoding for {@code key}. Only the format and the index range are checked here;
   * {@link ThresholdPublicKey#verify} checks the value and the proof.
   *
   * @throws InvalidPartialDecryptionException if the encoding is malformed or the index is out
   *     of range
   * @throws NullPointerException if an argument is null
   */
  public static PartialDecryption fromBytes(ThresholdPublicKey key, byte[] encoding)
      throws InvalidPartialDecryptionException {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(encoding, "encoding");
    try {
      Wire.Reader r = new Wire.Reader(encoding, TYPE);
      int index = r.u32(ThresholdPublicKey.MAX_PARTIES);
      if (index < 1 || index > key.parties()) {
        throw new InvalidPartialDecryptionException("party index " + index + " is outside 1.." + key.parties());
      }
      BigInteger value = r.fixed(key.paillierKey().ciphertextBytes());
      BigInteger e = r.fixed(32);
      int maxZBytes = (ThresholdMath.nonceBits(key.delta(), key.paillierKey().modulusBits()) + 1 + 7) / 8;
      BigInteger z = r.integer(maxZBytes);
      r.finish();
      return new PartialDecryption(index, value, e, z);
    } catch (Wire.FormatException e) {
      throw new InvalidPartialDecryptionException("malformed partial decryption: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof PartialDecryption)) {
      return false;
    }
    PartialDecryption p = (PartialDecryption) o;
    return p.index == index && p.value.equals(value) && p.challenge.equals(challenge)
        && p.response.equals(response);
  }

  @Override
  public int hashCode() {
    return index * 31 + value.hashCode();
  }

  @Override
  public String toString() {
    return "PartialDecryption[party " + index + "]";
  }
}
