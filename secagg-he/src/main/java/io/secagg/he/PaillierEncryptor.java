package io.secagg.he;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Public-key operations that need fresh randomness: encryption, rerandomization and the
 * plaintext operations whose result must not be linkable to their input. Thread-safe.
 *
 * <p>Encryption is {@code c = (1 + m n) rho mod n^2} with {@code g = n + 1} (no exponentiation
 * for {@code g^m}) and a fresh randomizer {@code rho} from the {@link RandomizerSource}. Every
 * ciphertext this class returns is multiplied by a fresh randomizer.
 */
public final class PaillierEncryptor {
  private final PaillierPublicKey publicKey;
  private final RandomizerSource randomizers;

  private PaillierEncryptor(RandomizerSource randomizers) {
    this.randomizers = randomizers;
    this.publicKey = randomizers.publicKey();
  }

  /**
   * An encryptor with DJN randomizers ({@link RandomizerSource#djn}) from a new
   * {@link SecureRandom}. Building the fixed-base table takes a fraction of a second: reuse the
   * encryptor.
   *
   * @throws NullPointerException if {@code publicKey} is null
   */
  public static PaillierEncryptor create(PaillierPublicKey publicKey) {
    return new PaillierEncryptor(RandomizerSource.djn(publicKey, new SecureRandom()));
  }

  /**
   * An encryptor drawing from {@code randomizers}.
   *
   * @throws NullPointerException if {@code randomizers} is null
   */
  public static PaillierEncryptor create(RandomizerSource randomizers) {
    return new PaillierEncryptor(Objects.requireNonNull(randomizers, "randomizers"));
  }

  /** The public key. */
  public PaillierPublicKey publicKey() {
    return publicKey;
  }

  /**
   * Encrypts {@code m}.
   *
   * @param m the plaintext, {@code 0 <= m < n}
   * @throws IllegalArgumentException if {@code m} is outside {@code [0, n)}
   * @throws NullPointerException if {@code m} is null
   */
  public Ciphertext encrypt(BigInteger m) {
    checkPlaintext(m);
    return encryptWith(m, randomizers.next());
  }

  /**
   * Encrypts a non-negative {@code long}.
   *
   * @throws IllegalArgumentException if {@code m < 0} (a caller bug, so unchecked)
   */
  public Ciphertext encrypt(long m) {
    return encrypt(BigInteger.valueOf(m));
  }

  /** {@code (1 + m n) rho mod n^2}; {@code m} in range, {@code rho} an n-th residue unit. */
  Ciphertext encryptWith(BigInteger m, BigInteger rho) {
    BigInteger gm = m.multiply(publicKey.modulus()).add(BigInteger.ONE);
    return Ciphertext.trusted(publicKey, publicKey.multiplyModN2(gm, rho));
  }

  /**
   * A fresh ciphertext of the same plaintext, unlinkable to {@code c}.
   *
   * @throws KeyMismatchException if {@code c} is under another key
   */
  public Ciphertext rerandomize(Ciphertext c) {
    checkKey(c);
    return Ciphertext.trusted(publicKey, publicKey.multiplyModN2(c.value(), randomizers.next()));
  }

  /**
   * {@code Enc(Dec(c) + m mod n)}, rerandomized so that whoever saw {@code c} cannot learn
   * {@code m} by comparing.
   *
   * @param m {@code 0 <= m < n}
   * @throws IllegalArgumentException if {@code m} is outside {@code [0, n)}
   * @throws KeyMismatchException if {@code c} is under another key
   */
  public Ciphertext addPlaintext(Ciphertext c, BigInteger m) {
    checkKey(c);
    checkPlaintext(m);
    BigInteger gm = m.multiply(publicKey.modulus()).add(BigInteger.ONE);
    BigInteger shifted = publicKey.multiplyModN2(c.value(), gm);
    return Ciphertext.trusted(publicKey, publicKey.multiplyModN2(shifted, randomizers.next()));
  }

  /**
   * {@code Enc(Dec(c) * k mod n)}, rerandomized (so {@code k = 0} still gives a random
   * ciphertext and {@code k} cannot be recovered by comparing with {@code c}).
   *
   * @param k {@code 0 <= k < n}
   * @throws IllegalArgumentException if {@code k} is outside {@code [0, n)}
   * @throws KeyMismatchException if {@code c} is under another key
   */
  public Ciphertext multiplyByPlaintext(Ciphertext c, BigInteger k) {
    checkKey(c);
    checkPlaintext(k);
    BigInteger scaled = c.value().modPow(k, publicKey.modulusSquared());
    return Ciphertext.trusted(publicKey, publicKey.multiplyModN2(scaled, randomizers.next()));
  }

  private void checkKey(Ciphertext c) {
    Objects.requireNonNull(c, "c");
    if (!c.publicKey().equals(publicKey)) {
      throw new KeyMismatchException("ciphertext belongs to another public key");
    }
  }

  private void checkPlaintext(BigInteger m) {
    Objects.requireNonNull(m, "m");
    if (m.signum() < 0 || m.compareTo(publicKey.modulus()) >= 0) {
      throw new IllegalArgumentException("plaintext must satisfy 0 <= m < n");
    }
  }

  @Override
  public String toString() {
    return "PaillierEncryptor[" + randomizers + "]";
  }
}
