package io.secagg.he;

import java.security.GeneralSecurityException;

/**
 * Paillier material from outside the caller's control was rejected: an encoded or given key, a
 * ciphertext or encrypted vector, a key share, a partial decryption, a client's contribution,
 * or a decrypted value that cannot be the sum the caller expected. Every such rejection in
 * secagg-he is a checked subtype of this class, so one {@code catch} separates "a peer sent
 * something invalid" from the caller's own bugs:
 *
 * <ul>
 *   <li>{@link InvalidPaillierKeyException}: key material (a public or private key, primes, a
 *       threshold public key, a key share);
 *   <li>{@link InvalidCiphertextException}: a ciphertext or an encrypted vector;
 *   <li>{@link PlaintextOverflowException}: a decrypted value outside what the encoding allows
 *       (a sum that wrapped, a corrupted or hostile ciphertext);
 *   <li>{@link io.secagg.he.threshold.InvalidPartialDecryptionException}: partial decryptions;
 *   <li>{@link io.secagg.he.aggregation.InvalidContributionException}: a client's upload.
 * </ul>
 *
 * <p>Caller bugs stay unchecked: a null argument ({@link NullPointerException}), a value the
 * caller chose out of range, such as a negative plaintext to encrypt or a value outside a
 * packing layout ({@link IllegalArgumentException}), and objects the caller bound to different
 * keys ({@link KeyMismatchException}). Messages name the broken rule and never contain a secret.
 *
 * <p>secagg-he does not depend on secagg-core, so this is its own root, the counterpart of
 * secagg-core's {@code io.secagg.core.UntrustedInputException}.
 */
public abstract class PaillierInputException extends GeneralSecurityException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message the rule the input broke (no secrets)
   */
  protected PaillierInputException(String message) {
    super(message);
  }

  /**
   * @param message the rule the input broke (no secrets)
   * @param cause the lower-level failure
   */
  protected PaillierInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
