/**
 * Paillier encryption with {@code g = n + 1}: validated keys ({@link
 * io.secagg.he.PaillierKeyGenerator}, {@link io.secagg.he.PaillierPublicKey}, {@link
 * io.secagg.he.PaillierPrivateKey}), ciphertexts ({@link io.secagg.he.Ciphertext}) that are always
 * validated and always randomized, fast randomizers ({@link io.secagg.he.RandomizerSource},
 * {@link io.secagg.he.RandomizerPool}), encryption ({@link io.secagg.he.PaillierEncryptor}) and
 * CRT decryption. Formats and algorithms are normative in {@code spec/paillier.md}.
 *
 * <p>Security: semantic security under the decisional composite residuosity (DCR) assumption
 * (plus the short-exponent assumption for DJN randomizers, see {@link
 * io.secagg.he.RandomizerSource}). Not CCA-secure: ciphertexts are malleable by design. Not
 * constant-time: {@link java.math.BigInteger} arithmetic leaks timing.
 */
package io.secagg.he;
