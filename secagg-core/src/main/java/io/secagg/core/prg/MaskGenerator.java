package io.secagg.core.prg;

import io.secagg.core.crypto.SecretBytes;
import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;

/**
 * Expands a 32-byte seed and a domain-separation context into a mask: {@link #length()} elements
 * of Z_m ({@link #modulus()}), pseudorandom and uniform, the same on every machine.
 *
 * <p>A generator is bound to one modulus and one length (the protocol configuration's), so a mask
 * can never be applied to a vector of another shape by mistake.
 *
 * <p><b>Security guarantees</b>: if the seed is uniformly random and secret, the mask is
 * computationally indistinguishable from a uniform element of (Z_m)^L, and masks for different
 * contexts (or different seeds) are independent. The same (seed, context) always yields the same
 * mask: callers MUST give every distinct use its own context (session, round, peer pair, purpose).
 *
 * <p>The streaming forms {@link #addMask} and {@link #subtractMask} never materialise the mask;
 * they are the protocol's hot path. Adding and then subtracting the mask of the same (seed,
 * context) restores the accumulator exactly.
 */
public interface MaskGenerator {
  /** The modulus m of every mask element. */
  Modulus modulus();

  /** The number of elements of every mask. */
  int length();

  /**
   * The mask of (seed, context) as a new vector.
   *
   * @param seed exactly 32 secret bytes
   * @param context domain-separation bytes (may be empty; bounded by the implementation)
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the seed is not 32 bytes or the context is too long
   * @throws IllegalStateException if the seed has been destroyed, or the underlying cipher is
   *     broken (see the implementation)
   */
  ModVector expand(SecretBytes seed, byte[] context);

  /**
   * accumulator := accumulator + mask(seed, context) (mod m), without materialising the mask.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the seed is not 32 bytes, the context is too long, or the
   *     accumulator's modulus or length differ from this generator's
   * @throws IllegalStateException if the seed has been destroyed, or the underlying cipher is
   *     broken (see the implementation)
   */
  void addMask(SecretBytes seed, byte[] context, ModVector accumulator);

  /**
   * accumulator := accumulator - mask(seed, context) (mod m), without materialising the mask.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the seed is not 32 bytes, the context is too long, or the
   *     accumulator's modulus or length differ from this generator's
   * @throws IllegalStateException if the seed has been destroyed, or the underlying cipher is
   *     broken (see the implementation)
   */
  void subtractMask(SecretBytes seed, byte[] context, ModVector accumulator);
}
