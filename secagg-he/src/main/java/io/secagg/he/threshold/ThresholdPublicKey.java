package io.secagg.he.threshold;

import io.secagg.he.Ciphertext;
import io.secagg.he.InvalidPaillierKeyException;
import io.secagg.he.KeyMismatchException;
import io.secagg.he.PaillierPublicKey;
import io.secagg.he.internal.Args;
import io.secagg.he.internal.Wire;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The public part of a dealt threshold key: the Paillier public key, the threshold {@code t},
 * the number of parties {@code w}, the verification base {@code v} and each party's
 * verification key {@code v_i = v^(Delta s_i) mod n^2} ({@code Delta = w!}). Immutable and
 * thread-safe. It combines partial decryptions ({@link #combine}).
 */
public final class ThresholdPublicKey {
  static final int TYPE = 0x04;
  /** The largest number of parties. */
  public static final int MAX_PARTIES = 128;

  private final PaillierPublicKey publicKey;
  private final int threshold;
  private final int parties;
  private final BigInteger v;
  private final BigInteger[] verificationKeys;
  private final BigInteger delta;
  private final BigInteger combineInverse;

  ThresholdPublicKey(PaillierPublicKey publicKey, int threshold, int parties, BigInteger v, BigInteger[] vks) {
    this.publicKey = publicKey;
    this.threshold = threshold;
    this.parties = parties;
    this.v = v;
    this.verificationKeys = vks.clone();
    this.delta = ThresholdMath.factorial(parties);
    BigInteger n = publicKey.modulus();
    this.combineInverse = delta.multiply(delta).shiftLeft(2).modInverse(n);
  }

  static void checkCounts(int threshold, int parties) {
    Args.inRange("parties", parties, 2, MAX_PARTIES);
    if (threshold < 2 || threshold > parties) {
      throw new IllegalArgumentException(
          "threshold must be 2..parties (" + parties + ") so that no single party can decrypt, got " + threshold);
    }
  }

  /** The Paillier public key clients encrypt under. */
  public PaillierPublicKey paillierKey() {
    return publicKey;
  }

  /** Partial decryptions needed: {@code t}. */
  public int threshold() {
    return threshold;
  }

  /** Number of parties {@code w}; party indices are {@code 1..w}. */
  public int parties() {
    return parties;
  }

  /** The verification base {@code v}, a square in {@code Z*_{n^2}}. */
  public BigInteger verificationBase() {
    return v;
  }

  /**
   * Party {@code index}'s verification key {@code v_i}.
   *
   * @throws IllegalArgumentException unless {@code 1 <= index <= w}
   */
  public BigInteger verificationKey(int index) {
    checkIndex(index);
    return verificationKeys[index - 1];
  }

  /** {@code Delta = w!}. */
  public BigInteger delta() {
    return delta;
  }

  void checkIndex(int index) {
    Args.inRange("party index", index, 1, parties);
  }

  /**
   * Checks a partial decryption of {@code c}: range and unit checks of {@code c_i}, then the
   * proof that {@code log_{c^4}(c_i^2) = log_v(v_i)}.
   *
   * @throws InvalidPartialDecryptionException if it does not verify
   * @throws KeyMismatchException if {@code c} is under another key
   */
  public void verify(Ciphertext c, PartialDecryption partial) throws InvalidPartialDecryptionException {
    Objects.requireNonNull(c, "c");
    Objects.requireNonNull(partial, "partial");
    checkCiphertext(c);
    int i = partial.index();
    if (i < 1 || i > parties) {
      throw new InvalidPartialDecryptionException("party index " + i + " is outside 1.." + parties);
    }
    BigInteger n2 = publicKey.modulusSquared();
    BigInteger ci = partial.value();
    if (ci.signum() <= 0 || ci.compareTo(n2) >= 0 || !ci.gcd(publicKey.modulus()).equals(BigInteger.ONE)) {
      throw new InvalidPartialDecryptionException("partial decryption of party " + i + " is not a unit mod n^2");
    }
    BigInteger z = partial.proofResponse();
    if (z.signum() < 0 || z.bitLength() > ThresholdMath.nonceBits(delta, publicKey.modulusBits()) + 1) {
      throw new InvalidPartialDecryptionException("proof response of party " + i + " is out of range");
    }
    BigInteger e = partial.proofChallenge();
    BigInteger vi = verificationKeys[i - 1];
    BigInteger c4 = c.value().modPow(BigInteger.valueOf(4), n2);
    BigInteger ci2 = ci.multiply(ci).mod(n2);
    BigInteger a = c4.modPow(z, n2).multiply(ci2.modPow(e, n2).modInverse(n2)).mod(n2);
    BigInteger b = v.modPow(z, n2).multiply(vi.modPow(e, n2).modInverse(n2)).mod(n2);
    BigInteger expected =
        ThresholdMath.challenge(i, publicKey.ciphertextBytes(), c4, ci2, v, vi, a, b);
    if (!expected.equals(e)) {
      throw new InvalidPartialDecryptionException("proof of party " + i + " does not verify");
    }
  }

  /**
   * A decryption of {@code c} to which partial decryptions are offered as they arrive; each is
   * verified once ({@link ThresholdDecryption#offer}).
   *
   * @throws KeyMismatchException if {@code c} is under another key
   * @throws NullPointerException if {@code c} is null
   */
  public ThresholdDecryption decryption(Ciphertext c) {
    Objects.requireNonNull(c, "c");
    checkCiphertext(c);
    return new ThresholdDecryption(this, c);
  }

  /**
   * Verifies partial decryptions of {@code c} in ascending party order until {@code t} parties
   * are valid, and combines those {@code t}: invalid ones are skipped and reported, not fatal,
   * and none is verified twice (a party whose valid partial is held is skipped). Partial
   * decryptions after the {@code t}-th valid party are not examined.
   *
   * @param partials partial decryptions of {@code c}, in any order; a party may appear more
   *     than once
   * @return the completed decryption: {@link ThresholdDecryption#plaintext()} (already
   *     computed) and {@link ThresholdDecryption#rejectedParties()}
   * @throws InvalidPartialDecryptionException if fewer than {@code t} parties have a valid
   *     partial decryption among {@code partials} ({@link
   *     InvalidPartialDecryptionException#rejectedParties()} lists the invalid ones), or valid ones
   *     do not combine (see {@link ThresholdDecryption#plaintext()})
   * @throws KeyMismatchException if {@code c} is under another key
   * @throws NullPointerException if an argument or an element is null
   */
  public ThresholdDecryption combine(Ciphertext c, Collection<PartialDecryption> partials)
      throws InvalidPartialDecryptionException {
    Objects.requireNonNull(partials, "partials");
    ThresholdDecryption d = decryption(c);
    List<PartialDecryption> sorted = new ArrayList<>(partials);
    for (PartialDecryption p : sorted) {
      Objects.requireNonNull(p, "partial decryption");
    }
    sorted.sort((x, y) -> Integer.compare(x.index(), y.index()));
    for (PartialDecryption p : sorted) {
      if (d.isComplete()) {
        break;
      }
      try {
        d.offer(p);
      } catch (InvalidPartialDecryptionException e) {
        // Recorded by the decryption; the others may still reach t.
      }
    }
    if (!d.isComplete()) {
      throw new InvalidPartialDecryptionException(
          "only " + d.validParties().size() + " parties have valid partial decryptions; "
              + threshold + " are needed", d.rejectedParties());
    }
    d.plaintext();
    return d;
  }

  /** Lagrange combination in the exponent of {@code t} verified partials. */
  BigInteger combineVerified(List<PartialDecryption> chosen) throws InvalidPartialDecryptionException {
    BigInteger n = publicKey.modulus();
    BigInteger n2 = publicKey.modulusSquared();
    int[] set = chosen.stream().mapToInt(PartialDecryption::index).toArray();
    BigInteger acc = BigInteger.ONE;
    for (PartialDecryption p : chosen) {
      BigInteger lambda = ThresholdMath.lagrangeAtZero(delta, set, p.index());
      acc = acc.multiply(ThresholdMath.powSigned(p.value(), lambda.shiftLeft(1), n2)).mod(n2);
    }
    // acc = (1 + n)^(4 Delta^2 M) = 1 + 4 Delta^2 M n mod n^2.
    BigInteger[] qr = acc.subtract(BigInteger.ONE).divideAndRemainder(n);
    if (qr[1].signum() != 0) {
      throw new InvalidPartialDecryptionException("partial decryptions are inconsistent");
    }
    return qr[0].multiply(combineInverse).mod(n);
  }

  private void checkCiphertext(Ciphertext c) {
    if (!c.publicKey().equals(publicKey)) {
      throw new KeyMismatchException("ciphertext belongs to another public key");
    }
  }

  /**
   * The encoding {@code 01 04 || int(n) || u32(t) || u32(w) || int(v) || int(v_1) .. int(v_w)}.
   */
  public byte[] toBytes() {
    Wire.Writer w = new Wire.Writer(TYPE).integer(publicKey.modulus()).u32(threshold).u32(parties).integer(v);
    for (BigInteger vk : verificationKeys) {
      w.integer(vk);
    }
    return w.toByteArray();
  }

  /**
   * Parses and validates (production policy for {@code n}; {@code 2 <= t <= w <= 128};
   * {@code v} and every {@code v_i} units in {@code (0, n^2)}).
   *
   * @throws InvalidPaillierKeyException if malformed or invalid
   * @throws NullPointerException if {@code encoding} is null
   */
  public static ThresholdPublicKey fromBytes(byte[] encoding) throws InvalidPaillierKeyException {
    Objects.requireNonNull(encoding, "encoding");
    try {
      Wire.Reader r = new Wire.Reader(encoding, TYPE);
      int maxBytes = PaillierPublicKey.MAX_MODULUS_BITS / 8;
      PaillierPublicKey pk = PaillierPublicKey.fromModulus(r.integer(maxBytes));
      int t = r.u32(MAX_PARTIES);
      int w = r.u32(MAX_PARTIES);
      try {
        checkCounts(t, w);
      } catch (IllegalArgumentException e) {
        throw new InvalidPaillierKeyException(e.getMessage(), e);
      }
      BigInteger v = checkedUnit(pk, r.integer(2 * maxBytes), "v");
      BigInteger[] vks = new BigInteger[w];
      for (int i = 0; i < w; i++) {
        vks[i] = checkedUnit(pk, r.integer(2 * maxBytes), "v_" + (i + 1));
      }
      r.finish();
      return new ThresholdPublicKey(pk, t, w, v, vks);
    } catch (Wire.FormatException e) {
      throw new InvalidPaillierKeyException("malformed threshold public key: " + e.getMessage(), e);
    }
  }

  private static BigInteger checkedUnit(PaillierPublicKey pk, BigInteger x, String name)
      throws InvalidPaillierKeyException {
    if (x.signum() <= 0 || x.compareTo(pk.modulusSquared()) >= 0 || !x.gcd(pk.modulus()).equals(BigInteger.ONE)) {
      throw new InvalidPaillierKeyException(name + " must be a unit in (0, n^2)");
    }
    return x;
  }

  /** The verification keys in index order (unmodifiable). */
  public List<BigInteger> verificationKeys() {
    return Collections.unmodifiableList(Arrays.asList(verificationKeys));
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ThresholdPublicKey)) {
      return false;
    }
    ThresholdPublicKey k = (ThresholdPublicKey) o;
    return k.publicKey.equals(publicKey) && k.threshold == threshold && k.parties == parties
        && k.v.equals(v) && Arrays.equals(k.verificationKeys, verificationKeys);
  }

  @Override
  public int hashCode() {
    return publicKey.hashCode() * 31 + threshold * 7 + parties;
  }

  @Override
  public String toString() {
    return "ThresholdPublicKey[" + threshold + " of " + parties + ", " + publicKey + "]";
  }
}
