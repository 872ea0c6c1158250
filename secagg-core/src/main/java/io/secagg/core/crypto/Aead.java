package io.secagg.core.crypto;

import javax.crypto.AEADBadTagException;

/**
 * Authenticated encryption with associated data, bound to one key.
 *
 * <p>Security guarantees: the plaintext stays confidential and the ciphertext together with its
 * associated data cannot be modified without {@link #decrypt} noticing, as long as the key is
 * secret and each key encrypts no more messages than the implementation's documented bound.
 * The associated data is authenticated but not encrypted and not part of the output: the
 * decrypting side must supply the same bytes, which is how a ciphertext is bound to its context
 * (session, sender, receiver, round).
 *
 * <p>The output is self-contained: it carries its own nonce, so the caller never manages nonces.
 */
public interface Aead {
  /**
   * Encrypts and authenticates {@code plaintext} together with {@code associatedData}.
   *
   * @param plaintext the message (may be empty)
   * @param associatedData bytes to authenticate but not encrypt (may be empty)
   * @return a fresh ciphertext in the implementation's framing
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the ciphertext would not fit in a Java array
   */
  byte[] encrypt(byte[] plaintext, byte[] associatedData);

  /**
   * Checks and decrypts a ciphertext made by {@link #encrypt} under the same key.
   *
   * @param ciphertext the framed ciphertext
   * @param associatedData the same associated data that was given to {@link #encrypt}
   * @return the plaintext; nothing is returned, not even in part, unless the whole ciphertext and
   *     the associated data are authentic
   * @throws AEADBadTagException if the ciphertext is too short, or it or the associated data has
   *     been modified, or it was made under another key: every failure has this one type, so
   *     callers cannot tell the causes apart (and neither can an attacker)
   * @throws NullPointerException if an argument is null
   */
  byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws AEADBadTagException;
}
