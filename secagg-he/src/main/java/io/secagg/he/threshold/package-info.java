/**
 * Threshold Paillier decryption with a trusted dealer, after Shoup (2000, "Practical threshold
 * signatures") and Damgard-Jurik (2001, "A generalisation, a simplification and some
 * applications of Paillier's probabilistic public-key system") with {@code s = 1}: the dealer
 * builds {@code n} from safe primes, shares {@code d} ({@code d = 0 mod m}, {@code d = 1 mod n})
 * with a degree {@code t-1} polynomial over {@code Z_{nm}}, and any {@code t} of the {@code w}
 * parties' partial decryptions, each with a non-interactive proof of correctness, combine into
 * the plaintext. Fewer than {@code t} shares reveal nothing about {@code d}. There is no
 * dealer-free key generation in this package.
 *
 * <p>Start with {@link io.secagg.he.threshold.ThresholdKeyDealer}, which deals a {@link
 * io.secagg.he.threshold.ThresholdKeySet}; each party holds one {@link
 * io.secagg.he.threshold.KeyShare} and produces a {@link
 * io.secagg.he.threshold.PartialDecryption} of the sum.
 */
package io.secagg.he.threshold;
