/**
 * Small, misuse-resistant cryptographic primitives: X25519 key agreement, HKDF-SHA256 with
 * explicit labels, AES-GCM authenticated encryption, Ed25519 signatures, and a holder for
 * secret bytes. Providers are chosen per primitive and hidden behind these types.
 */
package io.secagg.core.crypto;
