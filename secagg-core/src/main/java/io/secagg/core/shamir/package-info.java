/**
 * Threshold (t-of-n) Shamir secret sharing of 32-byte secrets over a prime field.
 */
package io.secagg.core.shamir;
