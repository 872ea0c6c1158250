/**
 * Small, misuse-resistant cryptographic primitives: {@link io.secagg.core.crypto.X25519} key
 * agreement, HKDF-SHA256 with explicit {@link io.secagg.core.crypto.KdfLabel labels} ({@link
 * io.secagg.core.crypto.Hkdf}), {@link io.secagg.core.crypto.Aead} authenticated encryption
 * ({@link io.secagg.core.crypto.AesGcm}), {@link io.secagg.core.crypto.Ed25519} signatures, the
 * one AES-CTR {@link io.secagg.core.crypto.Keystream} every pseudorandom stream of the project
 * reads (one {@link io.secagg.core.crypto.KeystreamPurpose} per use), and {@link
 * io.secagg.core.crypto.SecretBytes}, the holder of every secret. Providers are chosen per
 * primitive by measured speed and correctness and are hidden behind these types (see {@code
 * docs/architecture.md}); the normative text is {@code spec/secagg.md, section 2}.
 *
 * <h2>Randomness policy</h2>
 *
 * <ul>
 *   <li>Every type that needs randomness takes a caller-supplied {@link java.security.SecureRandom}
 *       at creation ({@code X25519.create(random)}, {@code Ed25519.create(random)}, {@code
 *       AesGcm.create(key, random)}, {@code SecretBytes.random(n, random)}); the overloads without
 *       one use {@code new SecureRandom()}, the platform's default strong source. No class of
 *       this package keeps a hidden or static source of randomness.
 *   <li>{@link io.secagg.core.crypto.DeterministicRandom} is the only deterministic source and is
 *       for test vectors and simulations only: anyone who knows its seed knows every key it
 *       produced.
 *   <li>Each operation documents exactly what it draws (X25519 and Ed25519 key generation: one
 *       32-byte {@code nextBytes}; AES-GCM encryption: one 12-byte {@code nextBytes}), so that a
 *       vector can record every random input and a checker can replay it.
 * </ul>
 *
 * <h2>Errors</h2>
 *
 * <p>Untrusted input that is malformed or fails a check raises a checked {@link
 * java.security.GeneralSecurityException} subtype: {@link java.security.InvalidKeyException} for
 * keys (wrong length, small-order X25519 points, unsupported AES key sizes), {@link
 * javax.crypto.AEADBadTagException} for any decryption failure, {@link
 * java.security.SignatureException} for any signature that does not verify. Null arguments are
 * programming errors ({@link NullPointerException}); using a destroyed secret is {@link
 * IllegalStateException}; out-of-range sizes (HKDF length, label grammar) are {@link
 * IllegalArgumentException}. No message ever contains secret bytes.
 */
package io.secagg.core.crypto;
