package io.secagg.core.crypto;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * An immutable holder of secret bytes (a seed, a private key, a shared secret).
 *
 * <p>Contract:
 * <ul>
 *   <li>The bytes are copied in and copied out: no caller can alias the internal array.
 *   <li>{@link #toString()} states only the length, never the content.
 *   <li>{@link #equals(Object)} runs in time that depends only on the lengths, not on the content
 *       ({@link MessageDigest#isEqual}); {@link #hashCode()} depends only on the length.
 *   <li>{@link #destroy()} overwrites the bytes with zeros; afterwards every accessor throws
 *       {@link IllegalStateException}.
 * </ul>
 *
 * <p>Raw bytes are handed out only on explicit request through {@link #toByteArray()}.
 */
public final class SecretBytes implements Destroyable {
  private final byte[] bytes;
  private volatile boolean destroyed;

  private SecretBytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Copies {@code bytes} into a new holder.
   *
   * @throws NullPointerException if {@code bytes} is null
   */
  public static SecretBytes copyOf(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    return new SecretBytes(bytes.clone());
  }

  /**
   * Draws {@code length} fresh bytes from {@code random} (one {@link SecureRandom#nextBytes} call)
   * into a new holder: the way to create a seed or key without a raw copy lingering elsewhere.
   *
   * @param length the number of bytes, 0 or more
   * @param random the source; production callers pass a {@link SecureRandom} of their choice or
   *     {@code new SecureRandom()}, vector generators a {@link DeterministicRandom}
   * @throws NullPointerException if {@code random} is null
   * @throws IllegalArgumentException if {@code length} is negative
   */
  public static SecretBytes random(int length, SecureRandom random) {
    Objects.requireNonNull(random, "random");
    if (length < 0) {
      throw new IllegalArgumentException("Invalid secret length " + length + "; must be >= 0");
    }
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return new SecretBytes(bytes);
  }

  /**
   * Takes ownership of {@code bytes} without copying and zeroes nothing: for internal use where
   * the caller has just created the array and drops its reference.
   */
  static SecretBytes wrap(byte[] bytes) {
    return new SecretBytes(Objects.requireNonNull(bytes, "bytes"));
  }

  /**
   * The number of secret bytes (0 or more).
   *
   * @throws IllegalStateException if the secret has been destroyed
   */
  public int length() {
    checkLive();
    return bytes.length;
  }

  /**
   * A fresh copy of the secret bytes; the caller is responsible for it.
   *
   * @throws IllegalStateException if the secret has been destroyed
   */
  public byte[] toByteArray() {
    checkLive();
    return bytes.clone();
  }

  /**
   * Compares with another holder in time independent of the content.
   *
   * @return true iff both hold the same byte sequence
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalStateException if either secret has been destroyed
   */
  public boolean equalsConstantTime(SecretBytes other) {
    Objects.requireNonNull(other, "other");
    checkLive();
    other.checkLive();
    return MessageDigest.isEqual(bytes, other.bytes);
  }

  /**
   * Content equality in constant time (see {@link #equalsConstantTime}); false for anything that
   * is not a {@code SecretBytes}.
   *
   * @throws IllegalStateException if {@code o} is a {@code SecretBytes} and either side has been
   *     destroyed
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof SecretBytes && equalsConstantTime((SecretBytes) o);
  }

  /** The length only, so that hashing reveals nothing of the content. */
  @Override
  public int hashCode() {
    // Only the length: a content hash would leak bits of the secret to whoever sees the bucket.
    return bytes.length;
  }

  /** Overwrites the secret with zeros. Idempotent. */
  @Override
  public void destroy() {
    destroyed = true;
    Arrays.fill(bytes, (byte) 0);
  }

  /** True once {@link #destroy()} has been called. */
  @Override
  public boolean isDestroyed() {
    return destroyed;
  }

  /** {@code SecretBytes[N bytes]}: the length only, never the content. */
  @Override
  public String toString() {
    return "SecretBytes[" + bytes.length + " bytes]";
  }

  private void checkLive() {
    if (destroyed) {
      throw new IllegalStateException("secret has been destroyed");
    }
  }
}
