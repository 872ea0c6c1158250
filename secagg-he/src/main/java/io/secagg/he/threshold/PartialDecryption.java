package io.secagg.he.threshold;

import io.secagg.he.internal.Wire;
import java.math.BigInteger;
import java.util.Objects;

/**
 * Party {@code i}'s share of the decryption of one ciphertext: {@code c_i = c^(2 Delta s_i) mod
 * n^2} and a Fiat-Shamir proof {@code (e, z)} that {@code log_{c^4}(c_i^2) = log_v(v_i)}.
 * Public: it reveals nothing about the plaintext on its own. Immutable. Anyone can build one;
 * {@link ThresholdPublicKey#verify} decides whether it is valid.
 *
 * @param index the party index {@code i}, from 1
 * @param value {@code c_i}
 * @param proofChallenge the proof's challenge {@code e} (256 bits)
 * @param proofResponse the proof's response {@code z}
 */
public record PartialDecryption(
    int index, BigInteger value, BigInteger proofChallenge, BigInteger proofResponse) {
  static final int TYPE = 0x06;

  /**
   * @throws NullPointerException if a number is null
   * @throws IllegalArgumentException if {@code index} is below 1
   */
  public PartialDecryption {
    if (index < 1) {
      throw new IllegalArgumentException("Invalid party index " + index + "; must be >= 1");
    }
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(proofChallenge, "proofChallenge");
    Objects.requireNonNull(proofResponse, "proofResponse");
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
        .fixed(proofChallenge, 32)
        .integer(proofResponse)
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
      int index = r.index(ThresholdPublicKey.MAX_PARTIES, key.parties(), "party");
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
  public String toString() {
    return "PartialDecryption[party " + index + "]";
  }
}
