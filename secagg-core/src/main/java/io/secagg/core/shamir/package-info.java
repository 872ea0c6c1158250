/**
 * Threshold (t-of-n) Shamir secret sharing of 32-byte secrets over the prime field
 * GF(2^61 - 1).
 *
 * <p>{@link io.secagg.core.shamir.ShamirScheme} splits and reconstructs, {@link
 * io.secagg.core.shamir.Share} is one share with its fixed 42-byte wire encoding, {@link
 * io.secagg.core.shamir.Reconstructor} reconstructs many secrets from shares with the same
 * indices at a fraction of the cost, and {@link io.secagg.core.shamir.InvalidShareException}
 * reports every rejected share with a {@link io.secagg.core.shamir.InvalidShareException.Reason}.
 * Invalid parameters of the caller's own (threshold, share count, secret length) throw {@link
 * java.lang.IllegalArgumentException}.
 */
package io.secagg.core.shamir;
