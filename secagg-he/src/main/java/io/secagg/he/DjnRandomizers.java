package io.secagg.he;

import io.secagg.he.internal.FixedBaseTable;
import io.secagg.he.internal.Wire;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Objects;

/** DJN randomizers {@code h_s^a mod n^2}, {@code a < 2^ceil(bits(n)/2)}, from a fixed-base table. */
final class DjnRandomizers extends RandomizerSource {
  /**
   * Table window when the caller does not choose: 8 bits up to 3200-bit moduli (128
   * multiplications and ~17 MB of table at 2048 bits; 192 and ~40 MB at 3072), 7 bits above, so
   * the table stays below ~60 MB at the largest sizes.
   */
  static int defaultWindow(PaillierPublicKey key) {
    return key.modulusBits() <= 3200 ? 8 : 7;
  }
  private static final byte[] LABEL = "secagg/v1 paillier djn h".getBytes(StandardCharsets.US_ASCII);

  private final PaillierPublicKey publicKey;
  private final SecureRandom random;
  private final int exponentBits;
  private final FixedBaseTable table;

  DjnRandomizers(PaillierPublicKey publicKey, SecureRandom random, int window) {
    this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
    this.random = Objects.requireNonNull(random, "random");
    this.exponentBits = exponentBits(publicKey);
    this.table = new FixedBaseTable(base(publicKey), publicKey.reducer(), exponentBits, window);
  }

  /** {@code ceil(bits(n) / 2)}: the length of the secret exponent {@code a}. */
  static int exponentBits(PaillierPublicKey key) {
    return (key.modulusBits() + 1) / 2;
  }

  /**
   * The {@code x} of {@code h = -x^2 mod n}: the first counter {@code i = 0, 1, ...} for which
   * {@code x = OS2IP(T_i) mod n} is a unit, where {@code T_i} is the first
   * {@code byteLength(n) + 16} bytes of {@code SHA-256(label || u32(i) || u32(j) || I2OSP(n))}
   * for {@code j = 0, 1, ...} concatenated.
   */
  static BigInteger derivedX(BigInteger n) {
    int nLen = Wire.byteLength(n);
    byte[] nBytes = Wire.fixed(n, nLen);
    int want = nLen + 16;
    for (int i = 0; ; i++) {
      byte[] t = new byte[want];
      for (int j = 0, off = 0; off < want; j++, off += 32) {
        MessageDigest sha = sha256();
        sha.update(LABEL);
        sha.update(u32(i));
        sha.update(u32(j));
        sha.update(nBytes);
        byte[] block = sha.digest();
        System.arraycopy(block, 0, t, off, Math.min(32, want - off));
      }
      BigInteger x = new BigInteger(1, t).mod(n);
      if (x.signum() != 0 && x.gcd(n).equals(BigInteger.ONE)) {
        return x;
      }
    }
  }

  /** {@code h = -x^2 mod n} for the derived {@code x}. */
  static BigInteger h(BigInteger n) {
    BigInteger x = derivedX(n);
    return n.subtract(x.multiply(x).mod(n));
  }

  /** {@code h_s = h^n mod n^2}: the fixed base of every DJN randomizer of this key. */
  static BigInteger base(PaillierPublicKey key) {
    return h(key.modulus()).modPow(key.modulus(), key.modulusSquared());
  }

  private static byte[] u32(int v) {
    return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  @Override
  public PaillierPublicKey publicKey() {
    return publicKey;
  }

  @Override
  BigInteger next() {
    return table.pow(new BigInteger(exponentBits, random));
  }

  /** The randomizer for a given exponent (known-answer tests). */
  BigInteger forExponent(BigInteger a) {
    return table.pow(a);
  }

  @Override
  public String toString() {
    return "RandomizerSource[DJN h_s^a, " + exponentBits + "-bit a, key " + publicKey.fingerprint() + "]";
  }
}
