package io.secagg.vectors.internal.he;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Formulas of {@code spec/paillier.md} written out with plain {@link BigInteger} arithmetic,
 * independently of secagg-he, so that the checkers compare the library with the text.
 */
final class PaillierSpec {
  private static final byte[] DJN_LABEL =
      "secagg/v1 paillier djn h".getBytes(StandardCharsets.US_ASCII);

  private PaillierSpec() {}

  /** {@code len(x)}: the byte length of the minimal big-endian encoding (0 for 0). */
  static int byteLength(BigInteger x) {
    return (x.bitLength() + 7) / 8;
  }

  /** {@code I2OSP(x, len)}: big-endian, left-padded with zeros. */
  static byte[] i2osp(BigInteger x, int len) {
    byte[] raw = x.toByteArray();
    byte[] out = new byte[len];
    int n = Math.min(raw.length, len);
    System.arraycopy(raw, raw.length - n, out, len - n, n);
    return out;
  }

  /** The minimal big-endian encoding of a non-negative integer (empty for 0). */
  static byte[] minimal(BigInteger x) {
    return i2osp(x, byteLength(x));
  }

  /** {@code u32(v)}, big-endian. */
  static byte[] u32(long v) {
    return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
  }

  /** Section 6.1: the {@code x} of the DJN base of modulus {@code n}. */
  static BigInteger djnX(BigInteger n) {
    byte[] nBytes = i2osp(n, byteLength(n));
    int want = byteLength(n) + 16;
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
    for (long i = 0; ; i++) {
      byte[] t = new byte[want];
      for (long j = 0; 32 * j < want; j++) {
        sha.update(DJN_LABEL);
        sha.update(u32(i));
        sha.update(u32(j));
        sha.update(nBytes);
        byte[] block = sha.digest();
        int off = (int) (32 * j);
        System.arraycopy(block, 0, t, off, Math.min(32, want - off));
      }
      BigInteger x = new BigInteger(1, t).mod(n);
      if (x.signum() != 0 && x.gcd(n).equals(BigInteger.ONE)) {
        return x;
      }
    }
  }

  /** {@code w!}, the threshold scheme's {@code Delta} for {@code w} parties. */
  static BigInteger factorial(int w) {
    BigInteger f = BigInteger.ONE;
    for (int i = 2; i <= w; i++) {
      f = f.multiply(BigInteger.valueOf(i));
    }
    return f;
  }

  /** True if {@code p} and {@code (p - 1) / 2} are both (probable, error below 2^-100) primes. */
  static boolean isSafePrime(BigInteger p) {
    return p.testBit(0)
        && p.isProbablePrime(100)
        && p.shiftRight(1).isProbablePrime(100);
  }
}
