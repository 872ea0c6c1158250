package io.secagg.he.threshold;

import io.secagg.he.internal.Wire;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The arithmetic shared by dealer, parties and combiner (spec/paillier.md, "Threshold"). */
final class ThresholdMath {
  static final byte[] PROOF_LABEL =
      "secagg/v1 paillier threshold proof".getBytes(StandardCharsets.US_ASCII);
  /** Statistical hiding of the proof's response: 2^-128. */
  static final int PROOF_SLACK_BITS = 128;
  static final int CHALLENGE_BITS = 256;

  private ThresholdMath() {}

  static BigInteger factorial(int w) {
    BigInteger f = BigInteger.ONE;
    for (int i = 2; i <= w; i++) {
      f = f.multiply(BigInteger.valueOf(i));
    }
    return f;
  }

  /** Bit length of the proof nonce {@code r}: {@code bits(Delta) + 2 bits(n) + 256 + 128}. */
  static int nonceBits(BigInteger delta, int modulusBits) {
    return delta.bitLength() + 2 * modulusBits + CHALLENGE_BITS + PROOF_SLACK_BITS;
  }

  /** {@code Delta * prod_{j' in S, j' != j} j' / (j' - j)}, an exact integer. */
  static BigInteger lagrangeAtZero(BigInteger delta, int[] set, int j) {
    BigInteger num = delta;
    BigInteger den = BigInteger.ONE;
    for (int k : set) {
      if (k != j) {
        num = num.multiply(BigInteger.valueOf(k));
        den = den.multiply(BigInteger.valueOf(k - j));
      }
    }
    BigInteger[] qr = num.divideAndRemainder(den);
    if (qr[1].signum() != 0) {
      throw new IllegalStateException("Lagrange coefficient is not an integer");
    }
    return qr[0];
  }

  /** {@code x^e mod m} for a possibly negative {@code e} and a unit {@code x}. */
  static BigInteger powSigned(BigInteger x, BigInteger e, BigInteger m) {
    return e.signum() >= 0 ? x.modPow(e, m) : x.modInverse(m).modPow(e.negate(), m);
  }

  /**
   * The Fiat-Shamir challenge: SHA-256 over the label, {@code u32(index)} and the fixed-width
   * ({@code L = ciphertextBytes}) encodings of {@code c, c_i, v, v_i, a, b}.
   */
  static BigInteger challenge(int index, int width, BigInteger c, BigInteger ci, BigInteger v,
      BigInteger vi, BigInteger a, BigInteger b) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
    sha.update(PROOF_LABEL);
    sha.update(new byte[] {(byte) (index >>> 24), (byte) (index >>> 16), (byte) (index >>> 8), (byte) index});
    for (BigInteger x : new BigInteger[] {c, ci, v, vi, a, b}) {
      sha.update(Wire.fixed(x, width));
    }
    return new BigInteger(1, sha.digest());
  }
}
